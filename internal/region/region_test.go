package region

import "testing"

func TestSerangHierarchy(t *testing.T) {
	d := All()
	if got := len(d.Districts("36.04")); got != 29 {
		t.Fatalf("Kabupaten Serang has %d kecamatan, want 29", got)
	}
	if got := len(d.Villages("36.04")); got != 326 {
		t.Fatalf("Kabupaten Serang has %d desa, want 326", got)
	}
	r, ok := d.Get("36.04.15")
	if !ok || r.Name != "Cikande" || r.Level != District || r.Parent != "36.04" {
		t.Fatalf("36.04.15 = %+v", r)
	}
	if _, ok := d.Get("36.04.10"); ok {
		t.Fatal("36.04.10 does not exist (the codes have gaps)")
	}
	if got := len(d.Children("")); got != 38 {
		t.Fatalf("%d provinces, want 38", got)
	}
}

func TestWithinAndDistrictOf(t *testing.T) {
	cases := []struct {
		code, area string
		want       bool
	}{
		{"36.04.15.2001", "36.04", true},
		{"36.04.15.2001", "36.04.15", true},
		{"36.04.15", "36.04.15", true},
		{"36.04.15.2001", "36.04.1", false}, // no partial segment match
		{"36.04.15.2001", "36.04.16", false},
		{"36.04.15.2001", "", true},
	}
	for _, c := range cases {
		if got := Within(c.code, c.area); got != c.want {
			t.Errorf("Within(%q, %q) = %v", c.code, c.area, got)
		}
	}
	if DistrictOf("36.04.15.2001") != "36.04.15" || DistrictOf("36.04") != "" || DistrictOf("36.04.15") != "36.04.15" {
		t.Fatal("DistrictOf wrong")
	}
}

func TestSectors(t *testing.T) {
	if len(Sectors()) != 21 || SectorName("C") != "Industri Pengolahan" || SectorName("Z") != "" {
		t.Fatalf("sectors: %d, C=%q", len(Sectors()), SectorName("C"))
	}
}
