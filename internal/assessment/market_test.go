package assessment

import "testing"

func TestMarketSharesWeightedLikeSizeClasses(t *testing.T) {
	facts, cohort := cohortFacts()
	g := NewAggregator(Period{From: "2025-10-01", To: "2026-06-30"}, nil, nil, cohort, nil)
	for i := range facts {
		g.Add(&facts[i])
	}
	g.Result()
	if got := g.MarketShares(map[int64]MarketSteps{}); got != nil {
		t.Fatalf("no market data must give no market figures, got %+v", got)
	}
	product := MarketSteps{WithProduct: true}
	passed := MarketSteps{WithProduct: true, PassedCuration: true}
	reach := map[int64]MarketSteps{
		// Matched completers: stratum A/C has 1–4, stratum B/C has 5–6.
		1: {WithProduct: true, PassedCuration: true, Listed: true}, 2: product, 5: passed,
		// Matched comparison: stratum A/C has 11–15, stratum B/C has 16–17.
		11: product, 16: passed,
		// Not counted: a completer with nobody alike, a non-participant with
		// no completer alike, a completer without a class at the start, a dropout.
		7: passed, 18: passed, 8: passed, 21: passed,
	}
	got := g.MarketShares(reach)
	want := []struct {
		step                   string
		completers, comparison int
		tShare, cShare, diff   float64
	}{
		// 3 of 6 completers; comparison (4 × 1/5 + 2 × 1/2) / 6 = 30.0% (unweighted 2/7 = 28.6%).
		{"with_product", 3, 2, 50.0, 30.0, 20.0},
		// 2 of 6; comparison (4 × 0/5 + 2 × 1/2) / 6 = 16.7%.
		{"passed_curation", 2, 1, 33.3, 16.7, 16.6},
		{"listed", 1, 0, 16.7, 0.0, 16.7},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d market steps, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		s := got[i]
		if s.Step != w.step || s.Completers != w.completers || s.Comparison != w.comparison ||
			*s.CompletersShare != w.tShare || *s.ComparisonShare != w.cShare || *s.Difference != w.diff {
			t.Errorf("%s: got %d (%v%%) vs %d (%v%%), difference %v; want %d (%v%%) vs %d (%v%%), %v", w.step,
				s.Completers, *s.CompletersShare, s.Comparison, *s.ComparisonShare, *s.Difference,
				w.completers, w.tShare, w.comparison, w.cShare, w.diff)
		}
	}
}
