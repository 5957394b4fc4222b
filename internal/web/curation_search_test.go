package web

import (
	"strings"
	"testing"
)

// Officers put a product before a round by searching product, business or
// brand names within their area; the result carries the product's id in a
// form, and a product already in the round is marked, not offered again.
func TestCurationProductSearch(t *testing.T) {
	f := newFixture(t)
	c, _ := newRound(f, f.In.ID, false)
	inID, outID := firstProduct("{p}")(f, f.In.ID, ""), firstProduct("{p}")(f, f.Out.ID, "")
	board := "/kurasi/" + itoa64(c)
	hidden := func(id string) string { return `name="product_id" value="` + id + `"` }
	search := func(role, q string) string {
		t.Helper()
		w := f.do(request{Method: "GET", Path: board + "?cari=" + q, Role: role, Header: map[string]string{"HX-Request": "true"}})
		if w.Code != s200 {
			t.Fatalf("%s searches %q: %d %s", role, q, w.Code, w.Body)
		}
		return w.Body.String()
	}
	hits := search("operator", "EMPING")
	if !strings.Contains(hits, hidden(inID)) || strings.Contains(hits, hidden(outID)) || strings.Contains(hits, "<html") {
		t.Errorf("operator's search by product name: want the Cikande product only, as a fragment:\n%s", hits)
	}
	if hits := search("admin", "emping"); !strings.Contains(hits, hidden(inID)) || !strings.Contains(hits, hidden(outID)) {
		t.Errorf("admin's search: want both products:\n%s", hits)
	}
	if hits := search("admin", "bandeng"); !strings.Contains(hits, hidden(outID)) || strings.Contains(hits, hidden(inID)) {
		t.Errorf("search by business name: want Sate Bandeng's product only:\n%s", hits)
	}
	if hits := search("operator", "bandeng"); !strings.Contains(hits, "Tidak ada produk yang cocok") {
		t.Errorf("a business outside the operator's area: %s", hits)
	}
	if hits := search("admin", "50%25"); !strings.Contains(hits, "Tidak ada produk yang cocok") {
		t.Errorf("a %% in the search must match itself, not everything: %s", hits)
	}
	w := f.do(request{Method: "POST", Path: board + "/produk", Role: "operator", Body: "product_id=" + inID + "&monthly_supply=300"})
	if w.Code != s303 || !strings.Contains(w.Header().Get("Location"), "pesan=") {
		t.Fatalf("enter the product found: %d %s", w.Code, w.Header().Get("Location"))
	}
	hits = search("operator", "emping")
	if strings.Contains(hits, hidden(inID)) || !strings.Contains(hits, "Sudah ada di kurasi ini") {
		t.Errorf("a product in the round must be marked, not offered: %s", hits)
	}
	page := f.do(request{Method: "GET", Path: board + "?cari=emping", Role: "operator"}).Body.String()
	if !strings.Contains(page, `id="produk-hasil"`) || !strings.Contains(page, "Sudah ada di kurasi ini") || !strings.Contains(page, "<html") {
		t.Error("without htmx the board shows the results in the page")
	}
	for _, role := range []string{"mitra", "pimpinan"} {
		if page := search(role, "emping"); strings.Contains(page, `id="produk-hasil"`) {
			t.Errorf("%s does not enter products, yet sees the search", role)
		}
	}
}
