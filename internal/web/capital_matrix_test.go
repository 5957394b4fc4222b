package web

import (
	"context"
	"strings"

	"naikkelas/internal/auth"
	"naikkelas/internal/capital"
	"naikkelas/internal/programs"
)

// capitalMatrix holds the rows of the capital routes. Needs and referrals
// reach a business the way its own routes do; a referral also reaches the
// bank it is addressed to: for the mitra (of bank "a"), in is a referral
// of the in-area business to its bank, out one of the other business to
// another bank, which it must not see.
// referral records, as the office, a need of amount for the business and
// refers it to the bank with the owner's consent.
func (f *fixture) referral(business, bank, amount int64) *capital.Referral {
	ctx := context.Background()
	n, err := f.srv.Capital.CreateNeed(ctx, auth.System, business, &capital.Need{Amount: amount, Purpose: capital.PurposeWorking})
	if err != nil {
		f.t.Fatal(err)
	}
	r, err := f.srv.Capital.Refer(ctx, auth.System, n.ID, &capital.ReferralInput{PartnerID: bank, Consent: true})
	if err != nil {
		f.t.Fatal(err)
	}
	return r
}

func capitalMatrix() map[string]matrixCase {
	ctx := context.Background()
	// need records a need of the business, as the office.
	need := func(f *fixture, id int64) *capital.Need {
		n, err := f.srv.Capital.CreateNeed(ctx, auth.System, id, &capital.Need{Amount: 25_000_000, Purpose: capital.PurposeWorking})
		if err != nil {
			f.t.Fatal(err)
		}
		return n
	}
	// referral refers a new need of the business to a bank. The matrix's
	// mitra speaks for a retailer: it sees no referral, in or out of area
	// (a bank's mitra is TestBankMitraSeesOnlyItsReferrals's business).
	referral := func(f *fixture, id int64, _ string) *capital.Referral {
		return f.referral(id, newBank(f, "Bank Lain"), 25_000_000)
	}
	referralPath := func(format string) func(*fixture, int64, string) string {
		return func(f *fixture, id int64, v string) string {
			return strings.ReplaceAll(format, "{id}", itoa64(referral(f, id, v).ID))
		}
	}
	needPath := func(format string) func(*fixture, int64, string) string {
		return func(f *fixture, id int64, _ string) string {
			return strings.ReplaceAll(format, "{id}", itoa64(need(f, id).ID))
		}
	}
	// reachReferral: the business's readers, and the bank it is addressed to.
	reachReferral := withMitra(readOne, s404, s404)
	// withdraw: officers of the area, the owner and the bank; pimpinan reads only.
	withdraw := func(ok int) want { return withMitra(writers(ok), s404, s404) }
	// afterReferral makes a referral, then asks for a list of them.
	afterReferral := func(path string) func(*fixture, int64, string) string {
		return func(f *fixture, id int64, v string) string {
			referral(f, id, v)
			return path
		}
	}
	office := want{admin: [2]int{s200, s200}, operator: [2]int{s200, s200}, pimpinan: [2]int{s200, s200}, owner: [2]int{s403, s403}, mitra: refused}
	return map[string]matrixCase{
		"GET /api/v1/businesses/{id}/capital-needs": {path: byID("/api/v1/businesses/{id}/capital-needs"), want: readOne},
		"POST /api/v1/businesses/{id}/capital-needs": {path: byID("/api/v1/businesses/{id}/capital-needs"), body: func(*fixture, int64, string) string {
			return `{"amount":25000000,"purpose":"modal_kerja","collateral":""}`
		}, want: writers(s201)},
		"POST /api/v1/capital-needs/{id}/referrals": {path: needPath("/api/v1/capital-needs/{id}/referrals"), body: func(f *fixture, _ int64, _ string) string {
			return `{"partner_id":` + itoa64(newBank(f, "Bank Daerah")) + `,"consent":true}`
		}, want: writers(s201)},
		"GET /api/v1/referrals":                 {path: afterReferral("/api/v1/referrals?status=referred"), want: everyone(s200)},
		"GET /api/v1/referrals/{id}":            {path: referralPath("/api/v1/referrals/{id}"), want: reachReferral},
		"GET /api/v1/referrals/{id}/letter.pdf": {path: referralPath("/api/v1/referrals/{id}/letter.pdf"), want: reachReferral},
		"POST /api/v1/referrals/{id}/decision": {path: referralPath("/api/v1/referrals/{id}/decision"), body: func(*fixture, int64, string) string {
			return `{"status":"withdrawn"}`
		}, want: withdraw(s200)},
		"GET /api/v1/stats/capital": {path: fixed("/api/v1/stats/capital"), want: office},
		"GET /modal":                {path: afterReferral("/modal"), want: all(s200)},
		"GET /usaha/{id}/modal":     {path: byID("/usaha/{id}/modal"), want: readOne},
		"POST /usaha/{id}/modal": {path: byID("/usaha/{id}/modal"), body: func(*fixture, int64, string) string {
			return "amount=25.000.000&purpose=modal_kerja&collateral=&note="
		}, want: writers(s303)},
		"POST /modal/kebutuhan/{id}/rujukan": {path: needPath("/modal/kebutuhan/{id}/rujukan"), body: func(f *fixture, id int64, _ string) string {
			return "partner_id=" + itoa64(newBank(f, "Bank Daerah")) + "&consent=1&business_id=" + itoa64(id)
		}, want: writers(s303)},
		"POST /rujukan/{id}/keputusan": {path: referralPath("/rujukan/{id}/keputusan"), body: func(*fixture, int64, string) string {
			return "status=withdrawn"
		}, want: withdraw(s303)},
		"GET /portal/rujukan": {path: afterReferral("/portal/rujukan"), want: mitraOnly(s200, s200)},
	}
}

// newBank records a bank partner and returns its id.
func newBank(f *fixture, name string) int64 {
	pt := &programs.Partner{Name: name, Kind: "bank"}
	if _, err := f.srv.Programs.SavePartner(context.Background(), auth.System, pt); err != nil {
		f.t.Fatal(err)
	}
	return pt.ID
}

// referralPages show a bank's mitra the businesses referred to it, with
// the owner's phone: the owner consented to that referral. Never the NIK.
var referralPages = map[string]bool{"GET /api/v1/referrals": true, "GET /api/v1/referrals/{id}": true,
	"POST /api/v1/referrals/{id}/decision": true, "GET /portal/rujukan": true}
