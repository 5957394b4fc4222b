package web

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"naikkelas/internal/auth"
	"naikkelas/internal/office"
)

// officeMatrix is the authorisation matrix of the office identity.
func officeMatrix() map[string]matrixCase {
	withLogo := func(f *fixture, _ int64, _ string) string {
		id, _ := f.srv.Office.Get(context.Background())
		if _, err := f.srv.Office.Update(context.Background(), auth.Actor{UserID: f.users["admin"].ID, Username: "admin", Role: auth.Admin},
			id, &office.Logo{Data: testLogo(f.t)}, false); err != nil {
			f.t.Fatal(err)
		}
		return "/kantor/logo"
	}
	return map[string]matrixCase{
		"GET /admin/kantor": {path: fixed("/admin/kantor"), want: adminOnlyW(s200)},
		"POST /admin/kantor": {path: fixed("/admin/kantor"), body: body("government=Pemerintah+Kabupaten+Serang&agency=Dinas+Koperasi&version=0"),
			want: adminOnlyW(s303)},
		"GET /kantor/logo":   {path: withLogo, want: withAnon(everyone(s200), s200)},
		"GET /api/v1/office": {path: fixed("/api/v1/office"), want: all(s200)},
		"PUT /api/v1/office": {path: fixed("/api/v1/office"), body: body(`{"government":"Pemerintah Kabupaten Serang","agency":"Dinas Koperasi","version":0}`),
			want: adminOnlyW(s200)},
	}
}

func testLogo(t testing.TB) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 80, 80))
	for i := range img.Pix {
		img.Pix[i] = byte(i)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// officeUpload posts the admin form with a logo, as the browser does.
func (f *fixture) officeUpload(t *testing.T, fields map[string]string, logo []byte) *httptest.ResponseRecorder {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	if logo != nil {
		part, _ := mw.CreateFormFile("logo", "logo.png")
		part.Write(logo)
	}
	mw.Close()
	r := httptest.NewRequest("POST", "/admin/kantor", &b)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	r.AddCookie(&http.Cookie{Name: sessionCookie, Value: f.cookies["admin"]})
	w := httptest.NewRecorder()
	f.srv.ServeHTTP(w, r)
	return w
}

// TestOfficeIdentity: the admin names the office and uploads its logo; the
// footer, the public pages, the report and the certificate print it, and a
// certificate keeps the signatory of the day it was issued.
func TestOfficeIdentity(t *testing.T) {
	f := newFixture(t)
	w := f.do(request{Method: "GET", Path: "/masuk", Role: "anon"})
	if !strings.Contains(w.Body.String(), "Pemerintah Kabupaten Serang") {
		t.Fatalf("the default identity is not in the footer: %.300s", w.Body)
	}
	fields := map[string]string{"government": "Pemerintah Kabupaten Serang", "agency": "Dinas Koperasi, UMKM, Perindustrian dan Perdagangan",
		"address": "Jl. Veteran No. 1, Serang 42111", "signatory_name": "Dr. H. Ahmad Fauzi, M.Si.", "signatory_title": "Kepala Dinas",
		"signatory_nip": "1970010119900", "version": "0"}
	w = f.officeUpload(t, fields, testLogo(t))
	if w.Code != s422 || !strings.Contains(w.Body.String(), "NIP terdiri dari 18 angka") || !strings.Contains(w.Body.String(), "Dr. H. Ahmad Fauzi") {
		t.Fatalf("a short NIP: %d %.400s", w.Code, w.Body)
	}
	fields["signatory_nip"] = "19700101 199001 1 001"
	if w = f.officeUpload(t, fields, testLogo(t)); w.Code != s303 {
		t.Fatalf("saving the identity: %d %.400s", w.Code, w.Body)
	}
	id, _ := f.srv.Office.Get(context.Background())
	if id.SignatoryNIP != "197001011990011001" || id.LogoHash == "" {
		t.Fatalf("saved %+v", id)
	}
	w = f.do(request{Method: "GET", Path: "/kantor/logo?v=" + id.LogoHash, Role: "anon"})
	if w.Code != s200 || w.Header().Get("Content-Type") != "image/png" || !strings.Contains(w.Header().Get("Cache-Control"), "immutable") {
		t.Fatalf("logo: %d %v", w.Code, w.Header())
	}
	sel := itoa64(f.stage("selected"))
	for _, path := range []string{"/seleksi/" + sel, "/verifikasi"} {
		body := f.do(request{Method: "GET", Path: path, Role: "anon"}).Body.String()
		if !strings.Contains(body, `class="kop"`) || !strings.Contains(body, "/kantor/logo?v="+id.LogoHash) ||
			!strings.Contains(body, "Jl. Veteran No. 1, Serang 42111") {
			t.Errorf("%s has no letterhead with the office's logo and address", path)
		}
	}
	run := itoa64(f.stage("running"))
	if body := f.do(request{Method: "GET", Path: "/program/" + run + "/laporan", Role: "admin"}).Body.String(); !strings.Contains(body, `class="kop"`) {
		t.Errorf("the programme report has no letterhead")
	}
	c, p, err := f.srv.Programs.Certificate(context.Background(), auth.System, f.stage("running"), f.In.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Signatory.Name != "Dr. H. Ahmad Fauzi, M.Si." || c.Signatory.NIP != "197001011990011001" {
		t.Fatalf("the certificate keeps its signatory: %+v", c.Signatory)
	}
	d := f.srv.certificateData(httptest.NewRequest("GET", "/", nil), c, p)
	if d.SignatoryNIP != "19700101 199001 1 001" || d.Government != "Pemerintah Kabupaten Serang" || len(d.Logo) == 0 {
		t.Fatalf("certificate data: %+v", d)
	}
	// A new head of the agency signs new certificates only.
	id.SignatoryName = "Hj. Euis Komariah, S.E."
	if _, err := f.srv.Office.Update(context.Background(), auth.Actor{UserID: 1, Username: "admin", Role: auth.Admin}, id, nil, false); err != nil {
		t.Fatal(err)
	}
	again, _, err := f.srv.Programs.Certificate(context.Background(), auth.System, f.stage("running"), f.In.ID)
	if err != nil || again.Signatory.Name != "Dr. H. Ahmad Fauzi, M.Si." {
		t.Fatalf("an issued certificate changed signatory: %+v %v", again.Signatory, err)
	}
	body := f.do(request{Method: "GET", Path: "/verifikasi/" + c.Code, Role: "anon"}).Body.String()
	if !strings.Contains(body, "diterbitkan oleh Dinas Koperasi, UMKM, Perindustrian dan Perdagangan, Pemerintah Kabupaten Serang") ||
		!strings.Contains(body, "Dr. H. Ahmad Fauzi, M.Si., Kepala Dinas") {
		t.Fatalf("verification page: %.1500s", body)
	}
}
