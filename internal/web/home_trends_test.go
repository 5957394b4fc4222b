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
	stock := indicators.Trend{Label: "Usaha terdaftar", Stock: true, Years: []indicators.YearValue{{Year: 2024}, {Year: 2025, Value: 1200}, {Year: 2026, Value: 1500}}}
	if got := trendChange(stock); got != "Hari ini: 1.500, naik 25% dari akhir 2025 (1.200)" {
		t.Errorf("trendChange(stock) = %q", got)
	}
	if got := trendTitle(stock); got != "Usaha terdaftar akhir tahun" {
		t.Errorf("trendTitle(stock) = %q", got)
	}
	stock.Years[1].Value = 0
	if got := trendChange(stock); got != "Hari ini: 1.500 (akhir 2025: belum ada)" {
		t.Errorf("trendChange(stock, none last year) = %q", got)
	}
	stock.Years[0].Value, stock.Years[1].Value = 0, 0
	for want, absent := range map[string]string{"2024: belum ada, 2025: belum ada, 2026: 1.500": "", `points="117.0,3.0"`: "3.0,"} {
		if svg := string(sparkline(stock)); !strings.Contains(svg, want) || (absent != "" && strings.Contains(svg, absent)) {
			t.Errorf("stock sparkline before its first record: want %q, not %q: %s", want, absent, svg)
		}
	}
	svg := string(sparkline(tr))
	for _, want := range []string{"<svg", "2024: 0, 2025: 3.000, 2026: 1.500", "<polyline", `points="3.0,29.0 60.0,3.0 117.0,16.0"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("sparkline lacks %q: %s", want, svg)
		}
	}
}

// TestHomeTrends: the leaders' home shows the completers of a finished
// programme as this year's figure with its sparkline, and the register's
// stock with how it is counted; an operator's does not.
func TestHomeTrends(t *testing.T) {
	f := newFixture(t)
	f.stage("finished")
	for _, role := range []string{"admin", "pimpinan"} {
		// The home page shows first and fetches the trends after it.
		if home := f.do(request{Method: "GET", Path: "/", Role: role}).Body.String(); !strings.Contains(home, `hx-get="/beranda/tren"`) {
			t.Errorf("%s's home does not fetch the trends", role)
		}
		fragment := f.do(request{Method: "GET", Path: "/beranda/tren", Role: role, Header: map[string]string{"HX-Request": "true"}}).Body.String()
		page := f.do(request{Method: "GET", Path: "/beranda/tren", Role: role}).Body.String()
		for _, body := range []string{fragment, page} {
			if !strings.Contains(body, `data-trend="trained"`) || !strings.Contains(body, "Lulus program per tahun") ||
				!strings.Contains(body, `<svg class="spark"`) {
				t.Errorf("%s's trends lack the trained trend: %.300s", role, body)
			}
			if !strings.Contains(body, `data-trend="businesses" title="Usaha dalam daftar pada 31 Desember`) ||
				!strings.Contains(body, "Usaha terdaftar akhir tahun") || !strings.Contains(body, "<dt>Usaha terdaftar akhir tahun</dt>") {
				t.Errorf("%s's trends lack the register's stock with its definition", role)
			}
		}
		if strings.Contains(fragment, "<html") || !strings.Contains(page, "<html") {
			t.Errorf("the htmx answer is the fragment, the plain one a whole page")
		}
	}
	if page := f.do(request{Method: "GET", Path: "/", Role: "operator"}).Body.String(); strings.Contains(page, "data-trend") || strings.Contains(page, "/beranda/tren") {
		t.Error("an operator's home shows the leaders' trends")
	}
	if w := f.do(request{Method: "GET", Path: "/beranda/tren", Role: "operator"}); w.Code != s403 {
		t.Errorf("an operator reads the leaders' trends: %d", w.Code)
	}
}
