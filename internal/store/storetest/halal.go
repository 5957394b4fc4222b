package storetest

import (
	"testing"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/permits"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

// testHalalFacts: profiles round-trip with their unknowns, the food and
// drink businesses are streamed with them, allocations respect the total
// and a business is in one quota at a time.
func testHalalFacts(t *testing.T, s store.Store) {
	food := biz("Roti", cikandeA)
	food.KBLI, food.NIB, food.SizeClass, food.SizeBasis, food.AnnualRevenue = "10710", "1234567890123", registry.Mikro, "revenue", 100
	create(t, s, food)
	served := biz("Warung Makan", kramatwatuA)
	served.KBLI = "56102"
	create(t, s, served)
	shop := biz("Toko", cikandeB)
	shop.KBLI = "47112"
	create(t, s, shop)

	one, yes := 1, true
	p := permits.Profile{BusinessID: food.ID, Facilities: &one, ProductType: "bakeri", SeparateTools: &yes}
	if err := s.SaveHalalProfile(ctx, p, "uji", &audit.Entry{Username: "uji", Action: "update", Entity: "halal_profile"}); err != nil {
		t.Fatal(err)
	}
	got, err := s.HalalProfile(ctx, food.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Facilities == nil || *got.Facilities != 1 || got.Outlets != nil || got.SeparateTools == nil || !*got.SeparateTools ||
		got.HalalIngredients != nil || got.ProductType != "bakeri" {
		t.Errorf("profile round trip: %+v", got)
	}
	seen := map[string]permits.Facts{}
	err = s.EachHalalFacts(ctx, registry.Scope{}, "", func(d string, f permits.Facts) error {
		seen[d+" "+f.KBLI] = f
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 2 || !seen[cikande+" 10710"].HasNIB || seen[cikande+" 10710"].Profile.Facilities == nil ||
		seen[kramatwatu+" 56102"].HasNIB || seen[kramatwatu+" 56102"].Profile.Facilities != nil {
		t.Errorf("facts %+v", seen)
	}
	n := 0
	_ = s.EachHalalFacts(ctx, registry.Scope{Regions: []string{kramatwatu}}, "", func(string, permits.Facts) error { n++; return nil })
	if n != 1 {
		t.Errorf("scoped facts: %d", n)
	}

	q := &permits.Quota{Provider: "SEHATI", Scope: "provinsi", Total: 1, OpensOn: "2026-11-01", ClosesOn: "2026-12-31", CreatedBy: "uji"}
	if err := s.CreateQuota(ctx, q, &audit.Entry{Username: "uji", Action: "create", Entity: "halal_quota"}); err != nil {
		t.Fatal(err)
	}
	alloc := func(qid int64, ids ...int64) error {
		var as []permits.Allocation
		for _, id := range ids {
			as = append(as, permits.Allocation{BusinessID: id, Assistant: "Ahmad", PlannedOn: "2026-12-03", CreatedBy: "uji"})
		}
		return s.Allocate(ctx, qid, as, &audit.Entry{Username: "uji", Action: "allocate", Entity: "halal_quota", EntityID: qid})
	}
	wantCode(t, alloc(q.ID, food.ID, served.ID), apperr.Conflict) // 2 > 1 place
	if err := alloc(q.ID, food.ID); err != nil {
		t.Fatal(err)
	}
	q2 := &permits.Quota{Provider: "Nasional", Scope: "nasional", Total: 5, OpensOn: "2026-11-01", ClosesOn: "2027-06-30"}
	if err := s.CreateQuota(ctx, q2, &audit.Entry{Username: "uji", Action: "create", Entity: "halal_quota"}); err != nil {
		t.Fatal(err)
	}
	wantCode(t, alloc(q2.ID, food.ID), apperr.Conflict) // in one quota already
	load, err := s.AssistantLoad(ctx, []string{"Ahmad", "Siti"}, "2026-12-01")
	if err != nil || load[permits.Slot{Assistant: "Ahmad", Day: "2026-12-03"}] != 1 || len(load) != 1 {
		t.Errorf("load %v %v", load, err)
	}
	qs, err := s.ListQuotas(ctx)
	if err != nil || len(qs) != 2 || qs[1].Allocated != 1 {
		t.Errorf("quotas %+v %v", qs, err)
	}
	al, err := s.QuotaAllocations(ctx, q.ID, registry.Scope{Regions: []string{kramatwatu}})
	if err != nil || len(al) != 0 {
		t.Errorf("allocations outside the area: %+v %v", al, err)
	}
}
