package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"naikkelas/internal/auth"
	"naikkelas/internal/duplicates"
	"naikkelas/internal/importer"
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
	merge := func(f *fixture, id int64, village string) string {
		twin := f.createBusiness("Keripik Emping Siti Lain", village)
		return fmt.Sprintf(`{"keep":%d,"merge":%d}`, id, twin.ID)
	}
	undo := func(f *fixture, _ int64, village string) string {
		return fmt.Sprintf("/api/v1/merges/%d/undo", mergedPair(f, village))
	}
	return map[string]matrixCase{
		"GET /api/v1/duplicates": {path: district,
			want: want{admin: [2]int{s200, s200}, operator: [2]int{s200, s200}, pimpinan: [2]int{s200, s200}, owner: [2]int{s403, s403}, mitra: refused}},
		"POST /api/v1/duplicates/dismiss": {path: fixed("/api/v1/duplicates/dismiss"), body: pair, want: officers(s204)},
		"POST /api/v1/duplicates/merge":   {path: fixed("/api/v1/duplicates/merge"), body: merge, want: officers(s201)},
		"POST /api/v1/merges/{id}/undo":   {path: undo, want: officers(s200)},
		"GET /duplikat": {path: func(_ *fixture, _ int64, village string) string { return "/duplikat?min=0.5&district=" + village[:8] },
			want: want{admin: [2]int{s200, s200}, operator: [2]int{s200, s200}, pimpinan: [2]int{s403, s403}, owner: [2]int{s403, s403}, mitra: refused}},
		"POST /duplikat/gabung": {path: fixed("/duplikat/gabung"), body: func(f *fixture, id int64, village string) string {
			twin := f.createBusiness("Keripik Emping Siti Lain", village)
			return url.Values{"a": {itoa64(id)}, "b": {itoa64(twin.ID)}, "keep": {"a"}, "district": {village[:8]}}.Encode()
		}, want: officers(s303)},
		"POST /duplikat/bukan": {path: fixed("/duplikat/bukan"), body: func(f *fixture, id int64, village string) string {
			twin := f.createBusiness("Keripik Emping Siti Lain", village)
			return url.Values{"a": {itoa64(id)}, "b": {itoa64(twin.ID)}, "district": {village[:8]}}.Encode()
		}, want: officers(s303)},
		"POST /penggabungan/{id}/batal": {path: func(f *fixture, _ int64, village string) string {
			return fmt.Sprintf("/penggabungan/%d/batal", mergedPair(f, village))
		}, body: func(*fixture, int64, string) string { return "district=36.04.15" }, want: officers(s303)},
	}
}

