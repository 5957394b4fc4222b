package web

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"naikkelas/internal/idfmt"
	"naikkelas/internal/indicators"
)

// sparkline draws a trend's years as a small inline SVG line, drawn on the
// server (no script, no CDN); its title reads the figures in words. A
// stock's line starts at its first year with a record: a register filled
// this year by an import did not hold nothing before, it was not kept.
func sparkline(t indicators.Trend) template.HTML {
	const w, h, pad = 120.0, 32.0, 3.0
	top := 1
	for _, v := range t.Years {
		top = max(top, v.Value)
	}
	var pts, words []string
	step := (w - 2*pad) / float64(max(1, len(t.Years)-1))
	before := t.Stock // a stock's years before its first record: the register did not hold it yet
	for i, v := range t.Years {
		if before = before && v.Value == 0 && i < len(t.Years)-1; before {
			words = append(words, fmt.Sprintf("%d: belum ada", v.Year))
			continue
		}
		x := pad + float64(i)*step
		y := h - pad - (h-2*pad)*float64(v.Value)/float64(top)
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", x, y))
		words = append(words, fmt.Sprintf("%d: %s", v.Year, trendValue(t, v)))
	}
	last := strings.Split(pts[len(pts)-1], ",")
	label := template.HTMLEscapeString(trendTitle(t) + " — " + strings.Join(words, ", "))
	return template.HTML(fmt.Sprintf(`<svg class="spark" viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f" role="img" aria-label="%s">`+
		`<title>%s</title><polyline fill="none" stroke="currentColor" stroke-width="2" points="%s"/>`+
		`<circle cx="%s" cy="%s" r="2.5" fill="currentColor"/></svg>`, w, h, w, h, label, label, strings.Join(pts, " "), last[0], last[1]))
}

// trendTitle names a trend on its card: a stock as each year ended, the
// other figures per year.
func trendTitle(t indicators.Trend) string {
	if t.Stock {
		return t.Label + " akhir tahun"
	}
	return t.Label + " per tahun"
}

// trendChange says this year's figure against last year's in words: a
// stock today against last year's end, the others this year to date
// against last year.
func trendChange(t indicators.Trend) string {
	pct, ok := t.Change()
	cur, prev := t.Current(), t.Previous()
	now, then := fmt.Sprintf("%d s.d. hari ini", cur.Year), strconv.Itoa(prev.Year)
	if t.Stock {
		now, then = "Hari ini", "akhir "+then
	}
	value := func(v indicators.YearValue) string { return trendValue(t, v) }
	switch {
	case !ok && t.Stock:
		return fmt.Sprintf("%s: %s (%s: belum ada)", now, value(cur), then)
	case !ok:
		return fmt.Sprintf("%d: %s (%s: belum ada)", cur.Year, value(cur), then)
	case pct >= 0:
		return fmt.Sprintf("%s: %s, naik %s dari %s (%s)", now, value(cur), idfmt.Percent(pct), then, value(prev))
	}
	return fmt.Sprintf("%s: %s, turun %s dari %s (%s)", now, value(cur), idfmt.Percent(-pct), then, value(prev))
}

// trendValue writes one year's figure of a trend: rupiah or a count.
func trendValue(t indicators.Trend, v indicators.YearValue) string {
	if t.Money {
		return idfmt.Rupiah(int64(v.Value))
	}
	return idfmt.Number(int64(v.Value))
}
