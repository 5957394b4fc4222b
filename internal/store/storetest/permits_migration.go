package storetest

import (
	"context"
	"testing"

	"naikkelas/internal/permits"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

// Migrating is a store that can stop its migrations at a version.
type Migrating interface {
	store.Store
	MigrateTo(ctx context.Context, last int) error
}

// fillAt brings s, unmigrated, to version and inserts items.
func fillAt(t *testing.T, s Migrating, version int, items []registry.NewBusiness) {
	t.Helper()
	if err := s.MigrateTo(ctx, version); err != nil {
		t.Fatal(err)
	}
	if err := s.InsertBatch(ctx, items); err != nil {
		t.Fatal(err)
	}
}

// PermitMigration checks the migration that turned the permit fields of a
// business into permit records: s, unmigrated, is brought to the version
// before it, filled with items (a generated demo), then migrated to the
// end. Every field must have its record, with the same number and expiry,
// and nothing else may appear.
func PermitMigration(t *testing.T, s Migrating, items []registry.NewBusiness) {
	t.Helper()
	fillAt(t, s, 13, items)
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var fields, records, halal int
	err := s.EachBusiness(ctx, registry.Filter{}, func(b *registry.Business) error {
		want := map[string][2]string{}
		if b.NIB != "" {
			want[permits.KindNIB] = [2]string{b.NIB, ""}
		}
		if b.PIRTNumber != "" {
			want[permits.KindPIRT] = [2]string{b.PIRTNumber, b.PIRTExpiresOn}
		}
		if b.BPOMNumber != "" {
			want[permits.KindBPOM] = [2]string{b.BPOMNumber, ""}
		}
		if b.HKINumber != "" {
			want[permits.KindMerek] = [2]string{b.HKINumber, ""}
		}
		if b.HalalStatus != registry.HalalNone {
			want["halal"] = [2]string{b.HalalNumber, b.HalalExpiresOn}
			halal++
		}
		fields += len(want)
		ps, err := s.PermitsOf(ctx, b.ID)
		if err != nil {
			return err
		}
		records += len(ps)
		for _, p := range ps {
			key := p.Kind
			if permits.IsHalal(p.Kind) {
				key = "halal"
				wantStatus := map[string]string{registry.HalalCertified: permits.StatusTerbit, registry.HalalInProcess: permits.StatusDiajukan}[b.HalalStatus]
				if p.Status != wantStatus {
					t.Errorf("business %d: halal %s became %s", b.ID, b.HalalStatus, p.Status)
				}
			} else if p.Status != permits.StatusTerbit {
				t.Errorf("business %d: %s status %s, want terbit", b.ID, p.Kind, p.Status)
			}
			w, ok := want[key]
			if !ok || w != [2]string{p.Number, p.ExpiresOn} {
				t.Errorf("business %d: permit %s %q %q does not match the fields (%v)", b.ID, p.Kind, p.Number, p.ExpiresOn, w)
			}
			delete(want, key)
		}
		for k := range want {
			t.Errorf("business %d: field %s has no permit record", b.ID, k)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if fields == 0 || halal == 0 || records != fields {
		t.Errorf("%d fields, %d halal, %d records: the demo should hold permits and each one a record", fields, halal, records)
	}
	t.Logf("%d businesses: %d permit fields became %d records", len(items), fields, records)
}
