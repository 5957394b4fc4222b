package storetest

import (
	"testing"

	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

// searchFixtures stores businesses whose fields the search tests look for.
func searchFixtures(t *testing.T, s store.Store) {
	a := biz("Emping Melinjo Bu Sari", cikandeA)
	a.Brand, a.OwnerName, a.NIK, a.Phone = "Sari Rasa", "Sari Wulandari", "3604154501850001", "+6281234567890"
	b := biz("Sate Bandeng Pak Jaya", kramatwatuA)
	b.OwnerName, b.NIB, b.Phone = "Jaya Sumitra", "9120000000077", "+6285711112222"
	c := biz("Gerabah Bumijaya", cikandeB)
	c.OwnerName, c.Brand = "Ujang Suryana", "Tanah Liat"
	d := biz("Golok Ciomas Abah Entis", kramatwatuA)
	d.OwnerName = "Entis Sutisna"
	for _, x := range []*registry.Business{a, b, c, d} {
		create(t, s, x)
	}
}

// testSearch searches as a reader who sees personal data (Personal): NIK
// and phone are searched too. testSearchMasked covers the other readers.
func testSearch(t *testing.T, s store.Store) {
	searchFixtures(t, s)
	cases := []struct {
		q    string
		want []string
	}{
		{"emping", []string{"Emping Melinjo Bu Sari"}},
		{"MELINJO", []string{"Emping Melinjo Bu Sari"}},
		{"linj", []string{"Emping Melinjo Bu Sari"}},                         // substring inside a word
		{"jaya", []string{"Gerabah Bumijaya", "Sate Bandeng Pak Jaya"}},      // name or owner
		{"rasa", []string{"Emping Melinjo Bu Sari"}},                         // brand
		{"wulandari", []string{"Emping Melinjo Bu Sari"}},                    // owner
		{"tanah liat", []string{"Gerabah Bumijaya"}},                         // phrase in brand
		{"sate pak", []string{"Sate Bandeng Pak Jaya"}},                      // every word must match
		{"sate emping", nil},                                                 // …in the same business
		{"45018500", []string{"Emping Melinjo Bu Sari"}},                     // NIK fragment
		{"9120000000077", []string{"Sate Bandeng Pak Jaya"}},                 // NIB
		{"0812345", []string{"Emping Melinjo Bu Sari"}},                      // phone as typed locally
		{"812345", []string{"Emping Melinjo Bu Sari"}},                       // phone without 0
		{"+62 857-1111", []string{"Sate Bandeng Pak Jaya"}},                  // international, punctuated
		{"0857 1111 2222", []string{"Sate Bandeng Pak Jaya"}},                // spaced
		{"Go", []string{"Golok Ciomas Abah Entis"}},                          // short: prefix
		{"e", []string{"Emping Melinjo Bu Sari", "Golok Ciomas Abah Entis"}}, // prefix of name or owner
		{"zzqx", nil},
		{"50%", nil}, // LIKE wildcards are literal
		{`"`, nil},   // FTS syntax is literal
		{`em"ping`, []string{"Emping Melinjo Bu Sari"}}, // one stray character is a typo
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			listed(t, s, registry.Filter{Q: c.q, Sort: "name", Personal: true}, "search", c.want...)
		})
	}
	// With no explicit sort a search lists its matches newest first, and
	// pages through them in that order; explicit sorts still apply.
	for _, c := range []struct {
		q       string
		f       registry.Filter
		want    []string
		wantTot int
	}{
		{"", registry.Filter{Q: "e"}, []string{"Golok Ciomas Abah Entis", "Emping Melinjo Bu Sari"}, 2},
		{"", registry.Filter{Q: "jaya"}, []string{"Gerabah Bumijaya", "Sate Bandeng Pak Jaya"}, 2},
		{"", registry.Filter{Q: "sari"}, []string{"Emping Melinjo Bu Sari"}, 1},
		{"page 2", registry.Filter{Q: "jaya", PerPage: 1, Page: 2}, []string{"Sate Bandeng Pak Jaya"}, 2},
		{"past the end", registry.Filter{Q: "jaya", PerPage: 1, Page: 3}, []string{}, 2},
		{"name", registry.Filter{Q: "e", Sort: "name"}, []string{"Emping Melinjo Bu Sari", "Golok Ciomas Abah Entis"}, 2},
		{"name desc", registry.Filter{Q: "jaya", Sort: "name", Desc: true}, []string{"Sate Bandeng Pak Jaya", "Gerabah Bumijaya"}, 2},
		{"owner", registry.Filter{Q: "jaya", Sort: "owner_name"}, []string{"Sate Bandeng Pak Jaya", "Gerabah Bumijaya"}, 2},
		// …also under other filters (engines may plan these differently).
		{"sector", registry.Filter{Q: "jaya", Sector: "C"}, []string{"Gerabah Bumijaya", "Sate Bandeng Pak Jaya"}, 2},
		{"sector page 2", registry.Filter{Q: "jaya", Sector: "C", PerPage: 1, Page: 2}, []string{"Sate Bandeng Pak Jaya"}, 2},
		{"district", registry.Filter{Q: "jaya", District: cikande}, []string{"Gerabah Bumijaya"}, 1},
		{"village", registry.Filter{Q: "jaya", Village: kramatwatuA}, []string{"Sate Bandeng Pak Jaya"}, 1},
		{"village none", registry.Filter{Q: "jaya", Village: cikandeA}, []string{}, 0},
	} {
		got, total := list(t, s, c.f)
		sameNames(t, "default search order "+c.f.Q+" "+c.q, got, c.want...)
		if total != c.wantTot {
			t.Errorf("%s %s: total = %d, want %d", c.f.Q, c.q, total, c.wantTot)
		}
	}
	// Search combines with the other filters and with stats.
	got, _ := list(t, s, registry.Filter{Q: "jaya", District: kramatwatu})
	sameNames(t, "search within district", got, "Sate Bandeng Pak Jaya")
	hs, err := s.HomeStats(ctx, registry.Filter{Q: "jaya", Today: today})
	if err != nil || hs.Total != 2 {
		t.Errorf("HomeStats with search = %d, %v", hs.Total, err)
	}
	// An update is visible to search at once (the index follows the row).
	bs, _, _ := s.ListBusinesses(ctx, registry.Filter{Q: "gerabah", PerPage: 10})
	if len(bs) != 1 {
		t.Fatalf("gerabah not found")
	}
	g := bs[0]
	g.Name = "Kerajinan Tembikar"
	if err := s.UpdateBusiness(ctx, &g, nil); err != nil {
		t.Fatalf("update: %v", err)
	}
	got, _ = list(t, s, registry.Filter{Q: "gerabah"})
	sameNames(t, "old name gone", got)
	got, _ = list(t, s, registry.Filter{Q: "tembikar"})
	sameNames(t, "new name found", got, "Kerajinan Tembikar")
}

