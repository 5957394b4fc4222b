package web

import (
	"strings"
	"testing"

	"naikkelas/internal/indicators"
)

func TestTrendWords(t *testing.T) {
	tr := indicators.Trend{Label: "Lulus program", Years: []indicators.YearValue{{Year: 2024}, {Year: 2025, Value: 40}, {Year: 2026, Value: 50}}}
	if got := trendChange(tr); got != "2026 s.d. hari ini: 50, naik 25% dari 2025 (40)" {
		t.Errorf("trendChange = %q", got)
	}
	tr.Years[2].Value = 1500
	tr.Years[1].Value = 3000
	if got := trendChange(tr); got != "2026 s.d. hari ini: 1.500, turun 50% dari 2025 (3.000)" {
		t.Errorf("trendChange = %q", got)
	}
	money := indicators.Trend{Label: "Kredit dicairkan", Money: true, Years: []indicators.YearValue{{Year: 2025}, {Year: 2026, Value: 75_000_000}}}
	if got := trendChange(money); got != "2026: Rp75.000.000 (2025: belum ada)" {
		t.Errorf("trendChange = %q", got)
	}
	svg := string(sparkline(tr))
	for _, want := range []string{"<svg", "2024: 0, 2025: 3.000, 2026: 1.500", "<polyline", `points="3.0,29.0 60.0,3.0 117.0,16.0"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("sparkline lacks %q: %s", want, svg)
		}
	}
}

// TestHomeTrends: the leaders' home shows the completers of a finished
// programme as this year's figure with its sparkline; an operator's does not.
func TestHomeTrends(t *testing.T) {
	f := newFixture(t)
	f.stage("finished")
	for _, role := range []string{"admin", "pimpinan"} {
		page := f.do(request{Method: "GET", Path: "/", Role: role}).Body.String()
		if !strings.Contains(page, `data-trend="trained"`) || !strings.Contains(page, "Lulus program per tahun") ||
			!strings.Contains(page, `<svg class="spark"`) {
			t.Errorf("%s's home lacks the trained trend", role)
		}
	}
	if page := f.do(request{Method: "GET", Path: "/", Role: "operator"}).Body.String(); strings.Contains(page, "data-trend") {
		t.Error("an operator's home shows the leaders' trends")
	}
}
