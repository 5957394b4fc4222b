package storetest

import (
	"fmt"
	"testing"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

// batch returns n new businesses, each with two measurements given out of
// order and an audit entry.
func batch(n, from int) []registry.NewBusiness {
	items := make([]registry.NewBusiness, n)
	for i := range items {
		k := from + i
		b := biz(fmt.Sprintf("Usaha Batch %05d", k), cikandeA)
		b.NIB = fmt.Sprintf("91%011d", k)
		items[i] = registry.NewBusiness{
			Business: b,
			Measurements: []registry.Measurement{
				{Year: 2025, AnnualRevenue: registry.Known(3_000_000_000), Employees: 9, Source: "impor-2025"},
				{Year: 2024, AnnualRevenue: registry.Known(400_000_000), Employees: 3, Source: "impor-2024"},
			},
			Audit: &audit.Entry{Username: "sistem", Action: audit.Create, Entity: "business"},
		}
	}
	return items
}

func testInsertBatch(t *testing.T, s store.Store) {
	items := batch(50, 1)
	if err := s.InsertBatch(ctx, items); err != nil {
		t.Fatalf("InsertBatch: %v", err)
	}
	b := items[10].Business
	if b.ID == 0 || b.Version != 1 || b.CreatedAt.IsZero() || items[10].Audit.EntityID != b.ID {
		t.Fatalf("batch did not set bookkeeping: %+v", b)
	}
	got, err := s.GetBusiness(ctx, b.ID)
	if err != nil || got.Name != "Usaha Batch 00011" || got.DistrictCode != cikande {
		t.Fatalf("GetBusiness = %+v, %v", got, err)
	}
	// The latest measurement (2025), not the last given, mirrors onto the business.
	if got.AnnualRevenue != 3_000_000_000 || got.Employees != 9 || got.SizeClass != registry.Kecil || got.SizeBasis != registry.BasisRevenue {
		t.Errorf("mirrored = revenue %d employees %d class %q basis %q", got.AnnualRevenue, got.Employees, got.SizeClass, got.SizeBasis)
	}
	ms, err := s.ListMeasurements(ctx, b.ID)
	if err != nil || len(ms) != 2 || ms[0].Year != 2024 || ms[0].SizeClass != registry.Mikro || ms[1].Source != "impor-2025" {
		t.Errorf("ledger = %+v, %v", ms, err)
	}
	if n, _ := s.CountBusinesses(ctx); n != 50 {
		t.Errorf("CountBusinesses = %d", n)
	}
	if _, total, _ := s.ListAudit(ctx, audit.Filter{Entity: "business"}); total != 50 {
		t.Errorf("audit entries = %d", total)
	}
	if names, _ := list(t, s, registry.Filter{Q: "batch 00011"}); len(names) != 1 {
		t.Errorf("batch rows not searchable: %v", names)
	}
	if err := s.InsertBatch(ctx, nil); err != nil {
		t.Errorf("empty batch: %v", err)
	}
}

func testInsertBatchAtomic(t *testing.T, s store.Store) {
	create(t, s, biz("Sudah Ada", cikandeB))
	items := batch(30, 1)
	items[20].Business.NIB = items[3].Business.NIB // one bad row in the middle
	err := s.InsertBatch(ctx, items)
	wantCode(t, err, apperr.Conflict)
	if n, _ := s.CountBusinesses(ctx); n != 1 {
		t.Errorf("CountBusinesses = %d after a failed batch, want 1", n)
	}
	if _, total, _ := s.ListAudit(ctx, audit.Filter{}); total != 1 {
		t.Errorf("audit entries = %d after a failed batch, want 1", total)
	}
	if names, total := list(t, s, registry.Filter{Q: "batch"}); total != 0 {
		t.Errorf("failed batch left searchable rows: %v", names)
	}
	bad := batch(3, 100)
	bad[2].Measurements[0].AnnualRevenue = registry.Known(-1)
	wantCode(t, s.InsertBatch(ctx, bad), apperr.Invalid)
	if n, _ := s.CountBusinesses(ctx); n != 1 {
		t.Errorf("CountBusinesses = %d after a batch with a bad measurement", n)
	}
	// The store still works after the failed batches.
	if err := s.InsertBatch(ctx, batch(5, 200)); err != nil {
		t.Fatalf("InsertBatch after failure: %v", err)
	}
	if n, _ := s.CountBusinesses(ctx); n != 6 {
		t.Errorf("CountBusinesses = %d, want 6", n)
	}
}
