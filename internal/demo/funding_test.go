package demo

import (
	"testing"

	"naikkelas/internal/auth"
)

// TestDemoFunding: the demo's ledger spans 2023–2026 with realisations,
// some programmes are funded by several partners, the CSR fund's mitra
// sees its own ledger, and coverage scenarios are saved.
func TestDemoFunding(t *testing.T) {
	ctx := t.Context()
	st, set := demoOf(t, 2000)
	stats, err := set.Funding.Stats(ctx, auth.System, 0)
	if err != nil {
		t.Fatal(err)
	}
	years := map[int]int64{}
	for _, r := range stats.Partners {
		years[r.Year] += r.Realised
	}
	for y := 2023; y <= 2026; y++ {
		if years[y] == 0 {
			t.Errorf("no realised commitment in %d (%v)", y, years)
		}
	}
	costs, err := set.Funding.ProgramCosts(ctx, auth.System, 0)
	if err != nil {
		t.Fatal(err)
	}
	multi := 0
	for _, pc := range costs {
		partners := map[int64]bool{}
		for _, al := range pc.Allocations {
			partners[al.PartnerID] = true
		}
		if len(partners) >= 2 {
			multi++
		}
	}
	if multi < 2 {
		t.Errorf("%d programmes funded by several partners, want at least 2", multi)
	}
	u, err := st.UserByUsername(ctx, "mitra.csr")
	if err != nil {
		t.Fatal(err)
	}
	led, err := set.Partners.Ledger(ctx, auth.ActorOf(u), 0)
	if err != nil || len(led.Years) != 4 || led.Totals.Allocated == 0 {
		t.Errorf("the CSR mitra's ledger = %+v, %v; want four years with allocations", led, err)
	}
	scenarios, _, err := set.Planner.Scenarios(ctx, auth.System)
	if err != nil || len(scenarios) != len(demoScenarios) {
		t.Errorf("saved scenarios = %d (%v), want %d", len(scenarios), err, len(demoScenarios))
	}
}
