package permits

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestJudgedFactsDecide: businesses with equal judgedFacts get the same
// verdict from every rule, so the obligation count may judge one for all.
func TestJudgedFactsDecide(t *testing.T) {
	rules, err := LoadRules()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(options ...string) string { return options[rng.IntN(len(options))] }
	count := func() *int {
		if rng.IntN(3) == 0 {
			return nil
		}
		n := rng.IntN(3)
		return &n
	}
	yes := func() *bool {
		if rng.IntN(3) == 0 {
			return nil
		}
		b := rng.IntN(2) == 0
		return &b
	}
	type verdict struct{ qualify, maybe bool }
	for _, rule := range rules.Rules {
		seen := map[judgedFacts]verdict{}
		for range 20_000 {
			f := Facts{SizeClass: pick("", "mikro", "kecil", "menengah"), SizeBasis: pick("", "revenue", "capital"),
				AnnualRevenue: rng.Int64N(2 * max(rule.MaxAnnualRevenue, 1)), HasNIB: rng.IntN(2) == 0,
				FoundedYear: []int{0, 2015, 2025, 2026}[rng.IntN(4)],
				Profile: Profile{Facilities: count(), Outlets: count(), PreservationMethods: count(),
					ProductType: pick("", "bakeri", "minuman", "lain"), HalalIngredients: yes(), SeparateTools: yes(), SimpleProcess: yes()}}
			unmet := rules.Evaluate(rule, f, "2026-12-01")
			v := verdict{len(unmet) == 0, !slices.ContainsFunc(unmet, func(u Unmet) bool { return !u.Unknown })}
			key := judgedFactsOf(rule, f)
			if w, ok := seen[key]; ok && w != v {
				t.Fatalf("rule %s: facts %+v judged %+v, others alike %+v", rule.Code, f, v, w)
			}
			seen[key] = v
		}
	}
}
