package web

import (
	"math"

	"naikkelas/internal/assessment"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/market"
)

// programMarketRows are a programme's market steps (shares of each group)
// and measures (label scores, pass rate, sales and money owed per
// business), completers against the comparison group; none without
// market data.
func programMarketRows(p *assessment.ProgramComparison) [][]any {
	if len(p.Market) == 0 {
		return nil
	}
	rows := [][]any{{}, {"Akses pasar", "Peserta lulus", "Pembanding", "Selisih"}}
	for _, m := range p.Market {
		rows = append(rows, []any{m.Label + " (%)", rate(m.CompletersShare), rate(m.ComparisonShare), rate(m.Difference)})
	}
	for _, f := range p.MarketFigures {
		label := f.Label
		switch f.Unit {
		case assessment.UnitPercent:
			label += " (%)"
		case assessment.UnitRupiah:
			label += " (Rp)"
		}
		rows = append(rows, []any{label, rate(f.Completers), rate(f.Comparison), rate(f.Difference)})
	}
	return rows
}

// marketHeaders head the market sheet's columns.
var marketHeaders = []any{"Kode", "Kecamatan", "Usaha", "Punya produk", "Produk dicek label min. 2 kali",
	"Skor label sebelum klinik", "Skor label sesudah klinik", "Kurasi diputuskan", "Lolos kurasi", "Tingkat lolos kurasi (%)",
	"Usaha di ritel modern", "Penjualan bulan lalu lewat mitra (Rp)", "Lewat jatuh tempo (Rp)"}

// marketSheet is the market outcomes per kecamatan (only district's when
// given) with their total, as of the day they were counted.
func marketSheet(mo *market.Outcomes, district string) [][]any {
	scope := "Semua usaha aktif"
	if mo.ProgramID != 0 {
		scope = "Peserta lulus program"
	}
	rows := [][]any{{"Cakupan", scope}, {"Per tanggal", idfmt.DateString(mo.AsOf)}, {"Bulan penjualan", mo.LastMonth}, {},
		marketHeaders}
	for _, d := range mo.Districts {
		if district == "" || d.Code == district {
			rows = append(rows, outcomeCells(d))
		}
	}
	if district == "" {
		rows = append(rows, outcomeCells(mo.Total))
	}
	return rows
}

// outcomeCells are one kecamatan's figures; averages and the rate are a
// dash without anything to average.
func outcomeCells(d market.DistrictOutcome) []any {
	before, after, pass := any(idfmt.Dash), any(idfmt.Dash), any(idfmt.Dash)
	if d.LabelProducts > 0 {
		before, after = oneDecimal(d.LabelBefore), oneDecimal(d.LabelAfter)
	}
	if d.Decided > 0 {
		pass = oneDecimal(100 * d.PassRate)
	}
	return []any{d.Code, d.Name, d.Businesses, d.WithProduct, d.LabelProducts, before, after, d.Decided, d.Passed, pass,
		d.Listed, d.SalesLastMonth, d.OwedPastTerms}
}

func oneDecimal(v float64) float64 { return math.Round(v*10) / 10 }
