package demo

import (
	"testing"

	"naikkelas/internal/assessment"
	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
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

// TestDemoLabelClinic: the cohort's products were checked before the
// programme and after it; the completers' label score rose far more than
// the comparison group's, and the figures show per kecamatan.
func TestDemoLabelClinic(t *testing.T) {
	ctx := t.Context()
	st := sharedDemo(t)
	set := services.New(st, Jurisdiction)
	refs, _ := set.Assessments.Programs.ProgramRefs(ctx, "finished")
	var programID int64
	for _, r := range refs {
		if r.Name == cohortName {
			programID = r.ID
		}
	}
	out, err := set.Market.MarketOutcomes(ctx, auth.System, programID)
	if err != nil || programID == 0 {
		t.Fatalf("market outcomes of the cohort %d: %v", programID, err)
	}
	if tot := out.Total; tot.LabelProducts < 20 || tot.LabelAfter-tot.LabelBefore < 15 {
		t.Errorf("completers' label scores: %d products, %.1f → %.1f", tot.LabelProducts, tot.LabelBefore, tot.LabelAfter)
	}
	checked := 0
	for _, d := range out.Districts {
		if d.LabelProducts > 0 {
			checked++
		}
	}
	if checked < cohortDistrict/2 {
		t.Errorf("label scores in %d kecamatan, want most of the cohort's %d", checked, cohortDistrict)
	}
	apps, _ := st.ListApplications(ctx, programID)
	for _, ap := range apps[:5] {
		ps, _ := st.ListProducts(ctx, ap.BusinessID)
		checks, _ := st.LabelChecks(ctx, ps[0].ID)
		if len(checks) < 2 || idfmt.Day(checks[0].CheckedAt) >= cohortStartsOn || idfmt.Day(checks[1].CheckedAt) <= cohortEndsOn ||
			checks[0].Score >= checks[1].Score || len(checks[0].Fixes) == 0 {
			t.Errorf("business %d's label checks %+v: want one before %s with fixes and a better one after %s", ap.BusinessID,
				checks, cohortStartsOn, cohortEndsOn)
		}
	}
	s, err := set.Assessments.Stats(ctx, auth.System, assessment.StatsQuery{ProgramID: programID})
	if err != nil {
		t.Fatal(err)
	}
	figures := map[string]assessment.MarketFigure{}
	for _, f := range s.Program.MarketFigures {
		figures[f.Measure] = f
	}
	after := figures["label_after"]
	if after.Completers == nil || after.Comparison == nil || *after.Difference < 10 {
		t.Errorf("label score after the clinic, completers against comparison: %+v", after)
	}
}
