package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"naikkelas/internal/auth"
)

// want is the expected status per role for a business in the operator's
// area (in) and one outside it (out); for mitra, in is a programme its
// partner funds and out one another partner funds. "anon" is filled by the
// test: 401 for the API, a redirect to /masuk for pages, unless the route
// is public.
type want struct {
	admin, operator, pimpinan, owner, mitra [2]int // [in, out]; a zero mitra is a row without its answer
	anon                                    int    // 0 = the default for the route's kind
}

// refused is a mitra's answer on every route of the register: it sees
// nothing of it, in or out of its partner.
var refused = [2]int{http.StatusForbidden, http.StatusForbidden}

// all is one status for every role of the register; a mitra is refused.
func all(st int) want {
	return want{admin: [2]int{st, st}, operator: [2]int{st, st}, pimpinan: [2]int{st, st}, owner: [2]int{st, st}, mitra: refused}
}

// everyone is one status for every role, a mitra included (public routes).
func everyone(st int) want {
	w := all(st)
	w.mitra = [2]int{st, st}
	return w
}

const (
	s200, s201, s204, s303 = http.StatusOK, http.StatusCreated, http.StatusNoContent, http.StatusSeeOther
	s401, s403, s404, s422 = http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusUnprocessableEntity
)

// Readers of one business: admin and pimpinan everywhere, the operator in
// its area, the owner its own (which is the in-area one).
var (
	readOne  = want{admin: [2]int{s200, s200}, operator: [2]int{s200, s404}, pimpinan: [2]int{s200, s200}, owner: [2]int{s200, s404}, mitra: refused}
	officers = func(ok int) want {
		return want{admin: [2]int{ok, ok}, operator: [2]int{ok, s404}, pimpinan: [2]int{s403, s403}, owner: [2]int{s403, s403}, mitra: refused}
	}
	writers = func(ok int) want {
		return want{admin: [2]int{ok, ok}, operator: [2]int{ok, s404}, pimpinan: [2]int{s403, s403}, owner: [2]int{ok, s404}, mitra: refused}
	}
	adminOnlyW = func(ok int) want {
		return want{admin: [2]int{ok, ok}, operator: [2]int{s403, s403}, pimpinan: [2]int{s403, s403}, owner: [2]int{s403, s403}, mitra: refused}
	}
	creators = func(ok int) want {
		return want{admin: [2]int{ok, ok}, operator: [2]int{ok, s422}, pimpinan: [2]int{s403, s403}, owner: [2]int{s403, s403}, mitra: refused}
	}
)

// matrixCase builds the request of a route for a business and village.
type matrixCase struct {
	path   func(f *fixture, id int64, village string) string
	body   func(f *fixture, id int64, village string) string
	want   want
	header map[string]string // e.g. a multipart body's Content-Type
}

func fixed(p string) func(*fixture, int64, string) string {
	return func(*fixture, int64, string) string { return p }
}
func byID(format string) func(*fixture, int64, string) string {
	return func(_ *fixture, id int64, _ string) string { return strings.ReplaceAll(format, "{id}", itoa64(id)) }
}

// matrix has one row per registered route: the register's rows below and
// each part's rows from its own test file, merged here in one place.
var matrix = mergeMatrix(registerMatrix, importMatrix(), assessmentMatrix(), programMatrix(), officeMatrix(), permitMatrix(),
	duplicateMatrix(), fundingMatrix(), partnerLedgerMatrix(), openDataMatrix(), planMatrix(), leadershipMatrix(),
	marketMatrix(), labelMatrix(), catalogueMatrix(), proposalMatrix(), retailMatrix(), capitalMatrix(), messagesMatrix())

// mergeMatrix joins the rows of the parts; a route with two rows is a
// mistake in the test.
func mergeMatrix(parts ...map[string]matrixCase) map[string]matrixCase {
	out := map[string]matrixCase{}
	for _, part := range parts {
		for k, v := range part {
			if _, dup := out[k]; dup {
				panic(fmt.Sprintf("matrix row %q defined twice", k))
			}
			out[k] = v
		}
	}
	return out
}

