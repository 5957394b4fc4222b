package web

import (
	"fmt"
	"html/template"
	"math"
	"strings"

	"naikkelas/internal/assessment"
)

// radarSVG draws the dimension scores of the latest assessment (filled)
// against the previous one (dashed) as an inline SVG, server-side, so the
// business page needs no chart library and works without JavaScript.
func radarSVG(in *assessment.Instrument, latest, previous map[string]int) template.HTML {
	const width, height, cx, cy, r = 400.0, 330.0, 200.0, 165.0, 100.0
	n := len(in.Dimensions)
	if n < 3 {
		return ""
	}
	point := func(i int, v float64) (float64, float64) {
		ang := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		return cx + r*v/100*math.Cos(ang), cy + r*v/100*math.Sin(ang)
	}
	poly := func(scores map[string]int) string {
		var pts []string
		for i, d := range in.Dimensions {
			x, y := point(i, float64(scores[d.ID]))
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x, y))
		}
		return strings.Join(pts, " ")
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="radar" viewBox="0 0 %.0f %.0f" role="img" aria-labelledby="radar-title">`, width, height)
	b.WriteString(`<title id="radar-title">Skor per dimensi: penilaian terakhir dibandingkan sebelumnya</title>`)
	for _, ring := range []float64{25, 50, 75, 100} {
		var pts []string
		for i := range in.Dimensions {
			x, y := point(i, ring)
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x, y))
		}
		fmt.Fprintf(&b, `<polygon points="%s" fill="none" stroke="#d0d7de" stroke-width="1"/>`, strings.Join(pts, " "))
	}
	for i, d := range in.Dimensions {
		x, y := point(i, 100)
		fmt.Fprintf(&b, `<line x1="%.0f" y1="%.0f" x2="%.1f" y2="%.1f" stroke="#d0d7de"/>`, cx, cy, x, y)
		lx, ly := point(i, 122)
		anchor := "middle"
		if lx < cx-10 {
			anchor = "end"
		} else if lx > cx+10 {
			anchor = "start"
		}
		// Long names ("Manajemen dan SDM") break before "dan" so they fit a phone.
		lines := strings.SplitN(d.Name, " dan ", 2)
		if len(lines) == 2 {
			lines[1] = "dan " + lines[1]
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="%s" font-size="12" fill="#333">`, lx, ly+4-6*float64(len(lines)-1), anchor)
		for k, line := range lines {
			fmt.Fprintf(&b, `<tspan x="%.1f" dy="%d">%s</tspan>`, lx, min(k, 1)*14, template.HTMLEscapeString(line))
		}
		b.WriteString(`</text>`)
	}
	if previous != nil {
		fmt.Fprintf(&b, `<polygon points="%s" fill="none" stroke="#8c959f" stroke-width="2" stroke-dasharray="5 4"/>`, poly(previous))
	}
	fmt.Fprintf(&b, `<polygon points="%s" fill="rgba(26,127,55,.25)" stroke="#1a7f37" stroke-width="2"/>`, poly(latest))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
