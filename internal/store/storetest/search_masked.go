package storetest

import (
	"slices"
	"testing"

	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

// testSearchMasked searches as a reader who sees personal data masked
// (Personal false): NIK and phone are not searched at all, by substring,
// prefix, typo fallback or the archive's LIKE search, while the public
// fields (NIB included) still are.
func testSearchMasked(t *testing.T, s store.Store) {
	searchFixtures(t, s)
	const emping, sate = "Emping Melinjo Bu Sari", "Sate Bandeng Pak Jaya"
	cases := []struct {
		q                string
		masked, personal []string
	}{
		{"emping", []string{emping}, []string{emping}},
		{"9120000000077", []string{sate}, []string{sate}}, // NIB is public
		{"45018500", nil, []string{emping}},               // NIK fragment
		{"3604154501850001", nil, []string{emping}},       // whole NIK
		{"3604154501850002", nil, []string{emping}},       // NIK with one wrong digit: the typo fallback
		{"36", nil, []string{emping}},                     // short: NIK prefix
		{"0812345", nil, []string{emping}},                // phone as typed locally
		{"+62 857-1111", nil, []string{sate}},             // phone, international
		{"5711112222", nil, []string{sate}},
		{"emping 45018500", nil, []string{emping}}, // a public word does not let a personal one through
	}
	for _, c := range cases {
		got, total := list(t, s, registry.Filter{Q: c.q, Sort: "name"})
		sameNames(t, "masked search "+c.q, got, orEmpty(c.masked)...)
		if total != len(c.masked) {
			t.Errorf("masked search %q: total = %d, want %d", c.q, total, len(c.masked))
		}
		got, _ = list(t, s, registry.Filter{Q: c.q, Sort: "name", Personal: true})
		sameNames(t, "personal search "+c.q, got, orEmpty(c.personal)...)
	}
	// Statistics under a search follow the same rule.
	hs, err := s.HomeStats(ctx, registry.Filter{Q: "45018500", Today: today})
	if err != nil || hs.Total != 0 {
		t.Errorf("HomeStats of a masked NIK search = %d, %v; want 0", hs.Total, err)
	}
	// Archived businesses are searched without the index, by LIKE: same rule.
	bs, _, _ := s.ListBusinesses(ctx, registry.Filter{Q: "emping", PerPage: 5})
	a := bs[0]
	a.Status = registry.StatusArchived
	if err := s.UpdateBusiness(ctx, &a, nil); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"45018500", "3604154501850002", "0812345", "36"} {
		got, _ := list(t, s, registry.Filter{Q: q, Archived: true})
		sameNames(t, "masked archive search "+q, got)
		got, _ = list(t, s, registry.Filter{Q: q, Archived: true, Personal: true})
		sameNames(t, "personal archive search "+q, got, emping)
	}
}

func orEmpty(names []string) []string {
	if names == nil {
		return []string{}
	}
	return names
}

// testSearchMaskedTwins replays the attack of a reader who sees NIK and
// phone masked and rebuilds them digit by digit: search a prefix of the
// hidden number within the business's desa and watch whether the business
// appears, extending the prefix one digit at a time. Two businesses that
// differ only in personal data (twins) must be found together or not at
// all by every such search: what a search finds cannot depend on a hidden
// digit. An officer's search (Personal) tells the twins apart, so the
// test would notice a search that simply found nothing.
func testSearchMaskedTwins(t *testing.T, s store.Store) {
	twin := func(nik, birth, phone string) *registry.Business {
		b := biz("Kopi Kembar", cikandeA)
		b.OwnerName, b.NIK, b.OwnerGender, b.OwnerBirthDate, b.Phone = "Dewi Lestari", nik, "P", birth, phone
		return create(t, s, b)
	}
	one := twin("3604154506900003", "1990-06-05", "+6281234567890")
	two := twin("3604157112850001", "1985-12-31", "+6285799990000")
	var queries []string
	for _, secret := range []string{one.NIK, two.NIK, "081234567890", "085799990000", one.Phone, two.Phone} {
		for n := 1; n <= len(secret); n++ {
			queries = append(queries, secret[:n]) // the digit-by-digit prefixes
		}
		for i := 0; i+6 <= len(secret); i++ {
			queries = append(queries, secret[i:i+6]) // e.g. the birth date, digits 7–12 of a NIK
		}
		for i := range secret {
			if c := secret[i]; c >= '0' && c <= '9' {
				wrong := []byte(secret)
				wrong[i] = '0' + (c-'0'+1)%10
				queries = append(queries, string(wrong)) // one digit off: the typo fallback
			}
		}
	}
	found := func(f registry.Filter) (bool, bool) {
		f.PerPage, f.Today = 100, today
		bs, _, err := s.ListBusinesses(ctx, f)
		if err != nil {
			t.Fatalf("ListBusinesses(%+v): %v", f, err)
		}
		ids := make([]int64, len(bs))
		for i, b := range bs {
			ids[i] = b.ID
		}
		return slices.Contains(ids, one.ID), slices.Contains(ids, two.ID)
	}
	leaks := 0
	for _, q := range queries {
		for _, f := range []registry.Filter{{Q: q, Village: cikandeA}, {Q: q}, {Q: q, District: cikande, Sort: "name"}} {
			if a, b := found(f); a != b {
				leaks++
				if leaks <= 5 {
					t.Errorf("masked search %+v finds twin one %v, twin two %v: it depends on hidden digits", f, a, b)
				}
			}
		}
	}
	if leaks > 5 {
		t.Errorf("… %d masked searches of %d told the twins apart", leaks, len(queries)*3)
	}
	if a, b := found(registry.Filter{Q: one.NIK, Village: cikandeA, Personal: true}); !a || b {
		t.Errorf("officer's search of the first twin's NIK finds %v, %v; want only the first", a, b)
	}
}
