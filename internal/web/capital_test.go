package web

import (
	"strings"
	"testing"

	"naikkelas/internal/pdftext"
)

// TestCapitalReferralFlow follows a need through the API: the owner records
// it, a referral without consent is refused, the bank reads the letter,
// whose code the public page verifies, approves and pays out, and the
// funnel counts it. On both engines.
func TestCapitalReferralFlow(t *testing.T) { engineFixtures(t, capitalReferralFlow) }

func capitalReferralFlow(t *testing.T, f *fixture) {
	n := f.call(t, "POST", "/api/v1/businesses/"+itoa64(f.In.ID)+"/capital-needs", "owner",
		`{"amount":50000000,"purpose":"investasi","collateral":""}`, s201)
	if n["scheme"] != "kur_mikro" {
		t.Fatalf("scheme %v, want kur_mikro", n["scheme"])
	}
	refer := "/api/v1/capital-needs/" + itoa64(int64(n["id"].(float64))) + "/referrals"
	bankID := newBank(f, "Bank Daerah")
	bank, mitra := itoa64(bankID), f.addMitra(t, bankID)
	e := f.call(t, "POST", refer, "owner", `{"partner_id":`+bank+`,"consent":false}`, s422)
	if fields, _ := e["fields"].(map[string]any); fields["consent"] == nil {
		t.Errorf("no consent: %v, want a message on consent", e)
	}
	f.call(t, "POST", refer, "owner", `{"partner_id":`+itoa64(f.partner["b"])+`,"consent":true}`, s422) // a retailer
	ref := f.call(t, "POST", refer, "owner", `{"partner_id":`+bank+`,"consent":true}`, s201)
	id, code := itoa64(int64(ref["id"].(float64))), ref["code"].(string)
	if reqs, _ := ref["requirements"].([]any); len(reqs) < 5 {
		t.Errorf("requirements %v", ref["requirements"])
	}

	w := f.do(request{Method: "GET", Path: "/api/v1/referrals/" + id + "/letter.pdf", Role: mitra})
	if w.Code != s200 || w.Header().Get("Content-Type") != "application/pdf" {
		t.Fatalf("letter: %d %.200s", w.Code, w.Body.String())
	}
	text := pdftext.Text(w.Body.Bytes())
	for _, want := range []string{"SURAT REKOMENDASI", "Bank Daerah", "Keripik Emping Bu Siti", "KUR Mikro", "Rp50.000.000", code} {
		if !strings.Contains(text, want) {
			t.Errorf("letter lacks %q:\n%s", want, text)
		}
	}
	page := f.do(request{Method: "GET", Path: "/verifikasi?kode=" + strings.ToLower(strings.ReplaceAll(code, "-", "+")), Role: "anon"})
	if body := page.Body.String(); page.Code != s200 || !strings.Contains(body, "Surat rekomendasi asli") ||
		!strings.Contains(body, "Bank Daerah") || strings.Contains(body, "+6281234567890") {
		t.Errorf("verification: %d %.300s", page.Code, body)
	}
	if page := f.do(request{Method: "GET", Path: "/verifikasi/NK-2222-3333-4444", Role: "anon"}); page.Code != s404 {
		t.Errorf("unknown code: %d", page.Code)
	}

	decide := "/api/v1/referrals/" + id + "/decision"
	f.call(t, "POST", decide, "operator", `{"status":"approved","amount":40000000,"tenor_months":24,"rate_percent":6}`, s403)
	f.call(t, "POST", decide, mitra, `{"status":"rejected","reason":"bukan-alasan"}`, s422)
	f.call(t, "POST", decide, mitra, `{"status":"approved","amount":40000000,"tenor_months":24,"rate_percent":6}`, s200)
	f.call(t, "POST", decide, mitra, `{"status":"approved","amount":40000000,"tenor_months":24,"rate_percent":6}`, 409)
	got := f.call(t, "POST", decide, mitra, `{"status":"disbursed"}`, s200)
	if got["status"] != "disbursed" || got["disbursed_amount"].(float64) != 40_000_000 {
		t.Errorf("after disbursement %v", got)
	}
	st := f.call(t, "GET", "/api/v1/stats/capital", "admin", "", s200)
	total := st["total"].(map[string]any)
	if total["needs"].(float64) != 1 || total["disbursed"].(float64) != 1 || total["approved_amount"].(float64) != 40_000_000 {
		t.Errorf("funnel %v", total)
	}
	list := f.call(t, "GET", "/api/v1/referrals?partner_id="+itoa64(f.partner["b"]), mitra, "", s403)
	if list["error"] == nil {
		t.Errorf("mitra asking for another partner's referrals: %v", list)
	}
}

// TestBankMitraSeesOnlyItsReferrals: two banks, one referral each; each
// bank's mitra reads, lists and decides its own, and gets 404 on the other's.
func TestBankMitraSeesOnlyItsReferrals(t *testing.T) {
	f := newFixture(t)
	bankA, bankB := newBank(f, "Bank Daerah"), newBank(f, "Bank Lain")
	mitraA, mitraB := f.addMitra(t, bankA), f.addMitra(t, bankB)
	refer := func(business int64, bank int64) string {
		n := f.call(t, "POST", "/api/v1/businesses/"+itoa64(business)+"/capital-needs", "admin", `{"amount":8000000,"purpose":"modal_kerja"}`, s201)
		r := f.call(t, "POST", "/api/v1/capital-needs/"+itoa64(int64(n["id"].(float64)))+"/referrals", "admin",
			`{"partner_id":`+itoa64(bank)+`,"consent":true}`, s201)
		return itoa64(int64(r["id"].(float64)))
	}
	toA, toB := refer(f.In.ID, bankA), refer(f.Out.ID, bankB)
	for _, c := range []struct {
		role, mine, theirs, mineName, theirName string
	}{{mitraA, toA, toB, "Keripik Emping Bu Siti", "Sate Bandeng Kramat"}, {mitraB, toB, toA, "Sate Bandeng Kramat", "Keripik Emping Bu Siti"}} {
		got := f.call(t, "GET", "/api/v1/referrals/"+c.mine, c.role, "", s200)
		if contact, _ := got["contact"].(map[string]any); contact["phone"] != "+6281234567890" {
			t.Errorf("%s: own referral without the owner's phone: %v", c.role, got["contact"])
		}
		f.call(t, "GET", "/api/v1/referrals/"+c.theirs, c.role, "", s404)
		f.call(t, "GET", "/api/v1/referrals/"+c.theirs+"/letter.pdf", c.role, "", s404)
		f.call(t, "POST", "/api/v1/referrals/"+c.theirs+"/decision", c.role, `{"status":"rejected","reason":"agunan"}`, s404)
		list := f.do(request{Method: "GET", Path: "/api/v1/referrals", Role: c.role}).Body.String()
		page := f.do(request{Method: "GET", Path: "/portal/rujukan", Role: c.role}).Body.String()
		for _, body := range []string{list, page} {
			if !strings.Contains(body, c.mineName) || strings.Contains(body, c.theirName) || strings.Contains(body, "3604154506900003") {
				t.Errorf("%s lists %.300s", c.role, body)
			}
		}
		f.call(t, "POST", "/api/v1/referrals/"+c.mine+"/decision", c.role, `{"status":"rejected","reason":"agunan"}`, s200)
	}
}
