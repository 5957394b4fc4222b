package assessment

import "context"

// MarketSteps is how far one business's products got towards modern retail.
type MarketSteps struct {
	WithProduct    bool // has a product in the catalogue
	PassedCuration bool // a product passed a retailer's curation
	Listed         bool // a product is on a retailer's shelves today
	// The measures behind MarketFigures: products whose label was checked
	// at least twice with their first and latest scores summed, curation
	// decisions and passes, last month's sales through retailers and the
	// money owed past its terms, in rupiah.
	LabelProducts, LabelFirst, LabelLatest int
	Decided, Passed                        int
	SalesLastMonth, OwedPastTerms          int64
}

// MarketReach gives the market steps of every business that has any
// market data, by business id.
type MarketReach func(ctx context.Context) (map[int64]MarketSteps, error)

// MarketShare is one market step for a programme's completers and their
// comparison group, over the same matched strata as the size classes.
type MarketShare struct {
	Step            string   `json:"step"` // with_product, passed_curation, listed
	Label           string   `json:"label"`
	Completers      int      `json:"completers"`       // matched completers who took the step
	CompletersShare *float64 `json:"completers_share"` // percent of the matched completers
	Comparison      int      `json:"comparison"`       // matched comparison businesses who took the step
	ComparisonShare *float64 `json:"comparison_share"` // percent, weighted to the completers' mix
	Difference      *float64 `json:"difference"`       // percentage points, completers − comparison
}

var marketSteps = []struct {
	step, label string
	took        func(MarketSteps) bool
}{
	{"with_product", "Punya produk", func(m MarketSteps) bool { return m.WithProduct }},
	{"passed_curation", "Lolos kurasi ritel", func(m MarketSteps) bool { return m.PassedCuration }},
	{"listed", "Terpajang di ritel modern", func(m MarketSteps) bool { return m.Listed }},
}

// MarketShares sets the market steps of the matched completers next to
// those of the comparison group, weighted stratum by stratum as the size
// rates are. It returns nil when no matched business has a product: there
// is no market data to compare.
func (g *Aggregator) MarketShares(reach map[int64]MarketSteps) []MarketShare {
	if g.cmp == nil {
		return nil
	}
	any := false
	var out []MarketShare
	for _, s := range marketSteps {
		share := MarketShare{Step: s.step, Label: s.label}
		tN, weighted := 0, 0.0
		for k, ts := range g.cmp.treated {
			cs := g.cmp.control[k]
			if len(cs) == 0 {
				continue
			}
			tn, cn := took(ts, reach, s.took), took(cs, reach, s.took)
			share.Completers += tn
			share.Comparison += cn
			tN += len(ts)
			weighted += float64(len(ts)) * float64(cn) / float64(len(cs))
		}
		if tN == 0 {
			return nil
		}
		any = any || share.Completers+share.Comparison > 0
		share.CompletersShare = pct(float64(share.Completers) / float64(tN))
		share.ComparisonShare = pct(weighted / float64(tN))
		share.Difference = diff(share.CompletersShare, share.ComparisonShare)
		out = append(out, share)
	}
	if !any {
		return nil
	}
	return out
}

func took(ms []member, reach map[int64]MarketSteps, step func(MarketSteps) bool) int {
	n := 0
	for _, m := range ms {
		if step(reach[m.id]) {
			n++
		}
	}
	return n
}
