package web

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// importMatrix is the authorisation matrix of the import and export routes.
func importMatrix() map[string]matrixCase {
	officersOnly := func(ok int) want {
		return want{admin: [2]int{ok, ok}, operator: [2]int{ok, ok}, pimpinan: [2]int{s403, s403}, owner: [2]int{s403, s403}, mitra: refused}
	}
	return map[string]matrixCase{
		"GET /impor":                           {path: fixed("/impor"), want: officersOnly(s200)},
		"POST /impor":                          {path: fixed("/impor"), body: func(*fixture, int64, string) string { return "source=x" }, want: officersOnly(s422)},
		"POST /impor/unggahan/{token}":         {path: fixed("/impor/unggahan/tidakada"), body: func(*fixture, int64, string) string { return "action=dry" }, want: all(s404)},
		"GET /impor/riwayat":                   {path: fixed("/impor/riwayat"), want: officersOnly(s200)},
		"GET /impor/{id}":                      {path: fixed("/impor/999999"), want: officersOnly(s404)},
		"POST /api/v1/imports":                 {path: fixed("/api/v1/imports"), body: func(*fixture, int64, string) string { return `{}` }, want: officersOnly(s422)},
		"GET /api/v1/imports/{id}":             {path: fixed("/api/v1/imports/999999"), want: officersOnly(s404)},
		"GET /api/v1/imports/{id}/report":      {path: fixed("/api/v1/imports/999999/report"), want: officersOnly(s404)},
		"POST /api/v1/imports/{id}/cancel":     {path: fixed("/api/v1/imports/999999/cancel"), want: officersOnly(s404)},
		"POST /impor/batal/{id}":               {path: fixed("/impor/batal/999999"), want: officersOnly(s404)},
		"GET /api/v1/businesses/export":        {path: fixed("/api/v1/businesses/export?format=csv&q=emping"), want: all(s200)},
		"GET /api/v1/businesses/template.xlsx": {path: fixed("/api/v1/businesses/template.xlsx"), want: all(s200)},
	}
}

// multipartBody builds an upload with a file part and text fields.
func multipartBody(t *testing.T, name string, data []byte, fields map[string]string) (*bytes.Buffer, string) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		_ = mw.WriteField(k, v)
	}
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = fw.Write(data)
	_ = mw.Close()
	return &buf, mw.FormDataContentType()
}

func (f *fixture) upload(t *testing.T, srv *Server, role, name string, data []byte, fields map[string]string) *httptest.ResponseRecorder {
	body, ctype := multipartBody(t, name, data, fields)
	r := httptest.NewRequest(http.MethodPost, "/api/v1/imports", body)
	r.Header.Set("Content-Type", ctype)
	r.Header.Set("Authorization", "Bearer "+f.tokens[role])
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, r)
	return w
}

// importWait bounds waitImport. A small import finishes in milliseconds,
// but on a loaded machine (the test suite's packages in parallel on two
// cores) its background goroutine may wait seconds for a turn.
const importWait = 2 * time.Minute

// waitImport polls GET /api/v1/imports/{id} until the import leaves
// "running", and fails on any answer that is not a 200 with an import.
func (f *fixture) waitImport(t *testing.T, role string, id int64) map[string]any {
	t.Helper()
	deadline := time.Now().Add(importWait)
	pause := 10 * time.Millisecond
	for {
		w := f.do(request{Method: "GET", Path: "/api/v1/imports/" + itoa64(id), Role: role})
		if w.Code != http.StatusOK {
			t.Fatalf("GET import %d: %d %s", id, w.Code, w.Body)
		}
		var v map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
			t.Fatalf("GET import %d: not JSON (%v): %s", id, err, w.Body)
		}
		status, ok := v["status"].(string)
		if !ok {
			t.Fatalf("GET import %d: no status in %s", id, w.Body)
		}
		if status != "running" {
			return v
		}
		if time.Now().After(deadline) {
			t.Fatalf("import %d still running after %v: %s", id, importWait, w.Body)
		}
		time.Sleep(pause)
		pause = min(2*pause, 250*time.Millisecond)
	}
}

