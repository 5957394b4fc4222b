package demo

import (
	"testing"

	"naikkelas/internal/assessment"
	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/market"
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
	if passed := p.Market[1]; passed.Step != "passed_curation" || passed.Completers == 0 || passed.Comparison == 0 {
		t.Errorf("the demo's curation rounds must reach both matched groups: %+v", passed)
	}
	for _, f := range p.MarketFigures {
		if f.Measure == "curation_pass_rate" && (f.Completers == nil || f.Comparison == nil || *f.Completers <= *f.Comparison ||
			*f.Completers == 100) {
			t.Errorf("the cohort's curation pass rate must be defined for both groups, the completers' higher but not all: %+v", f)
		}
	}
}

// TestDemoCohortCuration: a share of the cohort's completers, and of the
// applicants who did not take part, brought a product to a retail round
// after the training, with every kind of outcome, kecamatan by kecamatan.
func TestDemoCohortCuration(t *testing.T) {
	ctx := t.Context()
	set := services.New(sharedDemo(t), Jurisdiction)
	_, out := cohortMarket(t, set)
	tot, rated := out.Total, 0
	for _, d := range out.Districts {
		if d.Decided > 0 {
			rated++
		}
	}
	if tot.Decided < 15 || tot.Passed == 0 || tot.Passed == tot.Decided || tot.Listed == 0 || tot.SalesLastMonth == 0 ||
		rated < cohortDistrict/2 {
		t.Errorf("completers in curation: %d decided, %d passed, %d listed, sales %d, pass rate in %d kecamatan", tot.Decided,
			tot.Passed, tot.Listed, tot.SalesLastMonth, rated)
	}
	decisions := map[string]int{}
	rounds, _ := set.Market.Curations(ctx, auth.System)
	for _, r := range rounds {
		c, err := set.Market.Curation(ctx, auth.System, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range c.Entries {
			if e.DecidedAt == nil || idfmt.Day(e.CreatedAt) != c.HeldOn || idfmt.Day(*e.DecidedAt) != c.HeldOn || c.HeldOn <= cohortEndsOn {
				t.Errorf("entry %d of the round of %s entered %v, decided %v", e.ID, c.HeldOn, e.CreatedAt, e.DecidedAt)
			}
			if e.Decision == market.DecisionFail && e.Note == "" {
				t.Errorf("entry %d refused without a reason", e.ID)
			}
			decisions[e.Decision]++
		}
	}
	if decisions[market.DecisionPass] < 10 || decisions[market.DecisionFix] < 5 || decisions[market.DecisionFail] < 3 {
		t.Errorf("decisions of the demo rounds: %v", decisions)
	}
}

// TestDemoLabelClinic: the cohort's products were checked before the
// programme and after it; the completers' label score rose far more than
// the comparison group's, and the figures show per kecamatan.
func TestDemoLabelClinic(t *testing.T) {
	ctx := t.Context()
	st := sharedDemo(t)
	set := services.New(st, Jurisdiction)
	programID, out := cohortMarket(t, set)
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

// cohortMarket finds the October 2025 cohort in the shared demo and counts
// its completers' market outcomes.
func cohortMarket(t *testing.T, set services.Set) (int64, *market.Outcomes) {
	t.Helper()
	refs, _ := set.Assessments.Programs.ProgramRefs(t.Context(), "finished")
	var programID int64
	for _, r := range refs {
		if r.Name == cohortName {
			programID = r.ID
		}
	}
	out, err := set.Market.MarketOutcomes(t.Context(), auth.System, programID)
	if err != nil || programID == 0 {
		t.Fatalf("market outcomes of the cohort %d: %v", programID, err)
	}
	return programID, out
}
