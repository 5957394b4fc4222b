package web

import (
	"strings"
	"testing"
)

// TestRetailRequirementsAPI: an admin sets a retailer's requirements over
// the API and reads them back; an operator may edit the partner but not its
// requirements; a misspelt requirement, a negative minimum or requirements
// on a bank are refused with a message.
func TestRetailRequirementsAPI(t *testing.T) {
	f := newFixture(t)
	w := f.do(request{Method: "POST", Path: "/api/v1/partners", Role: "admin",
		Body: `{"name":"Swalayan Serang","kind":"ritel","requirements":{"halal":true,"pirt_or_bpom":true,"min_shelf_life_days":90}}`})
	if w.Code != s201 || !strings.Contains(w.Body.String(), `"min_shelf_life_days":90`) {
		t.Fatalf("create retailer: %d %s", w.Code, w.Body)
	}
	path := w.Header().Get("Location")
	if w := f.do(request{Method: "GET", Path: path, Role: "pimpinan"}); !strings.Contains(w.Body.String(), `"halal":true`) {
		t.Errorf("read back: %d %s", w.Code, w.Body)
	}
	if w := f.do(request{Method: "PUT", Path: path, Role: "operator", Body: `{"name":"Swalayan Serang","kind":"ritel"}`}); w.Code != s403 {
		t.Errorf("operator clearing requirements: %d %s", w.Code, w.Body)
	}
	if w := f.do(request{Method: "PUT", Path: path, Role: "operator", Body: `{"name":"Swalayan Kota","kind":"ritel",` +
		`"requirements":{"halal":true,"pirt_or_bpom":true,"min_shelf_life_days":90}}`}); w.Code != s200 {
		t.Errorf("operator renaming with the same requirements: %d %s", w.Code, w.Body)
	}
	for body, want := range map[string]string{
		`{"name":"X","kind":"ritel","requirements":{"hala":true}}`:               "hala",
		`{"name":"X","kind":"ritel","requirements":{"min_label_score":-5}}`:      "Skor label minimal",
		`{"name":"X","kind":"ritel","requirements":{"min_label_score":101}}`:     "0 sampai 100",
		`{"name":"X","kind":"bank","requirements":{"barcode":true}}`:             "hanya untuk mitra berjenis ritel",
		`{"name":"X","kind":"ritel","requirements":{"min_shelf_life_days":"9"}}`: "min_shelf_life_days",
	} {
		w := f.do(request{Method: "PUT", Path: path, Role: "admin", Body: body})
		if w.Code != s422 || !strings.Contains(w.Body.String(), want) {
			t.Errorf("PUT %s: %d %s; want 422 naming %q", body, w.Code, w.Body, want)
		}
	}
}

// TestRetailRequirementsPage: the partner page shows a retailer's
// requirements in words and the admin's form changes them.
func TestRetailRequirementsPage(t *testing.T) {
	f := newFixture(t)
	id := ritelPath("", "")(f, 0, "")
	if w := f.do(request{Method: "POST", Path: "/mitra/" + id + "/syarat", Role: "admin",
		Body: "halal=1&barcode=1&min_shelf_life_days=90&min_label_score=80"}); w.Code != s303 {
		t.Fatalf("save: %d %s", w.Code, w.Body)
	}
	page := f.do(request{Method: "GET", Path: "/mitra", Role: "operator"}).Body.String()
	for _, want := range []string{"Sertifikat halal", "Barcode EAN-8/EAN-13", "Umur simpan minimal 90 hari", "Skor label minimal 80 dari 100"} {
		if !strings.Contains(page, want) {
			t.Errorf("partner page lacks %q", want)
		}
	}
	if strings.Contains(page, "Ubah syarat") {
		t.Error("an operator is offered the requirements form")
	}
	if w := f.do(request{Method: "POST", Path: "/mitra/" + id + "/syarat", Role: "admin", Body: "min_shelf_life_days=lama"}); !strings.Contains(w.Header().Get("Location"), "galat=") {
		t.Errorf("a bad number: %d %s", w.Code, w.Header().Get("Location"))
	}
}