func TestImportAPIScenario(t *testing.T) {
	f := newFixture(t)
	csv := "Nama Usaha;Nama Pemilik;Desa;Kecamatan;Omzet;Warna Kemasan\n" +
		"Kopi Julang;Asep;Julang;Cikande;10 jt;a\n" +
		"Kopi Kragilan;Ujang;Kragilan;Kragilan;10 jt;b\n"
	w := f.upload(t, f.srv, "operator", "daftar.csv", []byte(csv), map[string]string{"source": "Daftar Cikande", "dry_run": "1"})
	if w.Code != http.StatusAccepted {
		t.Fatalf("POST imports: %d %s", w.Code, w.Body)
	}
	var created struct {
		ID     int64  `json:"id"`
		Status string `json:"status"`
	}
	_ = json.Unmarshal(w.Body.Bytes(), &created)
	if created.ID == 0 || created.Status != "running" {
		t.Fatalf("created %+v", created)
	}
	v := f.waitImport(t, "operator", created.ID)
	sum := v["summary"].(map[string]any)
	if v["status"] != "dry_run" || sum["inserted"].(float64) != 1 || sum["rejected"].(float64) != 1 || sum["total"].(float64) != 2 {
		t.Fatalf("dry run result %v", v)
	}
	if p := v["progress"].(map[string]any); p["percent"].(float64) != 100 {
		t.Errorf("progress %v", p)
	}
	if u := v["unknown_columns"].([]any); len(u) != 1 || !strings.Contains(u[0].(string), "Warna Kemasan") {
		t.Errorf("unknown columns %v", u)
	}
	// another operator's import is not visible to pimpinan, and 404 for nobody's business
	if w := f.do(request{Method: "GET", Path: "/api/v1/imports/" + itoa64(created.ID), Role: "pimpinan"}); w.Code != s403 {
		t.Errorf("pimpinan reads an import: %d", w.Code)
	}
	// the report holds the out-of-area row with its reason
	w = f.do(request{Method: "GET", Path: "/api/v1/imports/" + itoa64(created.ID) + "/report", Role: "operator"})
	if w.Code != 200 || w.Header().Get("Content-Type") != xlsxType {
		t.Fatalf("report: %d %s", w.Code, w.Header())
	}
	x, err := excelize.OpenReader(bytes.NewReader(w.Body.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := x.GetRows("Ditolak")
	if len(rows) != 2 || rows[1][0] != "Kopi Kragilan" || !strings.Contains(rows[1][len(rows[1])-1], "di luar wilayah tugas Anda") {
		t.Errorf("report rows %q", rows)
	}
	// commit for real
	w = f.upload(t, f.srv, "operator", "daftar.csv", []byte(csv), map[string]string{"source": "Daftar Cikande"})
	_ = json.Unmarshal(w.Body.Bytes(), &created)
	v = f.waitImport(t, "operator", created.ID)
	if v["status"] != "done" || v["summary"].(map[string]any)["inserted"].(float64) != 1 {
		t.Fatalf("commit result %v", v)
	}
	w = f.do(request{Method: "GET", Path: "/api/v1/businesses?q=Kopi+Julang", Role: "admin"})
	if !strings.Contains(w.Body.String(), "Kopi Julang") {
		t.Errorf("imported business not listed: %s", w.Body)
	}
	// pimpinan may not import
	if w := f.upload(t, f.srv, "pimpinan", "daftar.csv", []byte(csv), nil); w.Code != s403 {
		t.Errorf("pimpinan upload: %d", w.Code)
	}
}

func TestImportUploadTooLarge(t *testing.T) {
	f := newFixture(t)
	small, err := New(Deps{Store: f.st, Set: f.srv.Set, Jurisdiction: "36.04", MaxUploadBytes: 2000})
	if err != nil {
		t.Fatal(err)
	}
	w := f.upload(t, small, "admin", "besar.csv", bytes.Repeat([]byte("Nama Usaha;Desa\n"), 1000), nil)
	if w.Code != http.StatusRequestEntityTooLarge || !strings.Contains(w.Body.String(), "batas unggahan") {
		t.Errorf("oversized upload: %d %s", w.Code, w.Body)
	}
}

func TestExportAndTemplate(t *testing.T) {
	f := newFixture(t)
	w := f.do(request{Method: "GET", Path: "/api/v1/businesses/export?format=csv", Role: "operator"})
	body := w.Body.String()
	if w.Code != 200 || !strings.HasPrefix(body, "\uFEFFID;Nama Usaha") || !strings.Contains(body, f.In.Name) || strings.Contains(body, f.Out.Name) {
		t.Errorf("operator export: %d %q", w.Code, body)
	}
	w = f.do(request{Method: "GET", Path: "/api/v1/businesses/export?format=xlsx&district=36.04.15", Role: "pimpinan"})
	x, err := excelize.OpenReader(bytes.NewReader(w.Body.Bytes()))
	if err != nil {
		t.Fatalf("xlsx export: %v", err)
	}
	rows, _ := x.GetRows("UMKM")
	if len(rows) != 2 || rows[1][4] != "3604**********03" {
		t.Errorf("pimpinan xlsx rows %q", rows)
	}
	if w := f.do(request{Method: "GET", Path: "/api/v1/businesses/export?format=pdf", Role: "admin"}); w.Code != s422 {
		t.Errorf("bad format: %d", w.Code)
	}
	w = f.do(request{Method: "GET", Path: "/api/v1/businesses/template.xlsx", Role: "operator"})
	if x, err := excelize.OpenReader(bytes.NewReader(w.Body.Bytes())); err != nil || x.GetSheetList()[0] != "Data" {
		t.Errorf("template: %v", err)
	}
}
