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
