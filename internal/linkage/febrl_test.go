package linkage_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	. "naikkelas/internal/linkage"
	"naikkelas/internal/linkage/linktest"
)

// febrlConfig is a generic configuration for the FEBRL person records: no
// Indonesian rule is involved, only the kinds and blocking rules.
func febrlConfig() Config {
	text := NormalizeText
	fields := []Field{
		{Name: "given_name", Kind: Name, Normalize: text, TermFrequency: true},
		{Name: "surname", Kind: Name, Normalize: text, TermFrequency: true},
		{Name: "street_number", Kind: Identifier},
		{Name: "address_1", Kind: Address},
		{Name: "address_2", Kind: Address},
		{Name: "suburb", Kind: Name, Normalize: text},
		{Name: "postcode", Kind: Identifier},
		{Name: "state", Kind: Exact},
		{Name: "date_of_birth", Kind: Identifier},
		{Name: "soc_sec_id", Kind: Identifier},
	}
	const given, surname, postcode, suburb, dob, ssid = 0, 1, 6, 5, 8, 9
	return Config{Fields: fields, Blocks: []BlockRule{
		{Name: "soc_sec_id", Key: func(v []string) string { return v[ssid] }},
		{Name: "date_of_birth", Key: func(v []string) string { return v[dob] }},
		{Name: "names", Key: func(v []string) string { return Key(Prefix(v[given], 2), Prefix(v[surname], 2)) }},
		{Name: "names swapped", Key: func(v []string) string { return Key(Prefix(v[surname], 2), Prefix(v[given], 2)) }},
		{Name: "postcode+surname", Key: func(v []string) string { return Key(v[postcode], Prefix(v[surname], 1)) }},
		{Name: "suburb+given", Key: func(v []string) string { return Key(v[suburb], Prefix(v[given], 1)) }},
	}}
}

// readFEBRL reads one FEBRL file ("rec_id, given_name, …") into records
// and their entity (the N of rec-N-…).
func readFEBRL(t testing.TB, names ...string) ([]Record, []string) {
	t.Helper()
	var recs []Record
	var entity []string
	for _, name := range names {
		f, err := os.Open("testdata/febrl/" + name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Scan() // header
		for sc.Scan() {
			cells := strings.Split(sc.Text(), ", ")
			if len(cells) != 11 {
				t.Fatalf("%s: %d cells in %q", name, len(cells), sc.Text())
			}
			recs = append(recs, Record{ID: cells[0], Values: cells[1:]})
			entity = append(entity, strings.Split(cells[0], "-")[1])
		}
		f.Close()
	}
	return recs, entity
}

func TestFEBRL(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files []string
	}{
		{"dataset1", []string{"dataset1.csv"}},
		{"dataset2", []string{"dataset2.csv"}},
		{"dataset3", []string{"dataset3.csv"}},
		{"dataset4", []string{"dataset4a.csv", "dataset4b.csv"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			recs, entity := readFEBRL(t, tc.files...)
			res, err := Link(recs, febrlConfig())
			if err != nil {
				t.Fatal(err)
			}
			p, r, f1 := linktest.F1(res.Cluster, entity)
			t.Logf("%d records, %d candidates, %d clusters, precision %.4f recall %.4f F1 %.4f (EM %d iterations)",
				len(recs), res.Candidates, res.Clusters, p, r, f1, res.Model.Iterations)
			if f1 < 0.95 {
				t.Errorf("F1 %.4f, want ≥ 0.95", f1)
			}
		})
	}
}
