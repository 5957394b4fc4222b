package permits_test

import (
	"strconv"
	"testing"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/permits"
	"naikkelas/internal/registry"
	"naikkelas/internal/store/storetest"
)

func ip(n int) *int   { return &n }
func bp(b bool) *bool { return &b }

// complete is a profile meeting every self-declare condition of 146/2025.
func complete(id int64) permits.Profile {
	return permits.Profile{BusinessID: id, Facilities: ip(1), Outlets: ip(1), PreservationMethods: ip(1), ProductType: "bakeri",
		HalalIngredients: bp(true), SeparateTools: bp(true), SimpleProcess: bp(true)}
}

// TestHalalObligation counts a hand-made register: in Cikande a certified
// bakery, one whose certificate expired, a ready micro bakery, a micro
// snack maker nobody has checked, a menengah factory and a warung (not
// food); in Kramatwatu a warung makan without halal.
func TestHalalObligation(t *testing.T) {
	st := storetest.OpenSQLite(t)
	reg := registry.NewService(st, "36.04")
	svc := permits.NewService(st, reg)
	add := func(name, village, kbli string, revenue int64, edit func(*registry.Business)) *registry.Business {
		b := &registry.Business{Name: name, OwnerName: "Pemilik", VillageCode: village, KBLI: kbli, AnnualRevenue: revenue}
		if edit != nil {
			edit(b)
		}
		out, err := reg.Create(ctx, auth.System, b)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	nib := 1000000000000
	withNIB := func(b *registry.Business) { nib++; b.NIB = strconv.Itoa(nib) }
	add("Roti Bersertifikat", "36.04.15.2001", "10710", 200_000_000, func(b *registry.Business) {
		withNIB(b)
		b.HalalStatus, b.HalalNumber, b.HalalExpiresOn = registry.HalalCertified, "ID36110000000010325", "2029-01-01"
	})
	add("Roti Kedaluwarsa", "36.04.15.2001", "10710", 200_000_000, func(b *registry.Business) {
		withNIB(b)
		b.HalalStatus, b.HalalNumber, b.HalalExpiresOn = registry.HalalCertified, "ID36110000000020321", "2025-03-01"
	})
	ready := add("Roti Siap", "36.04.15.2002", "10710", 300_000_000, withNIB)
	add("Keripik Belum Dicek", "36.04.15.2002", "10794", 100_000_000, withNIB)
	factory := add("Pabrik Roti", "36.04.15.2002", "10710", 20_000_000_000, withNIB)
	add("Warung Kelontong", "36.04.15.2001", "47112", 80_000_000, nil)
	add("Warung Makan", "36.04.05.2001", "56102", 90_000_000, nil)
	for _, id := range []int64{ready.ID, factory.ID} {
		if _, err := svc.SaveProfile(ctx, auth.System, complete(id)); err != nil {
			t.Fatal(err)
		}
	}

	got, err := svc.HalalObligation(ctx, auth.System, "2026-12-01", "")
	if err != nil {
		t.Fatal(err)
	}
	if !got.InForce || got.Rule == nil || got.Rule.Code != "kepkaban-146-2025" {
		t.Errorf("in force %v, rule %+v", got.InForce, got.Rule)
	}
	want := map[string]permits.ObligationRow{
		// food 5; compliant 1; not 4; qualify: Roti Siap; maybe: Roti Siap and Keripik (unchecked) and Roti Kedaluwarsa (unchecked).
		"36.04.15": {Code: "36.04.15", Name: "Cikande", Food: 5, Compliant: 1, NotCompliant: 4, Qualify: 1, MaybeQualify: 3},
		// the warung makan has no NIB: a known unmet condition.
		"36.04.05": {Code: "36.04.05", Name: "Kramatwatu", Food: 1, Compliant: 0, NotCompliant: 1, Qualify: 0, MaybeQualify: 0},
	}
	if len(got.Districts) != 2 {
		t.Fatalf("districts %+v", got.Districts)
	}
	for _, row := range got.Districts {
		if row != want[row.Code] {
			t.Errorf("%s: %+v, want %+v", row.Code, row, want[row.Code])
		}
	}
	if got.Total.Food != 6 || got.Total.NotCompliant != 5 || got.Total.Qualify != 1 {
		t.Errorf("total %+v", got.Total)
	}

	// Before 17 October 2026 the counts are shown, not yet as an obligation.
	before, _ := svc.HalalObligation(ctx, auth.System, "2026-10-16", "")
	if before.InForce {
		t.Error("obligation in force before 17 Oktober 2026")
	}
	// An operator of Kramatwatu sees only its kecamatan; an owner not at all.
	op := auth.Actor{Username: "op", Role: auth.Operator, Regions: []string{"36.04.05"}}
	mine, _ := svc.HalalObligation(ctx, op, "2026-12-01", "")
	if len(mine.Districts) != 1 || mine.Total.Food != 1 {
		t.Errorf("operator sees %+v", mine.Districts)
	}
	if _, err := svc.HalalObligation(ctx, auth.Actor{Role: auth.Owner, BusinessID: ready.ID}, "", ""); !apperr.Is(err, apperr.Forbidden) {
		t.Errorf("owner: %v", err)
	}

	// Readiness of the factory names its scale and its revenue.
	rd, err := svc.Readiness(ctx, auth.System, factory.ID, "2026-12-01")
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]bool{}
	for _, u := range rd.SelfDeclare.Unmet {
		codes[u.Code] = true
	}
	if rd.SelfDeclare.Qualifies || !codes["size_class"] || !codes["max_annual_revenue"] || len(codes) != 2 {
		t.Errorf("factory readiness %+v", rd.SelfDeclare)
	}
	if len(rd.Needs) != 3 || !rd.Needs[0].Met || rd.Needs[1].Met || rd.Needs[2].Met || !rd.HalalObligation || rd.HalalCompliant {
		t.Errorf("factory needs %+v", rd.Needs)
	}
	// Under the rule of 2024 the same shop is judged by Kepkaban 33/2022.
	rd, _ = svc.Readiness(ctx, auth.System, ready.ID, "2024-06-01")
	if rd.SelfDeclare.Rule.Code != "kepkaban-33-2022" || rd.HalalObligation {
		t.Errorf("2024 readiness %+v", rd)
	}
}
