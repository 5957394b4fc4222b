package demo

import (
	"testing"

	"naikkelas/internal/assessment"
	"naikkelas/internal/auth"
	"naikkelas/internal/services"
)

// The naik-kelas comparison of the finished programme carries the market
// steps, drawn from the demo's products, curation rounds and listings.
func TestDemoNaikKelasMarketSteps(t *testing.T) {
	ctx := t.Context()
	set := services.New(sharedDemo(t), Jurisdiction)
	refs, _ := set.Assessments.Programs.ProgramRefs(ctx, "finished")
	s, err := set.Assessments.Stats(ctx, auth.System, assessment.StatsQuery{ProgramID: refs[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	p := s.Program
	if len(p.Market) != 3 {
		t.Fatalf("market steps %+v, want with_product, passed_curation, listed", p.Market)
	}
	for _, m := range p.Market {
		if m.Completers > p.CompletersGroup.Businesses || m.Comparison > p.ComparisonGroup.Businesses || m.CompletersShare == nil {
			t.Errorf("%s: %d of %d completers, %d of %d comparison", m.Step, m.Completers, p.CompletersGroup.Businesses,
				m.Comparison, p.ComparisonGroup.Businesses)
		}
	}
	if passed := p.Market[1]; passed.Step != "passed_curation" || passed.Completers+passed.Comparison == 0 {
		t.Errorf("the demo's curation rounds must reach the matched groups: %+v", passed)
	}
}
