package leadership

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/assessment"
	"naikkelas/internal/funding"
	"naikkelas/internal/indicators"
	"naikkelas/internal/office"
	"naikkelas/internal/pdftext"
	"naikkelas/internal/planner"
)

func sampleData() *Data {
	years, finish := 3, 2028
	rate, cmp := 40.0, 12.5
	ds := []indicators.District{
		{Code: "36.04.15", Name: "Cikande", Villages: 13, Businesses: 2150, Mikro: 2000, Kecil: 120, Menengah: 30, NIB: 1200, Halal: 300, Trained: 215,
			SizeUp: 43, SizeMeasured: 430},
		{Code: "36.04.05", Name: "Kramatwatu", Villages: 15, Businesses: 1850, Mikro: 1800, Kecil: 50, NIB: 900, Halal: 100, Trained: 37},
	}
	fund := []funding.PartnerYear{{PartnerName: "Bank BJB", Year: 2026, Committed: 500_000_000, Realised: 200_000_000, Allocated: 150_000_000,
		Unspent: 50_000_000, Lagging: true}}
	return &Data{
		Office: office.Identity{Government: "Pemerintah Kabupaten Serang", Agency: "Dinas Koperasi, UMKM, Perindustrian dan Perdagangan", Address: "Jl. Veteran No. 1, Serang"},
		Scope:  "Kabupaten Serang",
		From:   "2026-01-01", To: "2026-06-30",
		GeneratedAt: time.Date(2026, 7, 1, 3, 0, 0, 0, time.UTC),
		Districts:   ds, Total: indicators.Totals(ds),
		NaikKelas: assessment.Counts{SizeUp: 43, SizeUnchanged: 387},
		Programs: []ProgramRow{{Name: "Pelatihan Kemasan 2026", Participants: 30, Completers: 25, Cost: 75_000_000,
			CompletersRate: &rate, CompletersBase: 25, ComparisonRate: &cmp, ComparisonBase: 400}},
		Funding: fund, FundingSum: funding.Total(fund),
		Plan: &planner.Plan{Params: planner.Params{CostPerParticipant: 2_500_000, CohortSize: 30}, Budget: 500_000_000,
			Cohorts: 6, PlacesPerYear: 180, Remaining: 3748, Years: &years, FinishYear: &finish,
			Districts: []planner.AreaPlan{{Code: "36.04.05", Name: "Kramatwatu", Remaining: 1813, Pace: 14.7, Years: &years, Behind: true}}},
	}
}

func TestRenderFigures(t *testing.T) {
	var buf bytes.Buffer
	if err := Render(&buf, sampleData()); err != nil {
		t.Fatal(err)
	}
	text := pdftext.Text(buf.Bytes())
	for _, want := range []string{
		"PEMERINTAH KABUPATEN SERANG", "Dinas Koperasi, UMKM, Perindustrian dan Perdagangan", "Laporan Pimpinan",
		"Kabupaten Serang, periode 1 Januari \x96 30 Juni 2026",
		"4.000", "3.800 / 170 / 30", "252 (6,3%)", "43 dari 430 terukur", "2.100 (52,5%)", "400 (10%)", // key figures
		"Cikande", "Kramatwatu", "2.150",
		"Pelatihan Kemasan 2026", "Rp75.000.000", "40% dari 25", "12,5% dari 400",
		"Bank BJB 2026 (tertinggal)", "Rp500.000.000", "Rp200.000.000", "Rp50.000.000",
		"180 usaha dapat dilatih per tahun", "dalam 3 tahun (sampai 2028)", "Kramatwatu: 1.813 belum dilatih",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// TestTableWraps: a name wider than its column wraps within the column and
// its row grows by a line for each, instead of running into the figures
// beside it; a short row keeps its single line.
func TestTableWraps(t *testing.T) {
	p := newDoc(office.Identity{Agency: "Dinas"}, "Uji", time.Date(2026, 7, 1, 3, 0, 0, 0, time.UTC))
	long := "Pelatihan Manajemen Produk: Produksi, Pemasaran dan Kemasan (Oktober 2025)"
	p.SetFont("Helvetica", "", 8)
	lines := len(p.SplitText(long, 56))
	y0 := p.GetY()
	p.table([]string{"Program", "Peserta", "Lulus"}, []float64{56, 16, 14}, [][]string{{long, "50", "48"}, {"Pendek — satu baris", "7", "5"}})
	if got, want := p.GetY()-y0, 6+float64(lines)*4+5; lines < 2 || got != want {
		t.Errorf("table of a %d-line name and a short row is %.1f mm high, want %.1f", lines, got, want)
	}
	var buf bytes.Buffer
	if err := p.output(&buf); err != nil {
		t.Fatal(err)
	}
	text := pdftext.Text(buf.Bytes())
	for _, want := range []string{"Pelatihan Manajemen", "(Oktober 2025)", "Pendek \x97 satu baris", "50", "48"} {
		if !strings.Contains(text, want) {
			t.Errorf("table lacks %q in %q", want, text)
		}
	}
}

// TestFooterFits: the footer of a report titled with a long partner name
// shrinks to the page's width instead of running off both edges.
func TestFooterFits(t *testing.T) {
	p := newDoc(office.Identity{Agency: "Dinas Koperasi, UMKM, Perindustrian dan Perdagangan"}, "Uji", time.Now())
	footer := p.tr("Dinas Koperasi, UMKM, Perindustrian dan Perdagangan  |  Laporan Dampak Dana CSR Kawasan Industri Cikande (demo)  |  " +
		"dibuat 2 Desember 2026 19.16 WIB  |  halaman 1")
	p.SetFont("Helvetica", "", 8)
	if p.GetStringWidth(footer) <= textW {
		t.Fatal("the sample footer fits at 8 pt already")
	}
	p.fitFont(footer, textW-2, 8, 6)
	if w := p.GetStringWidth(footer); w > textW-2 {
		t.Errorf("footer %.1f mm wide on a %.0f mm line", w, textW)
	}
	p.fitFont("pendek", textW-2, 8, 6)
	if size, _ := p.GetFontSize(); size != 8 {
		t.Errorf("a short footer set at %.1f pt, want 8", size)
	}
}

// TestRenderOneDistrictLegend: the report of one kecamatan keys its map
// with the kecamatan's share, not with five steps of one value.
func TestRenderOneDistrictLegend(t *testing.T) {
	d := sampleData()
	d.Districts = d.Districts[:1]
	d.Total = indicators.Totals(d.Districts)
	if text := renderText(t, d); !strings.Contains(text, "Cikande: 10%") || !strings.Contains(text, "kecamatan lain") || strings.Contains(text, "0\x962%") {
		t.Errorf("one kecamatan's map legend: %q", text)
	}
	if text := renderText(t, sampleData()); !strings.Contains(text, "0\x962%") || strings.Contains(text, "kecamatan lain") {
		t.Errorf("the regency's map legend must keep its five steps")
	}
}

func renderText(t *testing.T, d *Data) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, d); err != nil {
		t.Fatal(err)
	}
	return pdftext.Text(buf.Bytes())
}
