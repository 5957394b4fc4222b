package assessment

import (
	"math"

	"naikkelas/internal/idfmt"
)

// MarketFigure is one market measure of a programme's completers and of
// their comparison group: a ratio of sums within each group (the average
// first label score of the products checked twice, the curation pass rate,
// last month's sales per business, …). The comparison's ratio is taken
// stratum by stratum and weighted by the completers' denominator in each,
// as the size rates are weighted by the completers' mix.
type MarketFigure struct {
	Measure    string   `json:"measure"` // label_before, label_after, curation_pass_rate, sales_last_month, owed_past_terms
	Label      string   `json:"label"`
	Unit       string   `json:"unit"`       // score (0–100), percent or rupiah (per business)
	Completers *float64 `json:"completers"` // nil without data in the group
	Comparison *float64 `json:"comparison"`
	Difference *float64 `json:"difference"` // completers − comparison, in the unit
}

// Units of a market figure.
const (
	UnitScore   = "score"
	UnitPercent = "percent"
	UnitRupiah  = "rupiah"
)

// marketFigures are the measures: each a numerator and a denominator per
// business, summed over a group.
var marketFigures = []struct {
	measure, label, unit string
	num, den             func(MarketSteps) float64
}{
	{"label_before", "Skor label sebelum klinik (rata-rata produk yang dicek minimal 2 kali)", UnitScore,
		func(m MarketSteps) float64 { return float64(m.LabelFirst) }, labelProducts},
	{"label_after", "Skor label sesudah klinik (pemeriksaan terakhir)", UnitScore,
		func(m MarketSteps) float64 { return float64(m.LabelLatest) }, labelProducts},
	{"curation_pass_rate", "Tingkat lolos kurasi ritel", UnitPercent,
		func(m MarketSteps) float64 { return 100 * float64(m.Passed) }, func(m MarketSteps) float64 { return float64(m.Decided) }},
	{"sales_last_month", "Penjualan bulan lalu lewat mitra ritel, per usaha", UnitRupiah,
		func(m MarketSteps) float64 { return float64(m.SalesLastMonth) }, perBusiness},
	{"owed_past_terms", "Uang lewat jatuh tempo, per usaha", UnitRupiah,
		func(m MarketSteps) float64 { return float64(m.OwedPastTerms) }, perBusiness},
}

func labelProducts(m MarketSteps) float64 { return float64(m.LabelProducts) }
func perBusiness(MarketSteps) float64     { return 1 }

// MarketFigures sets the market measures of the matched completers next to
// the comparison group's. It returns nil without a comparison.
func (g *Aggregator) MarketFigures(reach map[int64]MarketSteps) []MarketFigure {
	if g.cmp == nil {
		return nil
	}
	out := make([]MarketFigure, 0, len(marketFigures))
	for _, f := range marketFigures {
		var tNum, tDen, weight, weighted float64
		for k, ts := range g.cmp.treated {
			cs := g.cmp.control[k]
			if len(cs) == 0 {
				continue
			}
			tn, td := sumsOf(ts, reach, f.num, f.den)
			cn, cd := sumsOf(cs, reach, f.num, f.den)
			tNum, tDen = tNum+tn, tDen+td
			if td > 0 && cd > 0 {
				weight += td
				weighted += td * cn / cd
			}
		}
		fig := MarketFigure{Measure: f.measure, Label: f.label, Unit: f.unit}
		if tDen > 0 {
			fig.Completers = rounded(tNum/tDen, f.unit)
		}
		if weight > 0 {
			fig.Comparison = rounded(weighted/weight, f.unit)
		}
		if fig.Completers != nil && fig.Comparison != nil {
			fig.Difference = rounded(*fig.Completers-*fig.Comparison, f.unit)
		}
		out = append(out, fig)
	}
	return out
}

func sumsOf(ms []member, reach map[int64]MarketSteps, num, den func(MarketSteps) float64) (n, d float64) {
	for _, m := range ms {
		r := reach[m.id]
		n += num(r)
		d += den(r)
	}
	return n, d
}

// rounded keeps a score or percentage to one decimal, rupiah whole.
func rounded(v float64, unit string) *float64 {
	if unit == UnitRupiah {
		v = math.Round(v)
	} else {
		v = math.Round(v*10) / 10
	}
	return &v
}

// Text writes one of f's values (its Completers, Comparison or Difference)
// in f's unit the Indonesian way: a score with one decimal, a percentage
// or rupiah; a difference with its sign, scores and percentages in
// points; a dash for none.
func (f MarketFigure) Text(v *float64, difference bool) string {
	switch {
	case v == nil:
		return idfmt.Dash
	case f.Unit == UnitRupiah && difference && *v < 0:
		return "-" + idfmt.Rupiah(int64(-*v))
	case f.Unit == UnitRupiah && difference:
		return "+" + idfmt.Rupiah(int64(*v))
	case f.Unit == UnitRupiah:
		return idfmt.Rupiah(int64(*v))
	case difference:
		return idfmt.SignedDecimal(*v, 1) + " poin"
	case f.Unit == UnitPercent:
		return idfmt.Percent(*v)
	}
	return idfmt.Decimal(*v, 1)
}
