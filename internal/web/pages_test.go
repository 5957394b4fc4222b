package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

func TestLoginLogoutFlow(t *testing.T) {
	f := newFixture(t)
	form := url.Values{"username": {"operator.cikande"}, "password": {testPassword}, "next": {"/usaha?q=emping"}}.Encode()
	w := f.do(request{Method: "POST", Path: "/masuk", Body: form})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/usaha?q=emping" {
		t.Fatalf("login: %d to %q", w.Code, w.Header().Get("Location"))
	}
	var sess *http.Cookie
	for _, c := range w.Result().Cookies() {
		if c.Name == sessionCookie {
			sess = c
		}
	}
	if sess == nil || !sess.HttpOnly || sess.SameSite != http.SameSiteLaxMode || sess.Value == "" {
		t.Fatalf("session cookie wrong: %+v", sess)
	}
	page := func() *httptest.ResponseRecorder {
		r := httptest.NewRequest("GET", "/", nil)
		r.AddCookie(sess)
		rec := httptest.NewRecorder()
		f.srv.ServeHTTP(rec, r)
		return rec
	}
	if rec := page(); rec.Code != 200 || !strings.Contains(rec.Body.String(), "Operator kecamatan") {
		t.Fatalf("home after login: %d, role label missing", rec.Code)
	}
	r := httptest.NewRequest("POST", "/keluar", nil)
	r.AddCookie(sess)
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, r)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("logout: %d", rec.Code)
	}
	if rec := page(); rec.Code != http.StatusSeeOther {
		t.Fatalf("session still valid after logout: %d", rec.Code)
	}
	// An open redirect through next is refused.
	form = url.Values{"username": {"admin"}, "password": {testPassword}, "next": {"//evil.example/"}}.Encode()
	if w := f.do(request{Method: "POST", Path: "/masuk", Body: form}); w.Header().Get("Location") != "/" {
		t.Errorf("next=//evil.example redirected to %q", w.Header().Get("Location"))
	}
	// The owner lands on its own business.
	form = url.Values{"username": {"pemilik"}, "password": {testPassword}}.Encode()
	if w := f.do(request{Method: "POST", Path: "/masuk", Body: form}); w.Header().Get("Location") != "/usaha/"+itoa64(f.In.ID) {
		t.Errorf("owner landed on %q", w.Header().Get("Location"))
	}
}

func TestCrossOriginPostRefused(t *testing.T) {
	f := newFixture(t)
	body := businessFormBody("Usaha CSRF", cikandeVillage, 0)
	for _, h := range []map[string]string{
		{"Sec-Fetch-Site": "cross-site"},
		{"Origin": "https://evil.example"},
	} {
		if w := f.do(request{Method: "POST", Path: "/usaha", Role: "admin", Body: body, Header: h}); w.Code != http.StatusForbidden {
			t.Errorf("cross-origin POST with %v: %d, want 403", h, w.Code)
		}
	}
	if w := f.do(request{Method: "POST", Path: "/usaha", Role: "admin", Body: body, Header: map[string]string{"Sec-Fetch-Site": "same-origin"}}); w.Code != http.StatusSeeOther {
		t.Errorf("same-origin POST: %d, want 303", w.Code)
	}
}

