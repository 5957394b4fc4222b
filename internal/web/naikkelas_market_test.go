package web

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"naikkelas/internal/assessment"
	"naikkelas/internal/auth"
)

// The naik-kelas report sets the market steps of a programme's completers
// next to the comparison group's, in the programme table, and leaves them
// out without market data.
func TestNaikKelasReportMarketRows(t *testing.T) {
	f := newFixture(t)
	share := func(v float64) *float64 { return &v }
	p := &assessment.ProgramComparison{Name: "Pelatihan Kemasan", StartsOn: "2025-10-01",
		CompletersGroup: assessment.GroupResult{Businesses: 6}, ComparisonGroup: assessment.GroupResult{Businesses: 7}}
	view := func() string {
		v := &naikKelasView{St: &assessment.Stats{Period: assessment.Period{From: "2025-10-01", To: "2026-06-30"}, Program: p}}
		r := httptest.NewRequest("GET", "/naik-kelas?program=9", nil)
		r = r.WithContext(context.WithValue(r.Context(), keyActor, auth.Actor{UserID: 1, Role: auth.Pimpinan}))
		v.Query = r.URL.Query()
		w := httptest.NewRecorder()
		f.srv.render(w, r, 200, "naikkelas_report", page{Title: "Naik Kelas", Data: v})
		if w.Code != 200 {
			t.Fatalf("render: %d %s", w.Code, w.Body)
		}
		return w.Body.String()
	}
	if page := view(); strings.Contains(page, "Punya produk") || strings.Contains(page, "akses pasar") {
		t.Error("without market data the report must not show market rows")
	}
	p.Market = []assessment.MarketShare{
		{Step: "with_product", Label: "Punya produk", Completers: 3, CompletersShare: share(50), Comparison: 2, ComparisonShare: share(30), Difference: share(20)},
		{Step: "listed", Label: "Terpajang di ritel modern", Completers: 1, CompletersShare: share(16.7), Comparison: 0, ComparisonShare: share(0), Difference: share(16.7)},
	}
	page := view()
	for _, want := range []string{"akses pasar", "Punya produk", "3 dari 6 (50%)", "2 dari 7 (30%)", "&#43;20 poin", "Terpajang di ritel modern", "1 dari 6 (16,7%)", "&#43;16,7 poin"} {
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}
