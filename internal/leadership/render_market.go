package leadership

import (
	"naikkelas/internal/assessment"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/market"
)

// market draws the path from product to modern retail per kecamatan and,
// for each programme with market data, its completers against the
// comparison group.
func (p *doc) market(d *Data) {
	n := 0
	if d.Market != nil {
		n = len(d.Market.Districts)
	}
	if !p.section("Akses pasar: produk, label, kurasi dan ritel modern", n, "Belum ada data produk dan ritel.") {
		return
	}
	list := d.Market.Districts
	if len(list) > 1 {
		list = append(list, d.Market.Total)
	}
	var rows [][]string
	for _, o := range list {
		rows = append(rows, []string{o.Name, idfmt.Number(int64(o.WithProduct)), labelScores(o), passRate(o),
			idfmt.Number(int64(o.Listed)), idfmt.Rupiah(o.SalesLastMonth), idfmt.Rupiah(o.OwedPastTerms)})
	}
	p.table([]string{"Kecamatan", "Punya produk", "Skor label (awal / akhir)", "Lolos kurasi", "Di ritel modern",
		"Penjualan bln lalu", "Lewat tempo"}, []float64{34, 20, 32, 22, 20, 26, 26}, rows)
	p.text("I", 7, 4, "Skor label: rata-rata pemeriksaan pertama dan terakhir produk yang dicek minimal dua kali (klinik label). "+
		"Penjualan lewat mitra ritel bulan "+idfmt.MonthString(d.Market.LastMonth)+"; lewat tempo = belum dibayar melewati tempo yang disepakati.")
	for _, r := range d.Programs {
		if len(r.Market) == 0 {
			continue
		}
		var rows [][]string
		for _, m := range r.Market {
			share := assessment.MarketFigure{Unit: assessment.UnitPercent}
			rows = append(rows, []string{m.Label, share.Text(m.CompletersShare, false), share.Text(m.ComparisonShare, false),
				share.Text(m.Difference, true)})
		}
		for _, f := range r.MarketFigures {
			rows = append(rows, []string{f.Label, f.Text(f.Completers, false), f.Text(f.Comparison, false), f.Text(f.Difference, true)})
		}
		p.text("B", 9, 5, "Akses pasar lulusan dibanding pembanding: "+r.Name)
		p.table([]string{"Ukuran", "Lulusan", "Pembanding", "Selisih"}, []float64{90, 30, 30, 30}, rows)
	}
}

func labelScores(o market.DistrictOutcome) string {
	if o.LabelProducts == 0 {
		return "—"
	}
	return idfmt.Decimal(o.LabelBefore, 1) + " / " + idfmt.Decimal(o.LabelAfter, 1)
}

func passRate(o market.DistrictOutcome) string {
	if o.Decided == 0 {
		return "—"
	}
	return idfmt.Percent(100 * o.PassRate)
}
