package leadership

import (
	"bytes"
	"strings"
	"testing"

	"naikkelas/internal/assessment"
	"naikkelas/internal/market"
	"naikkelas/internal/pdftext"
)

// TestRenderMarket: the report's market section carries each kecamatan's
// businesses with a product, label scores before and after, pass rate,
// businesses in modern retail, last month's sales and money past its
// terms, and a programme's completers against the comparison group.
func TestRenderMarket(t *testing.T) {
	d := sampleData()
	v := func(x float64) *float64 { return &x }
	d.Market = &market.Outcomes{LastMonth: "2026-05", Districts: []market.DistrictOutcome{
		{Code: "36.04.15", Name: "Cikande", WithProduct: 1840, LabelProducts: 20, LabelBefore: 61.5, LabelAfter: 88.3, Decided: 8,
			Passed: 6, PassRate: 0.75, Listed: 5, SalesLastMonth: 4_250_000, OwedPastTerms: 1_300_000},
		{Code: "36.04.05", Name: "Kramatwatu", WithProduct: 1500},
	}, Total: market.DistrictOutcome{Name: "Jumlah", WithProduct: 3340, LabelProducts: 20, LabelBefore: 61.5, LabelAfter: 88.3,
		Decided: 8, Passed: 6, PassRate: 0.75, Listed: 5, SalesLastMonth: 4_250_000, OwedPastTerms: 1_300_000}}
	d.Programs[0].Market = []assessment.MarketShare{{Step: "listed", Label: "Terpajang di ritel modern", Completers: 3,
		CompletersShare: v(12), ComparisonShare: v(2.5), Difference: v(9.5)}}
	d.Programs[0].MarketFigures = []assessment.MarketFigure{
		{Measure: "label_after", Label: "Skor label sesudah klinik", Unit: assessment.UnitScore, Completers: v(91.3), Comparison: v(70.4), Difference: v(20.9)},
		{Measure: "curation_pass_rate", Label: "Tingkat lolos kurasi ritel", Unit: assessment.UnitPercent, Completers: v(75), Comparison: nil},
		{Measure: "sales_last_month", Label: "Penjualan bulan lalu lewat mitra ritel, per usaha", Unit: assessment.UnitRupiah,
			Completers: v(170_000), Comparison: v(20_000), Difference: v(150_000)},
	}
	var buf bytes.Buffer
	if err := Render(&buf, d); err != nil {
		t.Fatal(err)
	}
	text := pdftext.Text(buf.Bytes())
	for _, want := range []string{
		"Akses pasar", "1.840", "61,5 / 88,3", "75%", "Rp4.250.000", "Rp1.300.000", "bulan Mei 2026", "Kramatwatu",
		"Akses pasar lulusan dibanding pembanding: Pelatihan Kemasan 2026", "Terpajang di ritel modern", "12%", "2,5%", "+9,5 poin",
		"Skor label sesudah klinik", "91,3", "70,4", "+20,9 poin", "Tingkat lolos kurasi ritel",
		"Rp170.000", "Rp20.000", "+Rp150.000",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("market section lacks %q", want)
		}
	}
	d.Market = &market.Outcomes{}
	buf.Reset()
	if err := Render(&buf, d); err != nil {
		t.Fatal(err)
	}
	if text := pdftext.Text(buf.Bytes()); !strings.Contains(text, "Belum ada data produk dan ritel.") {
		t.Error("without market data the section must say so")
	}
}
