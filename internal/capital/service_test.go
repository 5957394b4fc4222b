package capital_test

import (
	"context"
	"testing"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/capital"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
	"naikkelas/internal/services"
	"naikkelas/internal/store/storetest"
)

var ctx = context.Background()

// world is a capital service with one business in Cikande, two banks and
// a retailer, and the actors of the tests.
type world struct {
	svc                  *capital.Service
	business             *registry.Business
	bankA, bankB, retail int64
	owner, operator      auth.Actor
	mitraA, mitraB       auth.Actor
	elsewhere            auth.Actor
}

func setup(t *testing.T) *world {
	t.Helper()
	st := storetest.OpenSQLite(t)
	set := services.New(st, "36.04")
	b, err := set.Registry.Create(ctx, auth.System, &registry.Business{Name: "Emping Bu Siti", OwnerName: "Siti",
		NIK: "3604154506900003", Phone: "081234567890", VillageCode: "36.04.15.2001", KBLI: "10794", FoundedYear: 2019,
		AnnualRevenue: 120_000_000})
	if err != nil {
		t.Fatal(err)
	}
	w := &world{svc: set.Capital, business: b}
	for dst, pt := range map[*int64]*programs.Partner{&w.bankA: {Name: "Bank Banten", Kind: "bank"},
		&w.bankB: {Name: "Bank Lain", Kind: "bank"}, &w.retail: {Name: "Toko Ritel", Kind: "ritel"}} {
		if _, err := set.Programs.SavePartner(ctx, auth.System, pt); err != nil {
			t.Fatal(err)
		}
		*dst = pt.ID
	}
	w.svc.Now = func() time.Time { return time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC) }
	w.owner = auth.Actor{Username: "siti", Role: auth.Owner, BusinessID: b.ID}
	w.operator = auth.Actor{Username: "op", Role: auth.Operator, Regions: []string{"36.04.15"}}
	w.elsewhere = auth.Actor{Username: "op2", Role: auth.Operator, Regions: []string{"36.04.05"}}
	w.mitraA = auth.Actor{Username: "bank.a", Role: auth.Mitra, PartnerID: w.bankA}
	w.mitraB = auth.Actor{Username: "bank.b", Role: auth.Mitra, PartnerID: w.bankB}
	return w
}