func testSearchArchived(t *testing.T, s store.Store) {
	searchFixtures(t, s)
	bs, _, _ := s.ListBusinesses(ctx, registry.Filter{Q: "golok", PerPage: 5})
	g := bs[0]
	g.Status = registry.StatusArchived
	if err := s.UpdateBusiness(ctx, &g, nil); err != nil {
		t.Fatal(err)
	}
	got, _ := list(t, s, registry.Filter{Q: "golok"})
	sameNames(t, "archived left active search", got)
	got, total := list(t, s, registry.Filter{Q: "golok", Archived: true})
	sameNames(t, "archived search", got, "Golok Ciomas Abah Entis")
	got, _ = list(t, s, registry.Filter{Q: "gotok ciomas", Archived: true})
	sameNames(t, "archived typo search", got, "Golok Ciomas Abah Entis")
	got, _ = list(t, s, registry.Filter{Q: "emping", Archived: true})
	sameNames(t, "active not in archived search", got)
	if total != 1 {
		t.Errorf("total = %d", total)
	}
	// Restoring makes it searchable again.
	g.Status = registry.StatusActive
	if err := s.UpdateBusiness(ctx, &g, nil); err != nil {
		t.Fatal(err)
	}
	got, _ = list(t, s, registry.Filter{Q: "golok"})
	sameNames(t, "restored", got, "Golok Ciomas Abah Entis")
}

func testSearchTypo(t *testing.T, s store.Store) {
	searchFixtures(t, s)
	cases := []struct {
		q    string
		want []string
	}{
		{"empimg", []string{"Emping Melinjo Bu Sari"}},   // substitution
		{"melinjjo", []string{"Emping Melinjo Bu Sari"}}, // insertion
		{"wulndari", []string{"Emping Melinjo Bu Sari"}}, // deletion
		{"bandemg", []string{"Sate Bandeng Pak Jaya"}},
		{"gotok", []string{"Golok Ciomas Abah Entis"}},  // 5 letters, middle letter wrong
		{"ciomaz", []string{"Golok Ciomas Abah Entis"}}, // last letter wrong
		{"golok cimas", []string{"Golok Ciomas Abah Entis"}},
		{"empxxg", nil}, // two typos: no match
		{"golx", nil},   // 4 letters: exact only
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			listed(t, s, registry.Filter{Q: c.q}, "typo search", c.want...)
		})
	}
	// The fallback respects the other filters.
	got, _ := list(t, s, registry.Filter{Q: "empimg", District: kramatwatu})
	sameNames(t, "typo outside district", got)
	got, total := list(t, s, registry.Filter{Q: "empimg", District: cikande})
	sameNames(t, "typo within district", got, "Emping Melinjo Bu Sari")
	if total != 1 {
		t.Errorf("typo within district: total = %d", total)
	}
}

// testSearchAfterEdit: an edited business stays findable by the words that
// did not change, and by its new words, not by the old ones.
func testSearchAfterEdit(t *testing.T, s store.Store) {
	searchFixtures(t, s)
	bs, _, _ := s.ListBusinesses(ctx, registry.Filter{Q: "golok", PerPage: 5})
	g := bs[0]
	g.NIB, g.Name = "", g.Name+" Baru"
	if err := s.UpdateBusiness(ctx, &g, nil); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"golok", "ciomas baru"} {
		got, _ := list(t, s, registry.Filter{Q: q})
		sameNames(t, "after an edit, "+q, got, "Golok Ciomas Abah Entis Baru")
	}
	g.Name = "Parang Abah Entis"
	if err := s.UpdateBusiness(ctx, &g, nil); err != nil {
		t.Fatal(err)
	}
	got, _ := list(t, s, registry.Filter{Q: "golok"})
	sameNames(t, "after a rename, the old name", got)
	got, _ = list(t, s, registry.Filter{Q: "abah entis"})
	sameNames(t, "after a rename, the unchanged words", got, "Parang Abah Entis")
}