// registerMatrix holds the rows of the register's own routes (businesses,
// regions, measurements, users, sessions).
var registerMatrix = map[string]matrixCase{
	"GET /static/{version}/{file...}": {path: func(f *fixture, _ int64, _ string) string { return f.srv.static.url("app.css") }, want: withAnon(everyone(s200), s200)},
	"GET /healthz":                    {path: fixed("/healthz"), want: withAnon(everyone(s200), s200)},
	"GET /favicon.ico":                {path: fixed("/favicon.ico"), want: withAnon(everyone(s200), s200)},
	"GET /masuk":                      {path: fixed("/masuk"), want: withAnon(everyone(s303), s200)},
	"POST /masuk":                     {path: fixed("/masuk"), body: func(*fixture, int64, string) string { return "username=admin&password=salah" }, want: withAnon(everyone(s401), s401)},
	"POST /keluar":                    {path: fixed("/keluar"), want: withAnon(everyone(s303), s303)},
	"GET /{$}":                        {path: fixed("/"), want: withMitra(all(s200), s303, s303)},
	"GET /usaha":                      {path: fixed("/usaha?q=emping"), want: want{admin: [2]int{s200, s200}, operator: [2]int{s200, s200}, pimpinan: [2]int{s200, s200}, owner: [2]int{s303, s303}, mitra: refused}},
	"GET /usaha/baru":                 {path: fixed("/usaha/baru"), want: want{admin: [2]int{s200, s200}, operator: [2]int{s200, s200}, pimpinan: [2]int{s403, s403}, owner: [2]int{s403, s403}, mitra: refused}},
	"POST /usaha":                     {path: fixed("/usaha"), body: func(_ *fixture, _ int64, v string) string { return businessFormBody("Usaha Baru", v, 0) }, want: creators(s303)},
	"GET /usaha/{id}":                 {path: byID("/usaha/{id}"), want: readOne},
	"GET /usaha/{id}/ubah":            {path: byID("/usaha/{id}/ubah"), want: writers(s200)},
	"POST /usaha/{id}":                {path: byID("/usaha/{id}"), body: func(_ *fixture, _ int64, v string) string { return businessFormBody("Nama Diubah", v, 1) }, want: writers(s303)},
	"GET /usaha/{id}/arsip":           {path: byID("/usaha/{id}/arsip"), want: officers(s200)},
	"POST /usaha/{id}/arsip":          {path: byID("/usaha/{id}/arsip"), want: officers(s303)},
	"POST /usaha/{id}/ukuran": {path: byID("/usaha/{id}/ukuran"), body: func(*fixture, int64, string) string {
		return "year=2024&annual_revenue=300.000.000&capital=&employees=5&source=self_report"
	}, want: writers(s303)},
	"GET /wilayah/desa":   {path: fixed("/wilayah/desa?district=36.04.15"), want: all(s200)},
	"GET /admin/pengguna": {path: fixed("/admin/pengguna"), want: adminOnlyW(s200)},
	"POST /admin/pengguna": {path: fixed("/admin/pengguna"), body: func(*fixture, int64, string) string {
		return "username=petugas.baru&password=Emping-Melinjo-77&role=operator&regions=36.04.15"
	}, want: adminOnlyW(s303)},
	"POST /admin/pengguna/{id}/nonaktif": {path: func(f *fixture, _ int64, _ string) string {
		return "/admin/pengguna/" + itoa64(f.spare.ID) + "/nonaktif"
	}, want: adminOnlyW(s303)},
	"GET /admin/audit": {path: fixed("/admin/audit"), want: adminOnlyW(s200)},
	"GET /admin/token": {path: fixed("/admin/token"), want: adminOnlyW(s200)},
	"POST /admin/token/{id}/cabut": {path: func(f *fixture, _ int64, _ string) string {
		_, tok, err := f.srv.Accounts.CreateToken(context.Background(), auth.System, f.spare.Username, 0)
		if err != nil {
			f.t.Fatal(err)
		}
		return "/admin/token/" + itoa64(tok.ID) + "/cabut"
	}, want: adminOnlyW(s303)},

	"GET /api/v1/openapi.json":                 {path: fixed("/api/v1/openapi.json"), want: withAnon(everyone(s200), s200)},
	"GET /api/v1/regions":                      {path: fixed("/api/v1/regions?parent=36.04"), want: all(s200)},
	"GET /api/v1/businesses":                   {path: fixed("/api/v1/businesses?q=emping"), want: all(s200)},
	"POST /api/v1/businesses":                  {path: fixed("/api/v1/businesses"), body: func(_ *fixture, _ int64, v string) string { return businessJSON("Usaha API", v, 0) }, want: creators(s201)},
	"GET /api/v1/businesses/{id}":              {path: byID("/api/v1/businesses/{id}"), want: readOne},
	"PUT /api/v1/businesses/{id}":              {path: byID("/api/v1/businesses/{id}"), body: func(_ *fixture, _ int64, v string) string { return businessJSON("Nama API Diubah", v, 1) }, want: writers(s200)},
	"DELETE /api/v1/businesses/{id}":           {path: byID("/api/v1/businesses/{id}"), want: officers(s204)},
	"GET /api/v1/businesses/{id}/measurements": {path: byID("/api/v1/businesses/{id}/measurements"), want: readOne},
	"POST /api/v1/businesses/{id}/measurements": {path: byID("/api/v1/businesses/{id}/measurements"), body: func(*fixture, int64, string) string {
		return `{"year":2024,"annual_revenue":300000000,"capital":0,"employees":5,"source":"self_report"}`
	}, want: writers(s201)},
	"GET /api/v1/stats/districts": {path: fixed("/api/v1/stats/districts"), want: all(s200)},
	"GET /api/v1/audit":           {path: fixed("/api/v1/audit"), want: adminOnlyW(s200)},
	"GET /api/v1/users":           {path: fixed("/api/v1/users"), want: adminOnlyW(s200)},
	"POST /api/v1/users": {path: fixed("/api/v1/users"), body: func(*fixture, int64, string) string {
		return `{"username":"petugas.api","password":"Emping-Melinjo-77","role":"operator","regions":["36.04.15"]}`
	}, want: adminOnlyW(s201)},
}

