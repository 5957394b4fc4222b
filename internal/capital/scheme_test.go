package capital

import (
	"testing"

	"naikkelas/internal/registry"
)

// TestSchemeFor pins the KUR bounds: each bound belongs to the smaller
// scheme, one rupiah more to the next.
func TestSchemeFor(t *testing.T) {
	for _, c := range []struct {
		amount int64
		want   string
	}{
		{1, SchemeSuperMicro},
		{10_000_000, SchemeSuperMicro},
		{10_000_001, SchemeMicro},
		{100_000_000, SchemeMicro},
		{100_000_001, SchemeSmall},
		{500_000_000, SchemeSmall},
		{500_000_001, SchemeNone},
		{5_000_000_000, SchemeNone},
	} {
		if got := SchemeFor(c.amount); got != c.want {
			t.Errorf("SchemeFor(%d) = %s, want %s", c.amount, got, c.want)
		}
	}
}

// TestRequirements names each unmet requirement, and asks for collateral
// only above KUR mikro.
func TestRequirements(t *testing.T) {
	full := &registry.Business{NIK: "3604154506900003", NIB: "1234567890123", FoundedYear: 2020, Phone: "+6281234567890",
		AnnualRevenue: 120_000_000}
	unmet := func(reqs []Requirement) map[string]string {
		out := map[string]string{}
		for _, r := range reqs {
			if !r.Met {
				out[r.Key] = r.Detail
			}
		}
		return out
	}
	if got := unmet(Requirements(full, &Need{Amount: 50_000_000}, "2026-12-01")); len(got) != 0 {
		t.Errorf("complete record, KUR mikro: unmet %v", got)
	}
	got := unmet(Requirements(full, &Need{Amount: 200_000_000}, "2026-12-01"))
	if len(got) != 1 || got[ReqCollateral] == "" {
		t.Errorf("KUR kecil without collateral: unmet %v, want collateral only", got)
	}
	if got := unmet(Requirements(full, &Need{Amount: 200_000_000, Collateral: "BPKB motor"}, "2026-12-01")); len(got) != 0 {
		t.Errorf("KUR kecil with collateral: unmet %v", got)
	}
	bare := &registry.Business{}
	got = unmet(Requirements(bare, &Need{Amount: 5_000_000}, "2026-12-01"))
	for _, key := range []string{ReqNIK, ReqNIB, ReqOperating, ReqPhone, ReqRevenue} {
		if got[key] == "" {
			t.Errorf("bare record: %s not named as unmet (%v)", key, got)
		}
	}
	if _, ok := got[ReqCollateral]; ok {
		t.Error("super mikro asks for collateral")
	}
	// The register knows the founding year only: 2025 is surely six months
	// old from 1 July 2026, not the day before.
	for today, want := range map[string]bool{"2026-06-30": false, "2026-07-01": true} {
		young := *full
		young.FoundedYear = 2025
		_, missing := unmet(Requirements(&young, &Need{Amount: 5_000_000}, today))[ReqOperating]
		if missing == want {
			t.Errorf("founded 2025, on %s: operating met = %v, want %v", today, !missing, want)
		}
	}
}
