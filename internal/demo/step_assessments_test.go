package demo

import (
	"context"
	"testing"

	"naikkelas/internal/assessment"
	"naikkelas/internal/auth"
	"naikkelas/internal/registry"
)

// TestDemoCohortShowsGrowth loads a mid-size demo and checks what the
// naik-kelas report is meant to show: a finished October 2025 programme of
// 50 completers from 10 kecamatan, a few thousand-scale set of dated
// assessments, and completers who grew more than their comparison group.
func TestDemoCohortShowsGrowth(t *testing.T) {
	ctx := context.Background()
	st := sharedDemo(t)
	svc := assessment.NewService(st, st, registry.NewService(st, "36.04"), st)
	refs, err := svc.Programs.ProgramRefs(ctx, "finished")
	if err != nil || len(refs) != 1 || refs[0].StartsOn != cohortStartsOn {
		t.Fatalf("finished programmes %+v %v", refs, err)
	}
	c, err := svc.Programs.ProgramCohort(ctx, refs[0].ID)
	if err != nil || len(c.Participants) != cohortSize || len(c.Completers) != cohortSize-cohortDropouts {
		t.Fatalf("cohort: %d participants, %d completers (%v)", len(c.Participants), len(c.Completers), err)
	}
	districts := map[string]bool{}
	for _, id := range c.Completers {
		b, err := st.GetBusiness(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		districts[b.DistrictCode] = true
	}
	if len(districts) != 10 {
		t.Errorf("completers come from %d kecamatan, want 10", len(districts))
	}
	s, err := svc.Stats(ctx, auth.System, assessment.StatsQuery{ProgramID: refs[0].ID, To: "2026-11-01"})
	if err != nil {
		t.Fatal(err)
	}
	p := s.Program
	if p.CompletersGroup.Businesses < 40 || p.ComparisonGroup.Businesses < 100 {
		t.Fatalf("group sizes %d / %d", p.CompletersGroup.Businesses, p.ComparisonGroup.Businesses)
	}
	if p.SizeUpDifference == nil || *p.SizeUpDifference <= 0 || p.LevelUpDifference == nil || *p.LevelUpDifference <= 0 {
		t.Errorf("completers must have grown more than the comparison group: size %v level %v (%+v / %+v)",
			p.SizeUpDifference, p.LevelUpDifference, p.CompletersGroup, p.ComparisonGroup)
	}
	if up := *p.CompletersGroup.SizeUpRate; up < 15 || up > 70 {
		t.Errorf("a realistic share of completers moved up a class: %.1f%%", up)
	}
	y := assessment.StatsQuery{From: "2025-01-01", To: "2025-12-31"}
	if s, err = svc.Stats(ctx, auth.System, y); err != nil {
		t.Fatal(err)
	}
	if assessed := s.LevelUp + s.LevelDown + s.LevelUnchanged; assessed < 200 || s.BySource.Verified.LevelUp == 0 || s.BySource.SelfReported.LevelUp == 0 {
		t.Errorf("2025 level evidence: %+v by source %+v", s.Counts, s.BySource)
	}
}

// The demo's first figures are dated 2023-12-31, so an officer asking about
// 2023–2025 has no evidence before the window: each business is measured
// from its first figure in the window instead, and the answer says so.
func TestDemoWindowWithoutEarlierEvidence(t *testing.T) {
	ctx := context.Background()
	st := sharedDemo(t)
	svc := assessment.NewService(st, st, registry.NewService(st, "36.04"), st)
	s, err := svc.Stats(ctx, auth.System, assessment.StatsQuery{From: "2023-01-01", To: "2025-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	judged := s.SizeUp + s.SizeDown + s.SizeUnchanged
	if s.SizeNoData > midSize/10 || judged < midSize*9/10 {
		t.Errorf("2023–2025: %d without data, %d judged of %d", s.SizeNoData, judged, midSize)
	}
	if s.Baseline.FirstInWindow != judged || s.Baseline.BeforeFrom != 0 || s.SizeUp == 0 {
		t.Errorf("baselines %+v for %d judged (%d up)", s.Baseline, judged, s.SizeUp)
	}
}