func TestPages(t *testing.T) {
	f := newFixture(t)
	get := func(role, p string) request { return request{Method: "GET", Path: p, Role: role} }
	in := "/usaha/" + itoa64(f.In.ID)
	bad := url.Values{"name": {"Warung Kopi Abah"}, "owner_name": {"Abah Ujang"}, "nik": {"3.60405E+15"},
		"village_code": {cikandeVillage}, "annual_revenue": {"sejuta"}, "halal_status": {"none"},
		"products.0.name": {""}, "products.0.price": {"15rb"}, "products.1.name": {"Kopi tubruk"}, "products.1.price": {"5.000"}}
	runScenarios(t, f, []scenario{
		{name: "home lists every kecamatan", rq: get("admin", "/"), status: 200, contains: []string{"Cikande", "Kramatwatu", "Lebak", `href="/usaha?district=36.04.15"`, "UMKM aktif"}},
		{name: "home for the operator", rq: get("operator", "/"), status: 200, contains: []string{"Cikande"}, absent: []string{"Kramatwatu"}},
		{name: "list", rq: get("operator", "/usaha?q=emping"), status: 200, contains: []string{"Keripik Emping", `id="hasil"`, "Rp150.000.000", "<html"}},
		{name: "list htmx fragment", rq: request{Method: "GET", Path: "/usaha?q=emping", Role: "operator", Header: map[string]string{"HX-Request": "true", "HX-Target": "hasil"}}, status: 200, contains: []string{`<section id="hasil"`, "Keripik Emping"}, absent: []string{"<html"}},
		{name: "sort links keep the filter", rq: get("admin", "/usaha?district=36.04.15&sort=name"), status: 200, contains: []string{`aria-sort="ascending"`, "district=36.04.15"}},
		{name: "a search defaults to newest first", rq: get("operator", "/usaha?q=emping"), status: 200, contains: []string{`id="urutan"`, "Urutan: terbaru didaftarkan dulu"}, absent: []string{`aria-sort="ascending"`}},
		{name: "a search keeps a chosen sort", rq: get("operator", "/usaha?q=emping&sort=name"), status: 200, contains: []string{`aria-sort="ascending"`}, absent: []string{`id="urutan"`}},
		{name: "no search defaults to name", rq: get("operator", "/usaha"), status: 200, contains: []string{`aria-sort="ascending"`}, absent: []string{`id="urutan"`}},
		{name: "desa follow the kecamatan", rq: get("operator", "/wilayah/desa?district=36.04.15&selected="+cikandeVillage), status: 200, contains: []string{"Leuwi Limus", `value="36.04.15.2001" selected`}},
		{name: "no desa outside the operator's area", rq: get("operator", "/wilayah/desa?district=36.04.05"), status: 200, absent: []string{"36.04.05.2001"}},
		{name: "detail for an officer", rq: get("operator", in), status: 200, contains: []string{"3604154506900003", "https://wa.me/6281234567890", "Riwayat ukuran", "Emping melinjo", "Rp25.000", "5 Juni 1990"}},
		{name: "detail for pimpinan is masked", rq: get("pimpinan", in), status: 200, contains: []string{"3604**********03"}, absent: []string{"wa.me", "Tambah ukuran", "/ubah"}},
		{name: "owner has no WhatsApp link", rq: get("owner", in), status: 200, absent: []string{"wa.me", "/arsip"}},
		{name: "out of area is a 404 page", rq: get("operator", "/usaha/"+itoa64(f.Out.ID)), status: 404, contains: []string{"<html", "tidak ditemukan"}},
		{name: "create keeps input and shows field errors", rq: request{Method: "POST", Path: "/usaha", Role: "operator", Body: bad.Encode()}, status: 422,
			contains: []string{`value="Warung Kopi Abah"`, `value="3.60405E&#43;15"`, "notasi ilmiah", `value="sejuta"`, "Harus angka rupiah", "Harga harus angka rupiah", `value="Kopi tubruk"`, `aria-invalid="true"`}},
		{name: "edit form", rq: get("operator", in+"/ubah"), status: 200, contains: []string{`value="Keripik Emping Bu Siti"`, `value="150.000.000"`, `name="version" value="1"`}},
		{name: "stale edit keeps input", rq: request{Method: "POST", Path: in, Role: "operator", Body: businessFormBody("Nama Saya", cikandeVillage, 9)}, status: 409, contains: []string{"sudah diubah orang lain", `value="Nama Saya"`}},
		{name: "archive asks first", rq: get("operator", in+"/arsip"), status: 200, contains: []string{"Arsipkan usaha?", `action="/usaha/` + itoa64(f.In.ID) + `/arsip"`}},
		{name: "blank capital is not known, and the save is confirmed", rq: request{Method: "POST", Path: in + "/ukuran", Role: "operator", Body: "year=2025&annual_revenue=&monthly_revenue=10.000.000&capital=&source=officer_verified"}, status: 303, location: in + "?pesan=tersimpan#riwayat"},
		{name: "the page says Tersimpan and shows — for the blank", rq: get("operator", in+"?pesan=tersimpan"), status: 200, contains: []string{`id="tersimpan"`, "Tersimpan", `data-label="Modal">—</td>`, "Omzet per bulan Rp10.000.000 × 12", "Rp120.000.000"}},
		{name: "without a save no confirmation", rq: get("operator", in), status: 200, absent: []string{`id="tersimpan"`}},
		{name: "measurement form error", rq: request{Method: "POST", Path: in + "/ukuran", Role: "operator", Body: "year=20x5&annual_revenue=1000&source=officer_verified"}, status: 422, contains: []string{"Tahun harus angka", `value="20x5"`}},
		{name: "users page", rq: get("admin", "/admin/pengguna"), status: 200, contains: []string{"operator.cikande", "Cikande", "Tambah pengguna"}},
		{name: "new user with errors", rq: request{Method: "POST", Path: "/admin/pengguna", Role: "admin", Body: "username=A&password=1&role=operator&regions=99.99"}, status: 422, contains: []string{"minimal 10", "99.99", `value="A"`}},
		{name: "duplicate username", rq: request{Method: "POST", Path: "/admin/pengguna", Role: "admin", Body: "username=pimpinan&password=panjang-sekali&role=pimpinan"}, status: 422, contains: []string{"sudah dipakai"}},
		{name: "audit page", rq: get("admin", "/admin/audit"), status: 200, contains: []string{"Jejak audit", ">Usaha</a>"}},
		{name: "unknown page", rq: get("admin", "/tidak-ada"), status: 404, contains: []string{"Halaman tidak ditemukan"}},
		{name: "static with long cache", rq: get("anon", f.srv.static.url("app.css")), status: 200, contains: []string{"--acc"}},
		{name: "unknown static file", rq: get("anon", "/static/x/nope.css"), status: 404},
	})
	w := f.do(get("anon", f.srv.static.url("vendor/htmx.min.js")))
	if cc := w.Header().Get("Cache-Control"); !strings.Contains(cc, "immutable") {
		t.Errorf("versioned static file Cache-Control %q", cc)
	}
}

