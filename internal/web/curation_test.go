package web

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/auth"
	"naikkelas/internal/market"
)

// TestCurationFlow: an officer opens a round and enters a product, whose
// pre-check names every unmet requirement; the retailer's mitra decides
// it; another retailer's mitra neither sees nor decides it; bad decisions
// are refused with a message.
func TestCurationFlow(t *testing.T) {
	f := newFixture(t)
	w := f.do(request{Method: "POST", Path: "/api/v1/curations", Role: "operator",
		Body: `{"partner_id":` + itoa64(f.partner["a"]) + `,"held_on":"2026-03-12","place":"Aula Dinas","capacity":2}`})
	if w.Code != s201 {
		t.Fatalf("open round: %d %s", w.Code, w.Body)
	}
	var c market.Curation
	_ = json.Unmarshal(w.Body.Bytes(), &c)
	pid := firstProduct("{p}")(f, f.In.ID, "")
	w = f.do(request{Method: "POST", Path: "/api/v1/curations/" + itoa64(c.ID) + "/entries", Role: "operator",
		Body: `{"product_id":` + pid + `}`})
	var e market.CurationEntry
	_ = json.Unmarshal(w.Body.Bytes(), &e)
	want := []string{"belum ada sertifikat halal", "umur simpan belum diisi (minimal 90 hari)"}
	if w.Code != s201 || strings.Join(e.Unmet, "|") != strings.Join(want, "|") {
		t.Fatalf("enter: %d %s; want unmet %q", w.Code, w.Body, want)
	}
	if w := f.do(request{Method: "POST", Path: "/api/v1/curations/" + itoa64(c.ID) + "/entries", Role: "admin",
		Body: `{"product_id":` + pid + `}`}); w.Code != 409 {
		t.Errorf("the same product twice: %d", w.Code)
	}
	if w := f.do(request{Method: "POST", Path: "/api/v1/curations", Role: "admin",
		Body: `{"partner_id":999999,"held_on":"2026-03-12","place":"Aula","capacity":2}`}); w.Code != s422 || !strings.Contains(w.Body.String(), "ritel") {
		t.Errorf("a round for no retailer: %d %s", w.Code, w.Body)
	}
	decide := "/api/v1/curations/" + itoa64(c.ID) + "/entries/" + itoa64(e.ID) + "/decision"
	for body, field := range map[string]string{`{"decision":"perbaikan"}`: "fixes", `{"decision":"diterima"}`: "decision"} {
		if w := f.do(request{Method: "POST", Path: decide, Role: "mitra", Body: body}); w.Code != s422 || !strings.Contains(w.Body.String(), field) {
			t.Errorf("decision %s: %d %s", body, w.Code, w.Body)
		}
	}
	w = f.do(request{Method: "POST", Path: decide, Role: "mitra", Body: `{"decision":"perbaikan","fixes":["Urus sertifikat halal"," "]}`})
	if w.Code != s200 || !strings.Contains(w.Body.String(), `"fixes":["Urus sertifikat halal"]`) ||
		!strings.Contains(w.Body.String(), `"decided_by":"`+f.users["mitra"].Username+`"`) {
		t.Fatalf("mitra decides: %d %s", w.Code, w.Body)
	}
	board := f.do(request{Method: "GET", Path: "/api/v1/curations/" + itoa64(c.ID), Role: "mitra"}).Body.String()
	if !strings.Contains(board, `"business_name":"Keripik Emping Bu Siti"`) || !strings.Contains(board, `"decision":"perbaikan"`) {
		t.Errorf("the mitra's round: %s", board)
	}
	for _, secret := range []string{"3604154506900003", "6281234567890", "Siti Aminah", "village", "address", "phone", "nik"} {
		if strings.Contains(board, secret) {
			t.Errorf("the mitra's round holds %q", secret)
		}
	}

	// Another retailer's mitra: the round does not exist for it.
	other := f.addMitra(t, f.partner["b"])
	for _, rq := range []request{{Method: "GET", Path: "/api/v1/curations/" + itoa64(c.ID)},
		{Method: "POST", Path: decide, Body: `{"decision":"lolos"}`}} {
		rq.Role = other
		if w := f.do(rq); w.Code != s404 {
			t.Errorf("%s %s as another retailer's mitra: %d", rq.Method, rq.Path, w.Code)
		}
	}
	if list := f.do(request{Method: "GET", Path: "/api/v1/curations", Role: other}).Body.String(); strings.Contains(list, `"id":`+itoa64(c.ID)+`,`) {
		t.Errorf("another retailer's mitra lists the round: %s", list)
	}
}

// addMitra adds a mitra account of a partner with an API token and a
// session, and returns the key to make requests as it.
func (f *fixture) addMitra(t *testing.T, partnerID int64) string {
	t.Helper()
	key := "mitra-" + itoa64(partnerID)
	u := &auth.User{Username: "mitra.p" + itoa64(partnerID), Role: auth.Mitra, PartnerID: partnerID, PasswordHash: testHash(t)}
	ctx := context.Background()
	if err := f.st.CreateUser(ctx, u, nil); err != nil {
		t.Fatal(err)
	}
	plain, hash := auth.NewSecret()
	if err := f.st.CreateToken(ctx, &auth.Token{UserID: u.ID, Hash: hash}, nil); err != nil {
		t.Fatal(err)
	}
	f.tokens[key] = plain
	plain, hash = auth.NewSecret()
	if err := f.st.CreateSession(ctx, hash, u.ID, time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	f.cookies[key] = plain
	return key
}
