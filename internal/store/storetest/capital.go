package storetest

import (
	"testing"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/capital"
	"naikkelas/internal/office"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

// testCapital stores needs and referrals: one referral per need and bank,
// codes found back, decisions guarded by version, lists by bank, status and
// area, and the facts of the funnel.
func testCapital(t *testing.T, s store.Store) {
	b := biz("Emping Cikande", cikandeA)
	b.Phone = "+6281234567890"
	create(t, s, b)
	far := create(t, s, biz("Sate Kramat", kramatwatuA))
	var banks [2]int64
	for i, name := range []string{"Bank Banten", "Bank Lain"} {
		pt := &programs.Partner{Name: name, Kind: "bank"}
		if err := s.CreatePartner(ctx, pt, createAudit("partner")); err != nil {
			t.Fatal(err)
		}
		banks[i] = pt.ID
	}
	need := func(bid int64, amount int64) *capital.Need {
		n := &capital.Need{BusinessID: bid, Amount: amount, Purpose: capital.PurposeInvestment, Collateral: "BPKB", RecordedBy: "uji"}
		if err := s.CreateNeed(ctx, n, createAudit("capital_need")); err != nil {
			t.Fatal(err)
		}
		return n
	}
	n1, n2 := need(b.ID, 150_000_000), need(far.ID, 5_000_000)
	got, err := s.GetNeed(ctx, n1.ID)
	if err != nil || got.Amount != 150_000_000 || got.BusinessName != "Emping Cikande" || got.DistrictCode != cikande || got.Collateral != "BPKB" {
		t.Fatalf("GetNeed = %+v (%v)", got, err)
	}
	_, err = s.GetNeed(ctx, 9999)
	wantCode(t, err, apperr.NotFound)
	if list, err := s.NeedsOf(ctx, b.ID); err != nil || len(list) != 1 {
		t.Fatalf("NeedsOf = %v (%v)", list, err)
	}
	refer := func(n *capital.Need, bank int64, code string) (*capital.Referral, error) {
		r := &capital.Referral{NeedID: n.ID, BusinessID: n.BusinessID, PartnerID: bank, Scheme: capital.SchemeFor(n.Amount),
			Status: capital.StatusReferred, Code: code, ConsentAt: time.Now().UTC(), ConsentBy: "uji", ReferredBy: "uji",
			Requirements: []capital.Requirement{{Key: capital.ReqNIB, Label: "NIB", Detail: "belum"}},
			Signatory:    office.Signature{Agency: "Dinas", Name: "Kepala"}}
		return r, s.CreateReferral(ctx, r, createAudit("capital_referral"))
	}
	r1, err := refer(n1, banks[0], "NK-AAAA-BBBB-CCCC")
	if err != nil {
		t.Fatal(err)
	}
	_, err = refer(n1, banks[0], "NK-AAAA-BBBB-DDDD")
	wantCode(t, err, apperr.Conflict)
	if _, err := refer(n2, banks[1], "NK-AAAA-BBBB-EEEE"); err != nil {
		t.Fatal(err)
	}
	r, err := s.ReferralByCode(ctx, "NK-AAAA-BBBB-CCCC")
	if err != nil || r.ID != r1.ID || r.PartnerName != "Bank Banten" || r.Amount != 150_000_000 || r.Contact == nil ||
		r.Contact.Phone != "+6281234567890" || len(r.Requirements) != 1 || r.Signatory.Name != "Kepala" || !r.DecidedAt.IsZero() {
		t.Fatalf("ReferralByCode = %+v (%v)", r, err)
	}
	r.Status, r.ApprovedAmount, r.TenorMonths, r.RatePercent = capital.StatusApproved, 100_000_000, 36, 6.5
	r.DecidedAt, r.DecidedBy = time.Date(2026, 5, 20, 2, 0, 0, 0, time.UTC), "bank"
	stale := *r
	if err := s.SaveDecision(ctx, r, createAudit("capital_referral")); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.SaveDecision(ctx, &stale, createAudit("capital_referral")), apperr.Conflict)
	r, err = s.GetReferral(ctx, r1.ID)
	if err != nil || r.Status != capital.StatusApproved || r.RatePercent != 6.5 || r.Version != 2 || !r.DecidedAt.Equal(time.Date(2026, 5, 20, 2, 0, 0, 0, time.UTC)) {
		t.Fatalf("after decision = %+v (%v)", r, err)
	}
	count := func(f capital.Filter) int {
		f.Page, f.PerPage = 1, 50
		_, total, err := s.ListReferrals(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		return total
	}
	for name, c := range map[string]struct {
		f    capital.Filter
		want int
	}{
		"all":      {capital.Filter{}, 2},
		"bank":     {capital.Filter{PartnerID: banks[1]}, 1},
		"status":   {capital.Filter{Status: capital.StatusApproved}, 1},
		"area":     {capital.Filter{Scope: registry.Scope{Regions: []string{kramatwatu}}}, 1},
		"business": {capital.Filter{Scope: registry.Scope{BusinessID: b.ID}, PartnerID: banks[1]}, 0},
	} {
		if got := count(c.f); got != c.want {
			t.Errorf("ListReferrals %s = %d, want %d", name, got, c.want)
		}
	}
	f, err := s.CapitalFacts(ctx, registry.Scope{Regions: []string{cikande}})
	if err != nil || len(f.Needs) != 1 || len(f.Referrals) != 1 || f.Referrals[0].ApprovedAmount != 100_000_000 ||
		f.Referrals[0].DecidedAt.IsZero() || len(f.Completions) != 0 {
		t.Fatalf("CapitalFacts = %+v (%v)", f, err)
	}
}