// TestCreateThenDisableUser walks the admin user flow and checks that a
// disabled account's token stops working.
func TestCreateThenDisableUser(t *testing.T) {
	f := newFixture(t)
	w := f.do(request{Method: "POST", Path: "/admin/pengguna", Role: "admin", Body: "username=petugas.kibin&password=Kopi-Tubruk-2025&role=operator&regions=36.04.16"})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("create user: %d %s", w.Code, w.Body.String())
	}
	u, err := f.st.UserByUsername(t.Context(), "petugas.kibin")
	if err != nil || u.Role != "operator" || len(u.Regions) != 1 || u.Regions[0] != "36.04.16" || u.PasswordHash == "" {
		t.Fatalf("stored user wrong: %+v %v", u, err)
	}
	if w := f.do(request{Method: "POST", Path: "/admin/pengguna/" + itoa64(f.users["operator"].ID) + "/nonaktif", Role: "admin"}); w.Code != http.StatusSeeOther {
		t.Fatalf("disable: %d", w.Code)
	}
	if w := f.do(request{Method: "GET", Path: "/api/v1/businesses", Role: "operator"}); w.Code != http.StatusUnauthorized {
		t.Errorf("disabled operator's token still works: %d", w.Code)
	}
	if w := f.do(request{Method: "POST", Path: "/admin/pengguna/" + itoa64(f.users["admin"].ID) + "/nonaktif", Role: "admin"}); w.Code != http.StatusConflict {
		t.Errorf("admin disabled itself: %d", w.Code)
	}
}

// TestRequestLogHasNoPersonalData checks the one-line-per-request log.
func TestRequestLogHasNoPersonalData(t *testing.T) {
	f := newFixture(t)
	f.do(request{Method: "GET", Path: "/api/v1/businesses?q=Siti+Aminah", Role: "admin"})
	f.do(request{Method: "GET", Path: "/usaha/" + itoa64(f.In.ID), Role: "admin"})
	logs := f.logs.String()
	for _, s := range []string{`pattern="GET /api/v1/businesses"`, "status=200", "duration=", `pattern="GET /usaha/{id}"`} {
		if !strings.Contains(logs, s) {
			t.Errorf("log lacks %q:\n%s", s, logs)
		}
	}
	for _, s := range []string{"Siti", "Aminah", "3604154506900003", "q="} {
		if strings.Contains(logs, s) {
			t.Errorf("log contains personal data %q", s)
		}
	}
}
