package demo

import (
	"context"
	"testing"

	"naikkelas/internal/auth"
	"naikkelas/internal/market"
	"naikkelas/internal/services"
	"naikkelas/internal/store"
)

// checkDemoRetail: each demo retailer has requirements, its mitra sees
// exactly its own round, whose entries were pre-checked and decided in
// every way, and its listings with months of sales, some still owed.
func checkDemoRetail(t *testing.T, st store.Store) {
	t.Helper()
	ctx := context.Background()
	mk := services.New(st, Jurisdiction).Market
	decisions := map[string]int{}
	for _, name := range []string{"mitra.ritel", "mitra.swalayan"} {
		u, err := st.UserByUsername(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		a := auth.ActorOf(u)
		pt, _ := st.GetPartner(ctx, a.PartnerID)
		if pt.Kind != "ritel" || pt.Requirements.IsZero() {
			t.Errorf("%s's partner %+v: want a retailer with requirements", name, pt)
		}
		rounds, err := mk.Curations(ctx, a)
		if err != nil || len(rounds) != 1 || rounds[0].PartnerID != a.PartnerID {
			t.Fatalf("%s sees rounds %+v (%v), want its own one", name, rounds, err)
		}
		c, err := mk.Curation(ctx, a, rounds[0].ID)
		if err != nil || len(c.Entries) < 2 {
			t.Fatalf("%s's round: %+v, %v", name, c, err)
		}
		for _, e := range c.Entries {
			decisions[e.Decision]++
			if e.Decision == market.DecisionFix && (len(e.Fixes) == 0 || len(e.Unmet) == 0) {
				t.Errorf("a perbaikan without fixes: %+v", e)
			}
		}
		list, err := mk.Listings(ctx, a, market.ListingFilter{})
		if err != nil || len(list) == 0 {
			t.Fatalf("%s sees %d listings (%v)", name, len(list), err)
		}
		for _, l := range list {
			if l.PartnerID != a.PartnerID || len(l.Sales) == 0 || l.Totals.Owed == 0 {
				t.Errorf("%s: listing %d of partner %d with %d months, owed %d", name, l.ID, l.PartnerID, len(l.Sales), l.Totals.Owed)
			}
		}
	}
	for _, d := range market.Decisions {
		if decisions[d] == 0 {
			t.Errorf("no demo entry decided %s (%v)", d, decisions)
		}
	}
	all, _ := mk.Listings(ctx, auth.System, market.ListingFilter{})
	var owed market.Owed
	for _, l := range all {
		owed.Add(l.Totals)
	}
	if owed.OwedPastTerms == 0 || owed.Owed <= owed.OwedPastTerms {
		t.Errorf("demo money owed %+v: want some past its terms and some not yet due", owed)
	}
}
