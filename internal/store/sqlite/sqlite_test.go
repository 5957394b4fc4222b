package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"naikkelas/internal/demo"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
	"naikkelas/internal/store/engine"
	"naikkelas/internal/store/sqlite"
	"naikkelas/internal/store/storetest"
)

func openTemp(t testing.TB) *sqlite.Store { return storetest.OpenSQLite(t) }

func TestProductMigration(t *testing.T) {

	s := openTemp(t)
	storetest.TestProductMigration(t, s, s.DB)
}

func TestStoreSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

func TestPragmas(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	var mode string
	var fk, busy, sync int
	for _, pool := range []string{"read", "write"} {
		db := s.Read
		if pool == "write" {
			db = s.Write
		}
		if err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("%s journal_mode = %q, %v", pool, mode, err)
		}
		if err := db.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
			t.Errorf("%s foreign_keys = %d, %v", pool, fk, err)
		}
		if err := db.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&busy); err != nil || busy < 1000 {
			t.Errorf("%s busy_timeout = %d, %v", pool, busy, err)
		}
		if err := db.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync); err != nil || sync != 1 {
			t.Errorf("%s synchronous = %d, %v (want 1 = NORMAL)", pool, sync, err)
		}
	}
	if n := s.Write.Stats().MaxOpenConnections; n != 1 {
		t.Errorf("write pool allows %d connections, want 1", n)
	}
}

func TestBackup(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	b := &registry.Business{Name: "Batik Banten", OwnerName: "Ratu", VillageCode: "36.04.15.2001"}
	if err := s.CreateBusiness(ctx, b, nil, nil); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "cadangan.db")
	if err := s.Backup(ctx, path); err != nil {
		t.Fatalf("Backup: %v", err)
	}
	if err := s.Backup(ctx, path); err == nil {
		t.Error("Backup over an existing file should fail")
	}
	copyStore, err := engine.Open(ctx, path)
	if err != nil {
		t.Fatalf("open backup: %v", err)
	}
	defer copyStore.Close()
	got, err := copyStore.GetBusiness(ctx, b.ID)
	if err != nil || got.Name != "Batik Banten" {
		t.Errorf("backup holds %+v, %v", got, err)
	}
	bs, total, err := copyStore.ListBusinesses(ctx, registry.Filter{Q: "batik", PerPage: 10})
	if err != nil || total != 1 || len(bs) != 1 {
		t.Errorf("search in backup: %d, %v", total, err)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	if _, err := engine.Open(ctx, filepath.Join(t.TempDir(), "tidak", "ada", "x.db")); err == nil {
		t.Error("opening a file in a missing folder should fail")
	}
	notDB := filepath.Join(t.TempDir(), "bukan.db")
	if err := os.WriteFile(notDB, []byte("ini bukan database sqlite, hanya teks biasa yang cukup panjang"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := engine.Open(ctx, notDB); err == nil {
		t.Error("opening a text file should fail")
	}
}

// TestPermitMigration fills a database as it was before permits were
// records with a generated demo, then migrates it.
func TestPermitMigration(t *testing.T) {
	storetest.PermitMigration(t, openUnmigrated(t), demo.Generate(demo.Options{Count: 3000}))
}

// TestYearSpanMigration writes to a database as it was before the counts
// of several years, then migrates it.
func TestYearSpanMigration(t *testing.T) { storetest.YearSpanMigration(t, openUnmigrated(t)) }

// TestStockMigration fills a database as it was before the class flows,
// then migrates it.
func TestStockMigration(t *testing.T) { storetest.StockMigration(t, openUnmigrated(t)) }

// openUnmigrated opens a new database without migrating it.
func openUnmigrated(t *testing.T) *sqlite.Store {
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "lama.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestCountsProperty(t *testing.T) {
	s := openTemp(t)
	storetest.CountsProperty(t, s, s.DB, 20, 30)
}