func withAnon(w want, anon int) want { w.anon = anon; return w }

func withMitra(w want, in, out int) want { w.mitra = [2]int{in, out}; return w }

// TestAuthorisationMatrix calls every registered route as every role, for a
// business in the operator's area and one outside, on a fresh database for
// each state-changing call.
func TestAuthorisationMatrix(t *testing.T) {
	shared := newFixture(t)
	var cases atomic.Int64
	t.Cleanup(func() {
		t.Logf("%d route × role × area cases over %d routes", cases.Load(), len(shared.srv.Routes()))
	})
	for _, pattern := range shared.srv.Routes() {
		mc, ok := matrix[pattern]
		if !ok {
			t.Errorf("route %q has no row in the authorisation matrix", pattern)
			continue
		}
		if mc.want.mitra == [2]int{} {
			t.Errorf("route %q has no answer for mitra in the authorisation matrix", pattern)
			continue
		}
		t.Run(pattern, func(t *testing.T) {
			t.Parallel() // each state-changing case has its own database
			method, _, _ := strings.Cut(pattern, " ")
			for _, role := range matrixRoles {
				for i, area := range []string{"in", "out"} {
					f := shared
					if method != http.MethodGet {
						f = newFixture(t)
					}
					if matrixCall(t, f, pattern, mc, role, i, area) {
						cases.Add(1)
					}
				}
			}
		})
	}
	for pattern := range matrix {
		if !contains(shared.srv.Routes(), pattern) {
			t.Errorf("matrix row %q names no registered route", pattern)
		}
	}
}

