package storetest

import (
	"testing"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/planner"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

func testPlannerStore(t *testing.T, s store.Store) {
	p := newProgram(t, s)
	// Three businesses in Cikande, two of them completed the programme; one
	// completer is kecil, so the mikro group holds one trained business.
	var apps []*programs.Application
	for i, name := range []string{"Dodol Cikande", "Emping Cikande", "Kopi Cikande"} {
		b := biz(name, cikandeA)
		b.AnnualRevenue = 300_000_000 // mikro
		if i == 1 {
			b.AnnualRevenue, b.SizeClass = 3_000_000_000, registry.Kecil
		}
		b = create(t, s, b)
		if i < 2 {
			apps = append(apps, &programs.Application{ProgramID: p.ID, BusinessID: b.ID, BusinessName: b.Name,
				VillageCode: b.VillageCode, DistrictCode: cikande, Channel: programs.ChannelNominasi, Status: programs.AppCompleted})
		}
	}
	if err := s.AddApplications(ctx, apps, who); err != nil {
		t.Fatal(err)
	}
	all, err := s.TrainedInGroup(ctx, registry.Filter{})
	if err != nil || all[cikande] != 2 || len(all) != 1 {
		t.Errorf("trained: %v, %v", all, err)
	}
	mikro, err := s.TrainedInGroup(ctx, registry.Filter{SizeClass: registry.Mikro})
	if err != nil || mikro[cikande] != 1 {
		t.Errorf("trained mikro: %v, %v", mikro, err)
	}

	sc := &planner.Scenario{Name: "Tambah Bank BJB", Params: planner.Params{CostPerParticipant: 2_000_000, CohortSize: 25,
		ExtraPerYear: 500_000_000, Group: "mikro"}, CreatedBy: "uji"}
	if err := s.CreateScenario(ctx, sc, &audit.Entry{Username: "uji", Action: audit.Create, Entity: "coverage_scenario"}); err != nil {
		t.Fatal(err)
	}
	list, err := s.ListScenarios(ctx)
	if err != nil || len(list) != 1 || list[0].ID != sc.ID || list[0].Params != sc.Params || list[0].Name != sc.Name {
		t.Errorf("scenarios %+v, %v", list, err)
	}
	if err := s.DeleteScenario(ctx, sc.ID, &audit.Entry{Entity: "coverage_scenario"}); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.DeleteScenario(ctx, sc.ID, &audit.Entry{Entity: "coverage_scenario"}), apperr.NotFound)
}
