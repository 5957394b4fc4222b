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
