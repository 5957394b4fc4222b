package geo

import (
	"strings"
	"testing"
)

func TestSerang(t *testing.T) {
	m, err := Serang()
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Shapes) != 29 || m.Height <= 0 || m.Height > 2*Width {
		t.Fatalf("%d shapes, height %v", len(m.Shapes), m.Height)
	}
	for _, s := range m.Shapes {
		if !strings.HasPrefix(s.Code, "36.04.") || s.Name == "" || len(s.Rings) == 0 {
			t.Errorf("shape %+v", s.Code)
		}
		for _, r := range s.Rings {
			for _, p := range r {
				if p.X < -0.01 || p.X > Width+0.01 || p.Y < -0.01 || p.Y > m.Height+0.01 {
					t.Fatalf("%s: point %v outside the drawing", s.Code, p)
				}
			}
		}
		if !strings.HasPrefix(s.Path(), "M") || !strings.HasSuffix(s.Path(), "Z") {
			t.Errorf("%s: path %.40s", s.Code, s.Path())
		}
	}
}

func FuzzProject(f *testing.F) {
	f.Add([]byte(`{"features":[{"properties":{"kode":"1","nama":"A"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		_, _ = Project(raw) // never panics
	})
}
