package web

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"naikkelas/internal/importer"
)

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
