// Package geo projects the embedded kecamatan boundaries of Kabupaten
// Serang onto a flat drawing, once per process, for the home page's SVG map
// and the leadership report's PDF map: no tiles and no map library, so
// both work offline. The projection is equirectangular with x scaled by
// the cosine of the mean latitude, exact enough for one regency.
package geo

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"naikkelas/internal/region"
)

// Width is the drawing's width in its own units; Height follows.
const Width = 600.0

// Point is a projected point, y growing downwards.
type Point struct{ X, Y float64 }

// Shape is one kecamatan: its rings (outer and holes, of every part) and
// a label point.
type Shape struct {
	Code, Name string
	Rings      [][]Point
	Label      Point
}

// Path is the shape as SVG path data.
func (s Shape) Path() string {
	var b strings.Builder
	for _, ring := range s.Rings {
		for i, p := range ring {
			if i == 0 {
				b.WriteByte('M')
			} else {
				b.WriteByte('L')
			}
			b.WriteString(strconv.FormatFloat(p.X, 'f', 1, 64))
			b.WriteByte(' ')
			b.WriteString(strconv.FormatFloat(p.Y, 'f', 1, 64))
		}
		b.WriteByte('Z')
	}
	return b.String()
}

// Map is the projected regency.
type Map struct {
	Shapes []Shape
	Height float64
}

var (
	once   sync.Once
	serang *Map
	errMap error
)

// Serang returns the projected kecamatan of Kabupaten Serang.
func Serang() (*Map, error) {
	once.Do(func() { serang, errMap = Project(region.SerangGeoJSON()) })
	return serang, errMap
}

type featureCollection struct {
	Features []struct {
		Properties struct {
			Code string  `json:"kode"`
			Name string  `json:"nama"`
			Lat  float64 `json:"lat"`
			Lng  float64 `json:"lng"`
		} `json:"properties"`
		Geometry struct {
			Type        string          `json:"type"`
			Coordinates json.RawMessage `json:"coordinates"`
		} `json:"geometry"`
	} `json:"features"`
}

// Project reads a GeoJSON FeatureCollection of Polygons and MultiPolygons
// whose properties hold kode, nama, lat and lng, and fits it to Width.
func Project(raw []byte) (*Map, error) {
	var g featureCollection
	if err := json.Unmarshal(raw, &g); err != nil {
		return nil, fmt.Errorf("boundaries: %w", err)
	}
	type feature struct {
		code, name string
		polys      [][][][2]float64
		label      [2]float64
	}
	var fs []feature
	minX, maxX, minY, maxY := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, f := range g.Features {
		var polys [][][][2]float64
		switch f.Geometry.Type {
		case "Polygon":
			var p [][][2]float64
			if err := json.Unmarshal(f.Geometry.Coordinates, &p); err != nil {
				return nil, fmt.Errorf("kecamatan %s: %w", f.Properties.Code, err)
			}
			polys = append(polys, p)
		case "MultiPolygon":
			if err := json.Unmarshal(f.Geometry.Coordinates, &polys); err != nil {
				return nil, fmt.Errorf("kecamatan %s: %w", f.Properties.Code, err)
			}
		default:
			return nil, fmt.Errorf("kecamatan %s: geometry %q", f.Properties.Code, f.Geometry.Type)
		}
		for _, p := range polys {
			for _, ring := range p {
				for _, pt := range ring {
					minX, maxX = math.Min(minX, pt[0]), math.Max(maxX, pt[0])
					minY, maxY = math.Min(minY, pt[1]), math.Max(maxY, pt[1])
				}
			}
		}
		fs = append(fs, feature{f.Properties.Code, f.Properties.Name, polys, [2]float64{f.Properties.Lng, f.Properties.Lat}})
	}
	if len(fs) == 0 || maxX <= minX || maxY <= minY {
		return nil, fmt.Errorf("boundaries: no area")
	}
	kx := math.Cos((minY + maxY) / 2 * math.Pi / 180)
	scale := Width / ((maxX - minX) * kx)
	proj := func(pt [2]float64) Point { return Point{(pt[0] - minX) * kx * scale, (maxY - pt[1]) * scale} }
	out := &Map{Height: math.Ceil((maxY - minY) * scale)}
	for _, f := range fs {
		s := Shape{Code: f.code, Name: f.name, Label: proj(f.label)}
		for _, p := range f.polys {
			for _, ring := range p {
				pts := make([]Point, len(ring))
				for i, pt := range ring {
					pts[i] = proj(pt)
				}
				s.Rings = append(s.Rings, pts)
			}
		}
		out.Shapes = append(out.Shapes, s)
	}
	return out, nil
}