// matrixCall makes one call of the matrix and checks its status, the
// login redirect of anonymous page calls, and masking. It reports success.
func matrixCall(t *testing.T, f *fixture, pattern string, mc matrixCase, role string, i int, area string) bool {
	t.Helper()
	method, _, _ := strings.Cut(pattern, " ")
	b, village := f.In, cikandeVillage
	if area == "out" {
		b, village = f.Out, kramatVillage
	}
	path := mc.path(f, b.ID, village)
	rq := request{Method: method, Path: path, Role: role, Header: mc.header}
	if mc.body != nil {
		rq.Body = mc.body(f, b.ID, village)
	}
	w := f.do(rq)
	exp := expected(mc.want, role, i, strings.HasPrefix(path, "/api/"))
	if w.Code != exp {
		t.Errorf("%s as %s (%s-area): status %d, want %d; body %.200s", pattern, role, area, w.Code, exp, w.Body.String())
		return false
	}
	if role == "anon" && exp == s303 && !strings.HasPrefix(path, "/masuk") && !strings.HasPrefix(path, "/keluar") {
		if loc := w.Header().Get("Location"); !strings.HasPrefix(loc, "/masuk") {
			t.Errorf("%s as anon: redirect to %q, want /masuk", pattern, loc)
		}
	}
	checkMasking(t, pattern, role, w)
	return true
}

func expected(w want, role string, i int, api bool) int {
	switch role {
	case "admin":
		return w.admin[i]
	case "operator":
		return w.operator[i]
	case "pimpinan":
		return w.pimpinan[i]
	case "owner":
		return w.owner[i]
	case "mitra":
		return w.mitra[i]
	}
	if w.anon != 0 {
		return w.anon
	}
	if api {
		return s401
	}
	return s303
}

// publicPages show businesses to anyone: the published selection names
// the selected, the verification of a certificate its holder, the catalogue
// the businesses that opted in. None of them may show NIK or phone.
var publicPages = map[string]bool{"GET /seleksi/{id}": true, "GET /verifikasi/{code}": true,
	"GET /katalog": true, "GET /katalog.json": true, "GET /katalog/{id}": true}

// checkMasking asserts that pimpinan never receives the fixture's NIK or
// phone in clear, and that officers do on the detail views.
func checkMasking(t *testing.T, pattern, role string, w *httptest.ResponseRecorder) {
	t.Helper()
	if w.Code != s200 {
		return
	}
	const nik, phone, masked = "3604154506900003", "+6281234567890", "3604**********03"
	body := w.Body.String()
	if role == "pimpinan" && (strings.Contains(body, nik) || strings.Contains(body, phone)) {
		t.Errorf("%s as pimpinan: response holds an unmasked NIK or phone", pattern)
	}
	if role == "mitra" {
		// A mitra learns nothing of a business, masked or not, except what a
		// public page shows anyone, the business names of its own records
		// and, for a bank, the business that consented to be referred to
		// it (the in-area one) with its phone, never the one referred to
		// another bank.
		for i, s := range []string{nik, phone, masked, "Keripik Emping Bu Siti", "Sate Bandeng Kramat", "Siti Aminah"} {
			named := publicPages[pattern] || (partnerViews[pattern] && i < 5)
			allowed := (i >= 3 && named) || ((i == 1 || i == 3 || i == 5) && referralPages[pattern])
			if strings.Contains(body, s) && !allowed {
				t.Errorf("%s as mitra: response holds %q", pattern, s)
			}
		}
	}
	detail := pattern == "GET /usaha/{id}" || pattern == "GET /api/v1/businesses/{id}"
	switch {
	case detail && role == "pimpinan" && !strings.Contains(body, masked):
		t.Errorf("%s as pimpinan: masked NIK %s not shown", pattern, masked)
	case detail && role != "pimpinan" && !strings.Contains(body, nik):
		t.Errorf("%s as %s: NIK should be shown in clear", pattern, role)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
