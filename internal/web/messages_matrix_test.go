package web

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/auth"
	"naikkelas/internal/capital"
	"naikkelas/internal/idfmt"
)

// messagesMatrix holds the rows of the WhatsApp routes: the outbox is the
// officers' (the operator marks messages of its area only), the templates
// the admin's to change, the contact preference the business's writers'.
func messagesMatrix() map[string]matrixCase {
	officersList := want{admin: [2]int{s200, s200}, operator: [2]int{s200, s200}, pimpinan: [2]int{s403, s403}, owner: [2]int{s403, s403}, mitra: refused}
	officeReads := want{admin: [2]int{s200, s200}, operator: [2]int{s200, s200}, pimpinan: [2]int{s200, s200}, owner: [2]int{s403, s403}, mitra: refused}
	today := idfmt.Day(time.Now())
	return map[string]matrixCase{
		"GET /api/v1/outbox": {path: fixed("/api/v1/outbox"), want: officersList},
		"POST /api/v1/outbox/sent": {path: fixed("/api/v1/outbox/sent"), body: func(f *fixture, id int64, _ string) string {
			return `{"business_id":` + itoa64(id) + `,"kind":"referral_decided","subject":"` + decidedToday(f, id) + `","due_on":"` + today + `"}`
		}, want: officers(s201)},
		"GET /api/v1/message-templates": {path: fixed("/api/v1/message-templates"), want: officeReads},
		"PUT /api/v1/message-templates/{kind}": {path: fixed("/api/v1/message-templates/quota_open"), body: func(*fixture, int64, string) string {
			return `{"body":"Halo {pemilik}, kuota {kuota} untuk {usaha}.","version":0}`
		}, want: adminOnlyW(s200)},
		"PUT /api/v1/businesses/{id}/contact-preference": {path: byID("/api/v1/businesses/{id}/contact-preference"), body: func(*fixture, int64, string) string {
			return `{"opted_out":true}`
		}, want: writers(s200)},
		"GET /pesan": {path: fixed("/pesan"), want: officersList},
		"POST /usaha/{id}/kontak": {path: byID("/usaha/{id}/kontak"), body: func(*fixture, int64, string) string {
			return "opted_out=1"
		}, want: writers(s303)},
		"POST /pesan/terkirim": {path: fixed("/pesan/terkirim"), body: func(f *fixture, id int64, _ string) string {
			return url.Values{"business_id": {itoa64(id)}, "kind": {"referral_decided"}, "subject": {decidedToday(f, id)}, "due_on": {today}}.Encode()
		}, want: officers(s303)},
		"GET /admin/pesan": {path: fixed("/admin/pesan"), want: adminOnlyW(s200)},
		"POST /admin/pesan/{kind}": {path: fixed("/admin/pesan/follow_up_visit"), body: func(*fixture, int64, string) string {
			return "version=0&body=" + url.QueryEscape("Halo {pemilik}, kami datang {tanggal}.")
		}, want: adminOnlyW(s303)},
	}
}

// decidedToday has a bank reject a referral of the business today, which
// puts a message in the outbox, and returns that message's subject.
func decidedToday(f *fixture, id int64) string {
	ctx := context.Background()
	bank := newBank(f, "Bank Daerah")
	r := f.referral(id, bank, 9_000_000)
	if _, err := f.srv.Capital.Decide(ctx, auth.Actor{Username: "bank", Role: auth.Mitra, PartnerID: bank}, r.ID,
		&capital.Decision{Status: capital.StatusRejected, Reason: "agunan"}); err != nil {
		f.t.Fatal(err)
	}
	return "referral:" + itoa64(r.ID)
}

// TestOutboxPage: a bank's decision puts a message in the operator's
// outbox with a wa.me link; once marked sent it is gone, and marking it
// again says so; an owner who opted out gets none. On both engines.
func TestOutboxPage(t *testing.T) { engineFixtures(t, outboxPage) }

func outboxPage(t *testing.T, f *fixture) {
	bank := newBank(f, "Bank Daerah")
	mitra := f.addMitra(t, bank)
	r := f.referral(f.In.ID, bank, 9_000_000)
	f.call(t, "POST", "/api/v1/referrals/"+itoa64(r.ID)+"/decision", mitra, `{"status":"approved","amount":9000000,"tenor_months":12,"rate_percent":6}`, s200)
	page := f.do(request{Method: "GET", Path: "/pesan", Role: "operator"}).Body.String()
	if !strings.Contains(page, "https://wa.me/6281234567890?text=") || !strings.Contains(page, "Bank Daerah telah menyetujui") ||
		!strings.Contains(page, "Rp9.000.000") {
		t.Fatalf("outbox page lacks the message:\n%.2000s", page)
	}
	sent := url.Values{"business_id": {itoa64(f.In.ID)}, "kind": {"referral_decided"}, "subject": {"referral:" + itoa64(r.ID)},
		"due_on": {idfmt.Day(time.Now())}}.Encode()
	w := f.do(request{Method: "POST", Path: "/pesan/terkirim", Role: "operator", Body: sent})
	if loc := w.Header().Get("Location"); w.Code != s303 || !strings.Contains(loc, "pesan=") {
		t.Fatalf("mark sent: %d %s", w.Code, loc)
	}
	if page := f.do(request{Method: "GET", Path: "/pesan", Role: "operator"}).Body.String(); strings.Contains(page, "wa.me/6281234567890") {
		t.Error("the sent message is offered again")
	}
	w = f.do(request{Method: "POST", Path: "/pesan/terkirim", Role: "operator", Body: sent})
	if loc := w.Header().Get("Location"); !strings.Contains(loc, "galat=") || !strings.Contains(loc, url.QueryEscape("sudah ditandai terkirim")) {
		t.Errorf("marked twice: %d %s", w.Code, loc)
	}
	// The owner of the other business opts out before its bank decides.
	f.call(t, "PUT", "/api/v1/businesses/"+itoa64(f.Out.ID)+"/contact-preference", "admin", `{"opted_out":true}`, s200)
	r2 := f.referral(f.Out.ID, bank, 9_000_000)
	f.call(t, "POST", "/api/v1/referrals/"+itoa64(r2.ID)+"/decision", mitra, `{"status":"rejected","reason":"agunan"}`, s200)
	if box := f.call(t, "GET", "/api/v1/outbox", "admin", "", s200); len(box["items"].([]any)) != 0 {
		t.Errorf("admin's outbox holds %v, want nothing (one sent, one opted out)", box["items"])
	}
}
