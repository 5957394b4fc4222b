package web

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// duplicateMatrix: the review is for officers (the operator of its own
// kecamatan sees nothing of another's), read-only for pimpinan, closed to
// owners; "bukan duplikat" is for officers who reach both businesses.
func duplicateMatrix() map[string]matrixCase {
	district := func(_ *fixture, _ int64, village string) string {
		return "/api/v1/duplicates?district=" + village[:8] + "&min_probability=0.5"
	}
	pair := func(f *fixture, id int64, village string) string {
		twin := f.createBusiness("Keripik Emping Siti Lain", village)
		return fmt.Sprintf(`{"a":%d,"b":%d}`, id, twin.ID)
	}
	return map[string]matrixCase{
		"GET /api/v1/duplicates": {path: district,
			want: want{admin: [2]int{s200, s200}, operator: [2]int{s200, s200}, pimpinan: [2]int{s200, s200}, owner: [2]int{s403, s403}, mitra: refused}},
		"POST /api/v1/duplicates/dismiss": {path: fixed("/api/v1/duplicates/dismiss"), body: pair, want: officers(s204)},
	}
}

// TestDuplicatesAPI: two listings of one business in Cikande are proposed
// to the operator with reasons, masked for pimpinan, and gone once
// dismissed; a bad district is a 422 naming the field.
func TestDuplicatesAPI(t *testing.T) {
	f := newFixture(t)
	twin := f.createBusiness("KERIPIK EMPING IBU SITI", cikandeVillage)
	list := func(role string) []map[string]any {
		w := f.do(request{Method: "GET", Path: "/api/v1/duplicates?district=36.04.15&min_probability=0.3", Role: role})
		if w.Code != s200 {
			t.Fatalf("%s: status %d %s", role, w.Code, w.Body)
		}
		var out struct{ Items []map[string]any }
		if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
			t.Fatal(err)
		}
		return out.Items
	}
	items := list("operator")
	found := false
	for _, it := range items {
		a, b := it["a"].(map[string]any), it["b"].(map[string]any)
		if int64(a["id"].(float64)) == f.In.ID && int64(b["id"].(float64)) == twin.ID {
			found = true
			if len(it["reasons"].([]any)) == 0 {
				t.Errorf("pair without reasons: %v", it)
			}
		}
	}
	if !found {
		t.Fatalf("the two listings of Keripik Emping Bu Siti are not proposed: %v", items)
	}
	w := f.do(request{Method: "GET", Path: "/api/v1/duplicates?district=Cikande", Role: "admin"})
	if w.Code != s422 || !strings.Contains(w.Body.String(), "district") {
		t.Errorf("bad district: %d %s", w.Code, w.Body)
	}
	w = f.do(request{Method: "POST", Path: "/api/v1/duplicates/dismiss", Role: "operator",
		Body: fmt.Sprintf(`{"a":%d,"b":%d}`, twin.ID, f.In.ID)})
	if w.Code != s204 {
		t.Fatalf("dismiss: %d %s", w.Code, w.Body)
	}
	for _, it := range list("admin") {
		a, b := it["a"].(map[string]any), it["b"].(map[string]any)
		if int64(a["id"].(float64)) == f.In.ID && int64(b["id"].(float64)) == twin.ID {
			t.Fatal("a dismissed pair is proposed again")
		}
	}
}
