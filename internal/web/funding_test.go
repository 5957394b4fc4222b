package web

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"naikkelas/internal/auth"
	"naikkelas/internal/funding"
	"naikkelas/internal/programs"
)

// ledgerFixture is a partner with one money commitment of Rp10.000.000 of
// which Rp6.000.000 were realised, built once per fixture.
type ledgerFixture struct{ partner, commitment int64 }

var ledgers builtOnce[*fixture, ledgerFixture]

func (f *fixture) ledger() ledgerFixture {
	return ledgers.get(f, func() ledgerFixture {
		pt, err := f.srv.Programs.SavePartner(context.Background(), auth.System, &programs.Partner{Name: "Bank BJB", Kind: "bank"})
		if err != nil {
			f.t.Fatal(err)
		}
		c := f.realisedCommitment(pt.ID, &funding.Commitment{Kind: funding.KindMoney, Amount: 10_000_000, Year: 2026,
			Reference: "PKS/001/2026"}, 6_000_000, "2026-01-10")
		return ledgerFixture{partner: pt.ID, commitment: c}
	})
}

// realisedCommitment commits c for the partner and realises amount of it
// on date, and returns the commitment's ID.
func (f *fixture) realisedCommitment(partner int64, c *funding.Commitment, amount int64, date string) int64 {
	ctx := context.Background()
	c, err := f.srv.Funding.Commit(ctx, auth.System, partner, c)
	if err != nil {
		f.t.Fatal(err)
	}
	if _, err := f.srv.Funding.Realise(ctx, auth.System, c.ID, &funding.Realisation{Amount: amount, Date: date}); err != nil {
		f.t.Fatal(err)
	}
	return c.ID
}

func ledgerPath(format string) func(*fixture, int64, string) string {
	return func(f *fixture, _ int64, _ string) string {
		l := f.ledger()
		return strings.NewReplacer("{partner}", itoa64(l.partner), "{c}", itoa64(l.commitment)).Replace(format)
	}
}

func ledgerBody(format string) func(*fixture, int64, string) string { return ledgerPath(format) }

func fundingMatrix() map[string]matrixCase {
	return map[string]matrixCase{
		"GET /api/v1/partners/{id}/commitments": {path: ledgerPath("/api/v1/partners/{partner}/commitments"), want: officeStaff(s200)},
		"POST /api/v1/partners/{id}/commitments": {path: ledgerPath("/api/v1/partners/{partner}/commitments"),
			body: body(`{"kind":"in_kind","amount":2500000,"year":2026,"reference":"MoU/7/2026","description":"Pelatih pemasaran digital"}`),
			want: adminOnlyW(s201)},
		"GET /api/v1/commitments/{id}": {path: ledgerPath("/api/v1/commitments/{c}"), want: officeStaff(s200)},
		"POST /api/v1/commitments/{id}/realisations": {path: ledgerPath("/api/v1/commitments/{c}/realisations"),
			body: body(`{"amount":1000000,"date":"2026-02-01"}`), want: adminOnlyW(s201)},
		"POST /api/v1/programs/{id}/allocations": {path: inStage("draft", "/api/v1/programs/{p}/allocations"),
			body: ledgerBody(`{"commitment_id":{c},"amount":2000000}`), want: adminOnlyW(s201)},
		"GET /api/v1/programs/{id}/cost": {path: inStage("finished", "/api/v1/programs/{p}/cost"), want: officeStaff(s200)},
		"GET /api/v1/stats/funding":      {path: fixed("/api/v1/stats/funding?year=2026"), want: officeStaff(s200)},
		"GET /dana":                      {path: fixed("/dana"), want: officeStaff(s200)},
		"GET /dana/komitmen/{id}":        {path: ledgerPath("/dana/komitmen/{c}"), want: officeStaff(s200)},
		"POST /dana/komitmen": {path: fixed("/dana/komitmen"),
			body: ledgerBody("partner_id={partner}&kind=money&amount=1.500.000&year=2026"), want: adminOnlyW(s303)},
		"POST /dana/komitmen/{id}/realisasi": {path: ledgerPath("/dana/komitmen/{c}/realisasi"), body: body("amount=1.000.000&date=2026-02-01"),
			want: adminOnlyW(s303)},
		"POST /dana/komitmen/{id}/alokasi": {path: ledgerPath("/dana/komitmen/{c}/alokasi"),
			body: func(f *fixture, _ int64, _ string) string {
				return "program_id=" + itoa64(f.stage("draft")) + "&amount=1000000"
			},
			want: adminOnlyW(s303)},
	}
}

// TestFundingLedgerAPI walks the ledger through the API as the admin: an
// allocation beyond what was realised and not yet allocated is a 422 in
// Indonesian naming the amount still available, and nothing is saved.
func TestFundingLedgerAPI(t *testing.T) {
	f := newFixture(t)
	l := f.ledger()
	pid := f.stage("draft")
	alloc := func(amount string) (int, map[string]any) {
		w := f.do(request{Method: "POST", Path: "/api/v1/programs/" + itoa64(pid) + "/allocations", Role: "admin",
			Body: `{"commitment_id":` + itoa64(l.commitment) + `,"amount":` + amount + `}`})
		var out map[string]any
		_ = json.Unmarshal(w.Body.Bytes(), &out)
		return w.Code, out
	}
	if code, out := alloc("4000000"); code != s201 {
		t.Fatalf("allocation of 4 million: %d %v", code, out)
	}
	code, out := alloc("2000001")
	fields, _ := out["fields"].(map[string]any)
	if code != s422 || !strings.Contains(fields["amount"].(string), "Rp2.000.000") {
		t.Fatalf("over-allocation: %d %v", code, out)
	}
	w := f.do(request{Method: "GET", Path: "/api/v1/commitments/" + itoa64(l.commitment), Role: "pimpinan"})
	var d funding.CommitmentDetail
	if err := json.Unmarshal(w.Body.Bytes(), &d); err != nil || d.Allocated != 4_000_000 || d.Realised != 6_000_000 || len(d.Allocations) != 1 {
		t.Fatalf("commitment after refusal: %s", w.Body)
	}
	w = f.do(request{Method: "GET", Path: "/api/v1/stats/funding?year=2026", Role: "pimpinan"})
	var st funding.Stats
	if err := json.Unmarshal(w.Body.Bytes(), &st); err != nil || len(st.Partners) != 1 {
		t.Fatalf("stats: %s", w.Body)
	}
	if p := st.Partners[0]; p.Committed != 10_000_000 || p.Realised != 6_000_000 || p.Allocated != 4_000_000 || p.Unspent != 2_000_000 {
		t.Errorf("partner row %+v", p)
	}
	w = f.do(request{Method: "GET", Path: "/api/v1/programs/" + itoa64(pid) + "/cost", Role: "operator"})
	var pc funding.ProgramCost
	if err := json.Unmarshal(w.Body.Bytes(), &pc); err != nil || pc.Cost != 4_000_000 || pc.Money != 4_000_000 {
		t.Errorf("programme cost: %s", w.Body)
	}
	w = f.do(request{Method: "GET", Path: "/api/v1/stats/funding?year=abc", Role: "admin"})
	if w.Code != s422 {
		t.Errorf("year=abc: %d", w.Code)
	}
	w = f.do(request{Method: "GET", Path: "/dana", Role: "pimpinan"})
	if body := w.Body.String(); w.Code != s200 || !strings.Contains(body, "Bank BJB") || !strings.Contains(body, "Rp10.000.000") {
		t.Errorf("ledger page: %d %.300s", w.Code, body)
	}
}
