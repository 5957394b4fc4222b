package web

import (
	"math"

	"naikkelas/internal/geo"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/indicators"
)

// The home page's map is drawn on the server as inline SVG from the
// projected kecamatan boundaries (internal/geo): no tiles, no script
// library, and it works offline and without JavaScript.

// mapIndicator is one figure the map can colour by.
type mapIndicator struct {
	Code, Label string
	Value       func(indicators.District) float64
	Format      func(float64) string
}

var mapIndicators = []mapIndicator{
	{"jumlah", "Jumlah usaha", func(d indicators.District) float64 { return float64(d.Businesses) }, formatCount},
	{"kepadatan", "Usaha per desa", indicators.District.Density, formatDecimal},
	{"dilatih", "Pernah dilatih (%)", indicators.District.TrainedShare, formatPercent},
	{"naik_kelas", "Naik kelas 12 bulan (%)", indicators.District.NaikKelasRate, formatPercent},
	{"halal", "Bersertifikat halal (%)", indicators.District.HalalShare, formatPercent},
}

func mapIndicatorOf(code string) mapIndicator {
	for _, m := range mapIndicators {
		if m.Code == code {
			return m
		}
	}
	return mapIndicators[0]
}

// mapPalette is a five-step sequential blue scale (ColorBrewer Blues),
// light for low values; the text on it stays readable.
var mapPalette = []string{"#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"}

// mapRegion is one kecamatan as the template draws it.
type mapRegion struct {
	Code, Name string
	Path       string
	Fill       string
	Value      string // the indicator, formatted
	Figures    indicators.District
}

// legendStep is one colour of the legend with its range.
type legendStep struct{ Fill, Range string }

type mapView struct {
	Indicator  mapIndicator
	Indicators []mapIndicator
	Regions    []mapRegion
	Legend     []legendStep
	Width      float64
	Height     float64
}

// buildMap colours the kecamatan by an indicator in five equal steps from 0
// to the largest value; a kecamatan without figures stays grey.
func buildMap(ds []indicators.District, code string) (*mapView, error) {
	m, err := geo.Serang()
	if err != nil {
		return nil, err
	}
	ind := mapIndicatorOf(code)
	by := map[string]indicators.District{}
	top := 0.0
	for _, d := range ds {
		by[d.Code] = d
		top = math.Max(top, ind.Value(d))
	}
	v := &mapView{Indicator: ind, Indicators: mapIndicators, Width: geo.Width, Height: m.Height}
	step := top / float64(len(mapPalette))
	for i, fill := range mapPalette {
		lo, hi := step*float64(i), step*float64(i+1)
		v.Legend = append(v.Legend, legendStep{fill, ind.Format(lo) + "–" + ind.Format(hi)})
	}
	for _, s := range m.Shapes {
		d, ok := by[s.Code]
		r := mapRegion{Code: s.Code, Name: s.Name, Path: s.Path(), Fill: "#d0d7de", Value: "—", Figures: d}
		if ok {
			x := ind.Value(d)
			i := 0 // every kecamatan at zero: the lightest step
			if step > 0 {
				i = min(int(x/step), len(mapPalette)-1)
			}
			r.Fill, r.Value = mapPalette[i], ind.Format(x)
		}
		v.Regions = append(v.Regions, r)
	}
	return v, nil
}

func formatCount(x float64) string   { return idfmt.Number(int64(math.Round(x))) }
func formatDecimal(x float64) string { return idfmt.Decimal(x, 1) }
func formatPercent(x float64) string { return idfmt.Decimal(x, 1) + "%" }