// mergedPair stores two records of one business in village, merges them
// and returns the merge's id.
func mergedPair(f *fixture, village string) int64 {
	kept := f.createBusiness("Keripik Emping Siti Satu", village)
	twin := f.createBusiness("Keripik Emping Siti Dua", village)
	m, err := f.srv.Duplicates.Merge(context.Background(), auth.System, duplicates.MergeRequest{Keep: kept.ID, Merge: twin.ID})
	if err != nil {
		f.t.Fatalf("merge for undo: %v", err)
	}
	return m.ID
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

// TestMergeAPI: a merge takes the chosen field from the merged business,
// which then answers 404; a field that is no field is a 422; undo brings
// both back as they were.
func TestMergeAPI(t *testing.T) {
	f := newFixture(t)
	kept := f.createBusiness("Keripik Emping Bu Siti", cikandeVillage)
	twin := f.createBusiness("KERIPIK EMPING IBU SITI", cikandeVillage)
	name := func(id int64) (int, string) {
		w := f.do(request{Method: "GET", Path: fmt.Sprintf("/api/v1/businesses/%d", id), Role: "operator"})
		var b struct{ Name string }
		_ = json.Unmarshal(w.Body.Bytes(), &b)
		return w.Code, b.Name
	}
	w := f.do(request{Method: "POST", Path: "/api/v1/duplicates/merge", Role: "operator",
		Body: fmt.Sprintf(`{"keep":%d,"merge":%d,"fields":{"warna":"merge"}}`, kept.ID, twin.ID)})
	if w.Code != s422 || !strings.Contains(w.Body.String(), "warna") {
		t.Fatalf("unknown field: %d %s", w.Code, w.Body)
	}
	w = f.do(request{Method: "POST", Path: "/api/v1/duplicates/merge", Role: "operator",
		Body: fmt.Sprintf(`{"keep":%d,"merge":%d,"fields":{"name":"merge"}}`, kept.ID, twin.ID)})
	if w.Code != s201 {
		t.Fatalf("merge: %d %s", w.Code, w.Body)
	}
	var m struct {
		ID     int64
		Fields []string
		Moved  map[string]int
	}
	if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil || m.ID == 0 || len(m.Fields) != 1 || m.Moved["products"] != 1 {
		t.Fatalf("merge answer %s (%v)", w.Body, err)
	}
	if code, got := name(kept.ID); code != s200 || got != "KERIPIK EMPING IBU SITI" {
		t.Errorf("kept after merge: %d %q", code, got)
	}
	if code, _ := name(twin.ID); code != s404 {
		t.Errorf("merged business answers %d, want 404", code)
	}
	w = f.do(request{Method: "POST", Path: fmt.Sprintf("/api/v1/merges/%d/undo", m.ID), Role: "operator"})
	if w.Code != s200 {
		t.Fatalf("undo: %d %s", w.Code, w.Body)
	}
	for id, want := range map[int64]string{kept.ID: "Keripik Emping Bu Siti", twin.ID: "KERIPIK EMPING IBU SITI"} {
		if code, got := name(id); code != s200 || got != want {
			t.Errorf("business %d after undo: %d %q, want %q", id, code, got, want)
		}
	}
	w = f.do(request{Method: "POST", Path: fmt.Sprintf("/api/v1/merges/%d/undo", m.ID), Role: "operator"})
	if w.Code != http.StatusConflict {
		t.Errorf("second undo: %d %s", w.Code, w.Body)
	}
}

// TestDuplicatesPage: the operator sees the pair side by side with the
// differing fields marked, merges it keeping the second record and taking
// the first one's name, can undo it from the page, and "bukan duplikat"
// takes the pair off the page.
func TestDuplicatesPage(t *testing.T) {
	f := newFixture(t)
	twin := f.createBusiness("KERIPIK EMPING IBU SITI", cikandeVillage)
	page := func() string {
		w := f.do(request{Method: "GET", Path: "/duplikat?district=36.04.15&min=0.5", Role: "operator"})
		if w.Code != s200 {
			t.Fatalf("page: %d %s", w.Code, w.Body)
		}
		return w.Body.String()
	}
	body := page()
	for _, want := range []string{"KERIPIK EMPING IBU SITI", `class="differs"`, `name="f_name"`, "Gabungkan", "Bukan duplikat", "kemungkinan sama"} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	w := f.do(request{Method: "POST", Path: "/duplikat/gabung", Role: "operator", Body: url.Values{"a": {itoa64(f.In.ID)},
		"b": {itoa64(twin.ID)}, "keep": {"b"}, "f_name": {"a"}, "district": {"36.04.15"}}.Encode()})
	loc := w.Header().Get("Location")
	if w.Code != s303 || !strings.Contains(loc, "gabung=") || !strings.Contains(loc, "pesan=") {
		t.Fatalf("merge: %d %s", w.Code, loc)
	}
	kept, err := f.srv.Registry.Get(context.Background(), auth.System, twin.ID)
	if err != nil || kept.Name != f.In.Name {
		t.Fatalf("kept #%d after merge: %+v, %v", twin.ID, kept, err)
	}
	if _, err := f.srv.Registry.Get(context.Background(), auth.System, f.In.ID); err == nil {
		t.Error("the merged business is still found")
	}
	w = f.do(request{Method: "GET", Path: loc, Role: "operator"})
	if !strings.Contains(w.Body.String(), "Batalkan penggabungan ini") {
		t.Fatalf("no undo after the merge: %s", w.Body)
	}
	id := loc[strings.Index(loc, "gabung=")+len("gabung="):]
	id = id[:strings.IndexAny(id+"&", "&")]
	w = f.do(request{Method: "POST", Path: "/penggabungan/" + id + "/batal", Role: "operator", Body: "district=36.04.15"})
	if w.Code != s303 || !strings.Contains(w.Header().Get("Location"), "pesan=") {
		t.Fatalf("undo: %d %s", w.Code, w.Header().Get("Location"))
	}
	if b, err := f.srv.Registry.Get(context.Background(), auth.System, f.In.ID); err != nil || b.Name == "" {
		t.Fatalf("after undo: %+v, %v", b, err)
	}
	w = f.do(request{Method: "POST", Path: "/duplikat/bukan", Role: "operator", Body: url.Values{"a": {itoa64(f.In.ID)},
		"b": {itoa64(twin.ID)}, "district": {"36.04.15"}}.Encode()})
	if w.Code != s303 {
		t.Fatalf("bukan duplikat: %d", w.Code)
	}
	if strings.Contains(page(), `value="`+itoa64(twin.ID)+`"`) {
		t.Error("a pair judged bukan duplikat is still on the page")
	}
}

// TestDuplicatesQueuedByImport: an import by the operator of Cikande
// inserted a row likely the same as a business of Kramatwatu (outside its
// area) and queued the pair. The admin finds it in the review of either
// kecamatan, marked with the import, on the API and the page; the operator
// never sees the business outside its area.
func TestDuplicatesQueuedByImport(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	imp := &importer.Import{Source: "Pelatihan", FileName: "pelatihan.csv", Username: "operator", Status: importer.StatusDone}
	if err := f.st.CreateImport(ctx, imp); err != nil {
		t.Fatal(err)
	}
	row := f.createBusiness("Toko Sembako Mandiri", cikandeVillage) // unlike f.Out: only the import saw them alike
	row.ID = 0
	row.NIB = ""
	err := f.st.RunImport(ctx, imp, true, func(tx importer.Tx) error {
		return tx.Apply(ctx, imp.ID, []importer.Change{{Action: importer.Inserted, Business: row,
			Review: &importer.Likely{BusinessID: f.Out.ID, Probability: 0.93}}})
	})
	if err != nil {
		t.Fatal(err)
	}
	queued := func(role, district string) bool {
		w := f.do(request{Method: "GET", Path: "/api/v1/duplicates?district=" + district, Role: role})
		if w.Code != s200 {
			t.Fatalf("%s: %d %s", role, w.Code, w.Body)
		}
		var out struct {
			Items []struct {
				A, B        struct{ ID int64 }
				Probability float64
				ImportID    int64 `json:"import_id"`
			}
		}
		if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
			t.Fatal(err)
		}
		for _, it := range out.Items {
			if it.A.ID == f.Out.ID || it.B.ID == f.Out.ID {
				if it.B.ID != row.ID || it.ImportID != imp.ID || it.Probability != 0.93 {
					t.Errorf("%s: queued pair %+v", role, it)
				}
				return true
			}
		}
		return false
	}
	if !queued("admin", "36.04.15") || !queued("admin", f.Out.VillageCode[:8]) {
		t.Error("the admin does not find the queued pair in the review of either kecamatan")
	}
	if queued("operator", "36.04.15") || queued("operator", "") {
		t.Error("the operator sees a business outside its area")
	}
	w := f.do(request{Method: "GET", Path: "/duplikat?min=0.5&district=36.04.15", Role: "admin"})
	if body := w.Body.String(); w.Code != s200 || !strings.Contains(body, fmt.Sprintf(`impor #%d`, imp.ID)) {
		t.Errorf("page: %d, the queued pair's import is not shown", w.Code)
	}
}
