package storetest

import (
	"fmt"
	"testing"
	"time"

	"naikkelas/internal/audit"
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
