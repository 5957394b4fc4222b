package web

import (
	"encoding/json"
	"strings"
	"testing"

	"naikkelas/internal/market"
)

// TestLabelClinic: an officer's check gives a score, a fix in plain
// Indonesian and the consistency flags, and the fix appears on the
// business page, the owner's home and the assessment's next steps.
func TestLabelClinic(t *testing.T) {
	f := newFixture(t)
	ps, _ := f.st.ListProducts(t.Context(), f.In.ID)
	path := "/api/v1/products/" + itoa64(ps[0].ID) + "/label-checks"
	w := f.do(request{Method: "POST", Path: path, Role: "operator", Body: labelCheckJSON()})
	if w.Code != s201 {
		t.Fatalf("label check: %d %s", w.Code, w.Body)
	}
	var c market.LabelCheck
	_ = json.Unmarshal(w.Body.Bytes(), &c)
	if c.Score != 90 || len(c.Fixes) != 1 || c.Fixes[0].Text != "Tambahkan berat bersih dalam gram (atau isi bersih dalam ml)" ||
		c.Fixes[0].Note != "hanya tertulis 1/4" {
		t.Fatalf("score and fixes: %+v", c)
	}
	wantFlags := []string{"Label memakai logo halal, tetapi produk belum punya nomor sertifikat halal",
		"Nomor P-IRT di label (206360401011299) belum tercatat di data produk",
		"Barcode tercetak di kemasan, tetapi belum tercatat di data produk"}
	if strings.Join(c.Flags, "|") != strings.Join(wantFlags, "|") {
		t.Fatalf("flags %q, want %q", c.Flags, wantFlags)
	}
	w = f.do(request{Method: "POST", Path: path, Role: "owner", Body: labelCheckJSON()})
	if w.Code != s403 {
		t.Errorf("owner records a label check: %d", w.Code)
	}
	w = f.do(request{Method: "POST", Path: path, Role: "operator", Body: `{"items":{"nama_produk":"ok","gizi":"maybe","merek":"ok","bahasa":"na"}}`})
	for _, field := range []string{"items.komposisi", "items.gizi", "items.merek", "items.bahasa"} {
		if w.Code != s422 || !strings.Contains(w.Body.String(), field) {
			t.Errorf("incomplete check: %d, want 422 naming %s: %.300s", w.Code, field, w.Body)
		}
	}
	fix := "Tambahkan berat bersih dalam gram"
	for _, page := range []struct{ path, role string }{
		{"/usaha/" + itoa64(f.In.ID), "pimpinan"},
		{"/", "owner"},
		{"/usaha/" + itoa64(f.In.ID) + "/penilaian", "owner"},
		{"/produk/" + itoa64(ps[0].ID), "operator"},
	} {
		body := f.do(request{Method: "GET", Path: page.path, Role: page.role}).Body.String()
		if !strings.Contains(body, fix) || !strings.Contains(body, "logo halal") {
			t.Errorf("%s as %s does not show the label fixes", page.path, page.role)
		}
	}
	w = f.do(request{Method: "GET", Path: path, Role: "owner"})
	if w.Code != s200 || !strings.Contains(w.Body.String(), `"score":90`) {
		t.Errorf("history as owner: %d %.200s", w.Code, w.Body)
	}
	// A wrong status on the page form comes back on the form.
	w = f.do(request{Method: "POST", Path: "/produk/" + itoa64(ps[0].ID) + "/label", Role: "operator", Body: "items.nama_produk=ok"})
	if w.Code != s422 || !strings.Contains(w.Body.String(), "Isi hasil pemeriksaan: Daftar bahan") {
		t.Errorf("incomplete page form: %d", w.Code)
	}
}
