package web

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"naikkelas/internal/assessment"
	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/market"
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
		w := httptest.NewRecorder()
		naikKelasProgramPage(f, p)(w, httptest.NewRequest("GET", "/naik-kelas?program=9", nil))
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
	p.MarketFigures = []assessment.MarketFigure{{Measure: "label_after", Label: "Skor label sesudah klinik", Unit: assessment.UnitScore,
		Completers: share(93.4), Comparison: share(66.7), Difference: share(26.7)}}
	page := view()
	for _, want := range []string{"Skor label sesudah klinik", "93,4", "66,7", "&#43;26,7 poin", "akses pasar", "Punya produk", "3 dari 6 (50%)", "2 dari 7 (30%)", "&#43;20 poin", "Terpajang di ritel modern", "1 dari 6 (16,7%)", "&#43;16,7 poin"} {
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// naikKelasProgramPage serves the naik-kelas report of p to pimpinan,
// as a handler, for a test of the page itself.
func naikKelasProgramPage(f *fixture, p *assessment.ProgramComparison) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v := &naikKelasView{St: &assessment.Stats{Period: assessment.Period{From: "2025-10-01", To: "2026-06-30"}, Program: p}}
		r = r.WithContext(context.WithValue(r.Context(), keyActor, auth.Actor{UserID: 1, Role: auth.Pimpinan}))
		v.Query = r.URL.Query()
		f.srv.render(w, r, 200, "naikkelas_report", page{Title: "Naik Kelas", Data: v})
	}
}

// TestNaikKelasWorkbookMarket: the XLSX export's programme sheet sets the
// market steps and measures of completers against the comparison group,
// and the sheet "Akses pasar" carries each kecamatan's market figures and
// their total, as numbers.
func TestNaikKelasWorkbookMarket(t *testing.T) {
	v := func(x float64) *float64 { return &x }
	st := &assessment.Stats{Period: assessment.Period{From: "2025-10-13", To: "2026-12-01"},
		Program: &assessment.ProgramComparison{ProgramID: 4, Name: "Pelatihan Kemasan", StartsOn: "2025-10-13",
			Market: []assessment.MarketShare{{Step: "with_product", Label: "Punya produk", CompletersShare: v(100), ComparisonShare: v(96.4), Difference: v(3.6)}},
			MarketFigures: []assessment.MarketFigure{
				{Measure: "label_before", Label: "Skor label sebelum klinik", Unit: assessment.UnitScore, Completers: v(58.2), Comparison: v(60.1), Difference: v(-1.9)},
				{Measure: "label_after", Label: "Skor label sesudah klinik", Unit: assessment.UnitScore, Completers: v(93.4), Comparison: v(66.7), Difference: v(26.7)},
				{Measure: "sales_last_month", Label: "Penjualan per usaha", Unit: assessment.UnitRupiah, Completers: v(125_000), Comparison: v(0), Difference: v(125_000)},
			}}}
	mo := &market.Outcomes{ProgramID: 4, AsOf: "2026-12-01", LastMonth: "2026-11", Districts: []market.DistrictOutcome{
		{Code: "36.04.15", Name: "Cikande", Businesses: 5, WithProduct: 5, LabelProducts: 5, LabelBefore: 57.6, LabelAfter: 94,
			Decided: 4, Passed: 3, PassRate: 0.75, Listed: 2, SalesLastMonth: 2_400_000, OwedPastTerms: 650_000},
		{Code: "36.04.05", Name: "Kramatwatu", Businesses: 4, WithProduct: 4}},
		Total: market.DistrictOutcome{Name: "Jumlah", Businesses: 9, WithProduct: 9, LabelProducts: 5, LabelBefore: 57.6, LabelAfter: 94,
			Decided: 4, Passed: 3, PassRate: 0.75, Listed: 2, SalesLastMonth: 2_400_000, OwedPastTerms: 650_000}}
	wb, err := naikKelasWorkbook(st, mo, "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := wb.Write(&buf); err != nil {
		t.Fatal(err)
	}
	wb.Close()
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	prog, _ := x.GetRows("Program")
	row := func(rows [][]string, first string) []string {
		for _, r := range rows {
			if len(r) > 0 && strings.HasPrefix(r[0], first) {
				return r
			}
			if len(r) > 1 && r[1] == first {
				return r
			}
		}
		t.Errorf("no row %q in %q", first, rows)
		return make([]string, 13)
	}
	for first, want := range map[string][]string{
		"Punya produk":              {"100", "96.4", "3.6"},
		"Skor label sebelum klinik": {"58.2", "60.1", "-1.9"},
		"Skor label sesudah klinik": {"93.4", "66.7", "26.7"},
		"Penjualan per usaha (Rp)":  {"125,000", "0", "125,000"},
	} {
		if got := row(prog, first); len(got) < 4 || !slices.Equal(got[1:4], want) {
			t.Errorf("programme sheet, %s: %q; want %q", first, got, want)
		}
	}
	mkt, err := x.GetRows("Akses pasar")
	if err != nil {
		t.Fatal(err)
	}
	head := row(mkt, "Kode")
	if head[5] != "Skor label sebelum klinik" || head[6] != "Skor label sesudah klinik" || head[9] != "Tingkat lolos kurasi (%)" {
		t.Errorf("market sheet headers %q", head)
	}
	if c := row(mkt, "Cikande"); !slices.Equal(c[2:], []string{"5", "5", "5", "57.6", "94", "4", "3", "75", "2", "2,400,000", "650,000"}) {
		t.Errorf("Cikande's market row %q", c)
	}
	if k := row(mkt, "Kramatwatu"); k[5] != idfmt.Dash || k[9] != idfmt.Dash {
		t.Errorf("Kramatwatu without checks or decisions: %q; want dashes", k)
	}
	if total := row(mkt, "Jumlah"); total[2] != "9" || total[11] != "2,400,000" {
		t.Errorf("market total %q", total)
	}
	if row(mkt, "Cakupan")[1] != "Peserta lulus program" {
		t.Error("the market sheet of a programme must say it counts its completers")
	}
}