func (w *world) need(t *testing.T, amount int64) *capital.Need {
	t.Helper()
	n, err := w.svc.CreateNeed(ctx, w.owner, w.business.ID, &capital.Need{Amount: amount, Purpose: capital.PurposeWorking})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestReferralConsent: no consent, no referral; a retailer is no bank; one
// need goes to one bank once; the requirements travel with the referral.
func TestReferralConsent(t *testing.T) {
	w := setup(t)
	n := w.need(t, 25_000_000)
	if n.Scheme != capital.SchemeMicro {
		t.Errorf("scheme %s, want kur_mikro", n.Scheme)
	}
	cases := []struct {
		in   capital.ReferralInput
		code apperr.Code
	}{
		{capital.ReferralInput{PartnerID: w.bankA}, apperr.Invalid},
		{capital.ReferralInput{PartnerID: w.retail, Consent: true}, apperr.Invalid},
		{capital.ReferralInput{PartnerID: 9999, Consent: true}, apperr.Invalid},
	}
	for i, c := range cases {
		if _, err := w.svc.Refer(ctx, w.operator, n.ID, &c.in); !apperr.Is(err, c.code) {
			t.Errorf("case %d: %v, want %s", i, err, c.code)
		}
	}
	if _, err := w.svc.Refer(ctx, w.elsewhere, n.ID, &capital.ReferralInput{PartnerID: w.bankA, Consent: true}); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("operator elsewhere refers: %v, want not found", err)
	}
	r, err := w.svc.Refer(ctx, w.operator, n.ID, &capital.ReferralInput{PartnerID: w.bankA, Consent: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.ConsentBy != "op" || r.ConsentAt.IsZero() || r.Status != capital.StatusReferred || r.Code == "" {
		t.Errorf("referral = %+v", r)
	}
	unmet := r.Unmet()
	if len(unmet) != 1 || unmet[0].Key != capital.ReqNIB {
		t.Errorf("unmet %v, want NIB only", unmet)
	}
	if _, err := w.svc.Refer(ctx, w.owner, n.ID, &capital.ReferralInput{PartnerID: w.bankA, Consent: true}); !apperr.Is(err, apperr.Conflict) {
		t.Errorf("second referral to the same bank: %v, want conflict", err)
	}
	if _, err := w.svc.Refer(ctx, w.owner, n.ID, &capital.ReferralInput{PartnerID: w.bankB, Consent: true}); err != nil {
		t.Errorf("owner refers to a second bank: %v", err)
	}
}

// TestBankSeesOnlyItsReferrals: a bank's mitra reads and lists its own
// referrals with the contact data, never another bank's; pimpinan reads
// without contact data.
func TestBankSeesOnlyItsReferrals(t *testing.T) {
	w := setup(t)
	n := w.need(t, 8_000_000)
	r, err := w.svc.Refer(ctx, w.owner, n.ID, &capital.ReferralInput{PartnerID: w.bankA, Consent: true})
	if err != nil {
		t.Fatal(err)
	}
	got, err := w.svc.Referral(ctx, w.mitraA, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Contact == nil || got.Contact.Phone != "+6281234567890" {
		t.Errorf("bank A sees contact %+v, want the phone", got.Contact)
	}
	if _, err := w.svc.Referral(ctx, w.mitraB, r.ID); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("bank B reads bank A's referral: %v, want not found", err)
	}
	list, total, err := w.svc.List(ctx, w.mitraB, capital.Filter{})
	if err != nil || total != 0 || len(list) != 0 {
		t.Errorf("bank B lists %d (%v), want none", total, err)
	}
	if _, _, err := w.svc.List(ctx, w.mitraB, capital.Filter{PartnerID: w.bankA}); !apperr.Is(err, apperr.Forbidden) {
		t.Errorf("bank B asks for bank A's list: %v, want forbidden", err)
	}
	list, total, err = w.svc.List(ctx, w.mitraA, capital.Filter{Status: capital.StatusReferred})
	if err != nil || total != 1 || list[0].ID != r.ID {
		t.Errorf("bank A lists %d (%v), want its referral", total, err)
	}
	pim, err := w.svc.Referral(ctx, auth.Actor{Username: "pim", Role: auth.Pimpinan}, r.ID)
	if err != nil || pim.Contact != nil {
		t.Errorf("pimpinan reads %+v (%v), want no contact", pim, err)
	}
	if _, err := w.svc.Decide(ctx, w.mitraB, r.ID, &capital.Decision{Status: capital.StatusRejected, Reason: "agunan"}); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("bank B decides on bank A's referral: %v, want not found", err)
	}
}

// TestDecisionTransitions walks referrals through the bank's decisions.
func TestDecisionTransitions(t *testing.T) {
	w := setup(t)
	refer := func(bank int64) *capital.Referral {
		r, err := w.svc.Refer(ctx, w.operator, w.need(t, 40_000_000).ID, &capital.ReferralInput{PartnerID: bank, Consent: true})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	r := refer(w.bankA)
	steps := []struct {
		who  auth.Actor
		d    capital.Decision
		code apperr.Code
	}{
		{w.operator, capital.Decision{Status: capital.StatusApproved, Amount: 30_000_000, TenorMonths: 24, RatePercent: 6}, apperr.Forbidden},
		{w.owner, capital.Decision{Status: capital.StatusApproved, Amount: 30_000_000, TenorMonths: 24, RatePercent: 6}, apperr.Forbidden},
		{w.mitraA, capital.Decision{Status: capital.StatusDisbursed}, apperr.Conflict},
		{w.mitraA, capital.Decision{Status: capital.StatusApproved, Amount: 30_000_000, TenorMonths: 0, RatePercent: 6}, apperr.Invalid},
		{w.mitraA, capital.Decision{Status: capital.StatusApproved, Amount: 30_000_000, TenorMonths: 24, RatePercent: 6}, ""},
		{w.mitraA, capital.Decision{Status: capital.StatusRejected, Reason: "agunan"}, apperr.Conflict},
		{w.mitraA, capital.Decision{Status: capital.StatusDisbursed, Amount: 31_000_000}, apperr.Invalid},
		{w.mitraA, capital.Decision{Status: capital.StatusDisbursed, DisbursedOn: "2026-12-02"}, apperr.Invalid},
		{w.mitraA, capital.Decision{Status: capital.StatusDisbursed}, ""},
		{w.owner, capital.Decision{Status: capital.StatusWithdrawn}, apperr.Conflict},
	}
	for i, st := range steps {
		_, err := w.svc.Decide(ctx, st.who, r.ID, &st.d)
		switch {
		case st.code == "" && err != nil:
			t.Fatalf("step %d: %v", i, err)
		case st.code != "" && !apperr.Is(err, st.code):
			t.Fatalf("step %d: %v, want %s", i, err, st.code)
		}
	}
	got, err := w.svc.Referral(ctx, w.operator, r.ID)
	if err != nil || got.Status != capital.StatusDisbursed || got.DisbursedAmount != 30_000_000 || got.DisbursedOn != "2026-12-01" {
		t.Fatalf("after disbursement: %+v (%v)", got, err)
	}
	rejected := refer(w.bankB)
	if _, err := w.svc.Decide(ctx, w.mitraB, rejected.ID, &capital.Decision{Status: capital.StatusRejected, Reason: "lainnya"}); !apperr.Is(err, apperr.Invalid) {
		t.Errorf("'lainnya' without a note: %v, want invalid", err)
	}
	if _, err := w.svc.Decide(ctx, w.mitraB, rejected.ID, &capital.Decision{Status: capital.StatusRejected, Reason: "riwayat_kredit"}); err != nil {
		t.Errorf("reject: %v", err)
	}
	withdrawn := refer(w.bankB)
	if _, err := w.svc.Decide(ctx, w.owner, withdrawn.ID, &capital.Decision{Status: capital.StatusWithdrawn}); err != nil {
		t.Errorf("owner withdraws: %v", err)
	}

	st, err := w.svc.Stats(ctx, w.operator)
	if err != nil {
		t.Fatal(err)
	}
	tot := st.Total
	if tot.Needs != 3 || tot.Referred != 3 || tot.Decided != 2 || tot.Approved != 1 || tot.Disbursed != 1 ||
		tot.ApprovedAmount != 30_000_000 || tot.DisbursedAmount != 30_000_000 || tot.NeedAmount != 120_000_000 {
		t.Errorf("funnel %+v", tot)
	}
	if len(st.Districts) != 1 || st.Districts[0].Key != "36.04.15" || st.Untrained.Needs != 3 {
		t.Errorf("districts %+v untrained %+v", st.Districts, st.Untrained)
	}
	if _, err := w.svc.Stats(ctx, w.owner); !apperr.Is(err, apperr.Forbidden) {
		t.Errorf("owner reads stats: %v", err)
	}
	if st, err := w.svc.Stats(ctx, w.elsewhere); err != nil || st.Total.Needs != 0 {
		t.Errorf("operator elsewhere: %+v (%v)", st, err)
	}
}
