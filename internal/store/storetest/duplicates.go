package storetest

import (
	"fmt"
	"testing"
	"time"

	"naikkelas/internal/audit"
	"naikkelas/internal/duplicates"
	"naikkelas/internal/importer"
	"naikkelas/internal/store"
)

// testDuplicateDismissals: a pair judged "bukan duplikat" is remembered
// once, audited once, and a repeated judgement is no error and no second
// audit entry.
func testDuplicateDismissals(t *testing.T, s store.Store) {
	a := create(t, s, biz("Emping Bu Enah", cikandeA))
	b := create(t, s, biz("Emping Melinjo Enah", cikandeA))
	c := create(t, s, biz("Sate Bandeng", kramatwatuA))
	if got, err := s.DismissedPairs(ctx); err != nil || len(got) != 0 {
		t.Fatalf("DismissedPairs on an empty store: %v, %v", got, err)
	}
	at := time.Date(2026, 6, 1, 3, 0, 0, 0, time.UTC)
	entry := func(x, y int64) *audit.Entry {
		return &audit.Entry{Username: "uji", Action: "not_duplicate", Entity: "business", EntityID: x,
			After: []byte(fmt.Sprintf(`{"a":%d,"b":%d}`, x, y))}
	}
	for range 2 {
		if err := s.DismissPair(ctx, a.ID, b.ID, "uji", at, entry(a.ID, b.ID)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DismissPair(ctx, a.ID, c.ID, "uji", at, entry(a.ID, c.ID)); err != nil {
		t.Fatal(err)
	}
	got, err := s.DismissedPairs(ctx)
	if err != nil || fmt.Sprint(got) != fmt.Sprint([][2]int64{{a.ID, b.ID}, {a.ID, c.ID}}) {
		t.Fatalf("DismissedPairs = %v, %v", got, err)
	}
	entries, _, err := s.ListAudit(ctx, audit.Filter{Entity: "business", EntityID: a.ID})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.Action == "not_duplicate" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d not_duplicate audit entries, want 2 (a repeat is not audited)", n)
	}
	if err := s.DismissPair(ctx, b.ID, a.ID, "uji", at, entry(b.ID, a.ID)); err == nil {
		t.Error("a pair in the wrong order was stored")
	}
}

// testDuplicateQueue: the pairs an import queued for review are listed by
// the kecamatan of either business until the pair is dismissed or one of
// them is merged; undoing the merge brings the pair back.
func testDuplicateQueue(t *testing.T, s store.Store) {
	enah := create(t, s, biz("Emping Melinjo Bu Enah", cikandeA))
	sate := create(t, s, biz("Sate Bandeng", kramatwatuA))
	imp := &importer.Import{Source: "Pelatihan", FileName: "pelatihan.csv", Username: "uji", Status: importer.StatusDone}
	if err := s.CreateImport(ctx, imp); err != nil {
		t.Fatal(err)
	}
	moved := biz("EMPING MLINJO IBU ENAH", kramatwatuA) // another kecamatan than the stored one
	twin := biz("SATE BANDENG", kramatwatuA)
	plain := biz("Kopi Robusta Mang Dadang", cikandeA)
	err := s.RunImport(ctx, imp, true, func(tx importer.Tx) error {
		return tx.Apply(ctx, imp.ID, []importer.Change{
			{Action: importer.Inserted, Business: moved, Review: &importer.Likely{BusinessID: enah.ID, Probability: 0.93}},
			{Action: importer.Inserted, Business: twin, Review: &importer.Likely{BusinessID: sate.ID, Probability: 0.97}},
			{Action: importer.Inserted, Business: plain},
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	both := fmt.Sprint([]duplicates.Queued{{A: enah.ID, B: moved.ID, Probability: 0.93, ImportID: imp.ID},
		{A: sate.ID, B: twin.ID, Probability: 0.97, ImportID: imp.ID}})
	for district, want := range map[string]string{"": both, kramatwatu: both,
		cikande:    fmt.Sprint([]duplicates.Queued{{A: enah.ID, B: moved.ID, Probability: 0.93, ImportID: imp.ID}}),
		"36.04.01": "[]"} {
		got, err := s.QueuedPairs(ctx, district)
		if err != nil || fmt.Sprint(got) != want {
			t.Errorf("QueuedPairs(%q) = %v, %v\nwant %s", district, got, err, want)
		}
	}

	at := time.Date(2026, 6, 1, 3, 0, 0, 0, time.UTC)
	if err := s.DismissPair(ctx, enah.ID, moved.ID, "uji", at, &audit.Entry{Username: "uji", Action: "not_duplicate",
		Entity: "business", EntityID: enah.ID}); err != nil {
		t.Fatal(err)
	}
	kept, err := s.GetBusiness(ctx, sate.ID)
	if err != nil {
		t.Fatal(err)
	}
	m := &duplicates.Merge{KeptID: sate.ID, MergedID: twin.ID, MergedBy: "uji", MergedAt: at}
	if err := s.MergeBusinesses(ctx, kept, m, &audit.Entry{Username: "uji", Action: "merge", Entity: "business",
		EntityID: sate.ID}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.QueuedPairs(ctx, ""); err != nil || len(got) != 0 {
		t.Errorf("after the dismissal and the merge: %v, %v", got, err)
	}
	if _, err := s.UndoMerge(ctx, m.ID, "uji", at, &audit.Entry{Username: "uji", Action: "merge_undo", Entity: "business",
		EntityID: sate.ID}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.QueuedPairs(ctx, ""); err != nil || len(got) != 1 || got[0].B != twin.ID {
		t.Errorf("after the merge was undone: %v, %v", got, err)
	}
}
