package web

import (
	"encoding/csv"
	"strings"
	"testing"
)

func openDataMatrix() map[string]matrixCase {
	return map[string]matrixCase{
		"GET /data":                      {path: fixed("/data"), want: withAnon(everyone(s200), s200)},
		"GET /data/kecamatan.csv":        {path: fixed("/data/kecamatan.csv"), want: withAnon(everyone(s200), s200)},
		"GET /data/kecamatan-sektor.csv": {path: fixed("/data/kecamatan-sektor.csv"), want: withAnon(everyone(s200), s200)},
	}
}

// readCSV parses a download of the open data (BOM, semicolons).
func readCSV(t *testing.T, body string) [][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF")))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("CSV: %v\n%s", err, body)
	}
	return recs
}

// TestOpenDataSuppression: Cikande holds seven businesses (published),
// Kramatwatu one (suppressed everywhere), anonymously, on the page and in
// both CSV files, which start with a header row and carry no row numbers.
func TestOpenDataSuppression(t *testing.T) {
	f := newFixture(t)
	for _, name := range []string{"Keripik A", "Keripik B", "Keripik C", "Keripik D", "Keripik E", "Keripik F"} {
		f.createBusiness(name, cikandeVillage)
	}
	w := f.do(request{Method: "GET", Path: "/data/kecamatan.csv", Role: "anon"})
	if w.Code != s200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/csv") {
		t.Fatalf("CSV: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	recs := readCSV(t, w.Body.String())
	head := recs[0]
	if head[0] != "kode_kecamatan" || head[3] != "jumlah_usaha" || len(head) != 12 {
		t.Fatalf("header %v", head)
	}
	rows := map[string][]string{}
	for _, r := range recs[1:] {
		rows[r[0]] = r
	}
	if len(rows) != 29 {
		t.Errorf("%d kecamatan rows, want 29", len(rows))
	}
	// Cikande: 7 businesses, all mikro and sector C, all with NIB; the
	// kecil..unknown zeros are published, halal 0 and trained 0 too.
	if got := strings.Join(rows[cikande][3:], ","); got != "7,7,0,0,0,0,7,0,0" {
		t.Errorf("Cikande %v", rows[cikande])
	}
	if got := strings.Join(rows["36.04.05"][3:], ","); got != ",,,,,,,," {
		t.Errorf("Kramatwatu (one business) not suppressed: %v", rows["36.04.05"])
	}
	if got := strings.Join(rows["36.04.06"][3:], ","); got != "0,0,0,0,0,0,0,0,0" {
		t.Errorf("an empty kecamatan %v", rows["36.04.06"])
	}

	w = f.do(request{Method: "GET", Path: "/data/kecamatan-sektor.csv", Role: "anon"})
	recs = readCSV(t, w.Body.String())
	if strings.Join(recs[0], ",") != "kode_kecamatan,kecamatan,kategori_kbli,sektor,jumlah_usaha" || len(recs) != 1+29*21 {
		t.Fatalf("sector CSV header %v, %d records", recs[0], len(recs))
	}
	for _, r := range recs[1:] {
		switch {
		case r[0] == cikande && r[2] == "C" && r[4] != "7":
			t.Errorf("Cikande C: %v", r)
		case r[0] == "36.04.05" && r[2] == "C" && r[4] != "":
			t.Errorf("Kramatwatu C (one business) not suppressed: %v", r)
		}
	}

	w = f.do(request{Method: "GET", Path: "/data", Role: "anon"})
	body := w.Body.String()
	if w.Code != s200 || !strings.Contains(body, `href="/data/kecamatan.csv"`) || !strings.Contains(body, "Kramatwatu") {
		t.Fatalf("page: %d", w.Code)
	}
	if strings.Contains(body, "Siti Aminah") || strings.Contains(body, "Keripik") {
		t.Error("the open data page shows a name")
	}
	_, kramat, _ := strings.Cut(body, `data-code="36.04.05"`)
	kramat, _, _ = strings.Cut(kramat, "</tr>")
	if strings.Count(kramat, `class="suppressed"`) != 9 {
		t.Errorf("Kramatwatu row on the page: %s", kramat)
	}
}
