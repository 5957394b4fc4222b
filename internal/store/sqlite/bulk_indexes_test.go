package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"naikkelas/internal/registry"
	"naikkelas/internal/store/sqlstore"
)

// indexSchema returns name → CREATE statement of the indexes of the tables
// an import writes.
func indexSchema(t *testing.T, c sqlstore.Conn) map[string]string {
	t.Helper()
	out, err := sqlstore.QueryMap[string, string](context.Background(), &sqlstore.Runner{Conn: c, Dialect: dialect{}},
		"index schema", `SELECT name, COALESCE(sql, '') FROM sqlite_master
		WHERE type = 'index' AND tbl_name IN ('businesses', 'measurements', 'audit_log', 'import_businesses')`)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// indexTx opens a new store and begins a write transaction on it; before
// is its index schema.
func indexTx(t *testing.T) (s *Store, before map[string]string, tx *sql.Tx) {
	t.Helper()
	s = openIndexStore(t)
	before = indexSchema(t, s.Write)
	tx, err := s.Write.BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return s, before, tx
}

func openIndexStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "uji.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestBulkIndexesDropAndRestore checks the drop threshold, that only
// non-unique indexes (bar those the import reads or appends to) are
// dropped, and that the rebuild recreates them exactly, with fresh planner
// statistics, and puts the connection's settings back.
func TestBulkIndexesDropAndRestore(t *testing.T) {
	ctx := context.Background()
	s, before, tx := indexTx(t)
	defer tx.Rollback()
	q := &sqlstore.Runner{Conn: tx, Dialect: s.Dialect}
	b := newBulkIndexes()
	b.Before = 200_000
	for _, step := range []struct {
		n    int
		drop bool
	}{{sqlstore.BulkDropMin, false}, {sqlstore.BulkDropMin, false}, {10_000, true}} { // 50,000 = 200,000/4
		if err := b.Added(ctx, q, step.n); err != nil {
			t.Fatal(err)
		}
		if b.Dropped != step.drop {
			t.Fatalf("after %d new rows dropped = %v, want %v", b.Inserted, b.Dropped, step.drop)
		}
	}
	for name := range sqlstore.BulkKeep {
		if _, ok := before[name]; !ok {
			t.Errorf("sqlstore.BulkKeep names %s, which the schema does not have", name)
		}
	}
	during := indexSchema(t, tx)
	for name, sql := range before {
		_, kept := during[name]
		wantKept := sql == "" || strings.Contains(sql, "UNIQUE") || sqlstore.BulkKeep[name]
		if kept != wantKept {
			t.Errorf("index %s kept = %v, want %v (%s)", name, kept, wantKept, sql)
		}
	}
	if len(b.Saved) < 12 {
		t.Errorf("only %d indexes dropped", len(b.Saved))
	}
	for i := range 3 { // ANALYZE writes no statistics for an empty table
		r := &registry.Business{Name: fmt.Sprintf("Usaha %d", i), OwnerName: "Siti", VillageCode: "36.04.01.2001",
			Sector: "C", FoundedYear: 2000, Employees: 3, AnnualRevenue: 100_000_000, SizeClass: "mikro",
			SizeBasis: "revenue"}
		sqlstore.PrepareNew(r)
		if _, err := q.Exec(ctx, sqlstore.InsertBusinessSQL, sqlstore.BusinessArgs(q.Dialect, r)...); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Restore(ctx, q); err != nil {
		t.Fatal(err)
	}
	after := indexSchema(t, tx)
	if len(after) != len(before) {
		t.Fatalf("%d indexes after the rebuild, want %d", len(after), len(before))
	}
	for name, sql := range before {
		if after[name] != sql {
			t.Errorf("index %s rebuilt as %q, want %q", name, after[name], sql)
		}
	}
	var threads int
	if err := tx.QueryRowContext(ctx, `PRAGMA threads`).Scan(&threads); err != nil || threads != runtime.NumCPU() {
		t.Errorf("threads during the rebuild = %d (%v), want %d", threads, err, runtime.NumCPU())
	}
	b.untune(ctx, tx.ExecContext)
	var tempStore int
	if err := tx.QueryRowContext(ctx, `PRAGMA temp_store`).Scan(&tempStore); err != nil || tempStore != 2 {
		t.Errorf("temp_store after the rebuild = %d (%v), want 2 (MEMORY)", tempStore, err)
	}
	var cache int
	if err := tx.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&cache); err != nil || cache != -65536 {
		t.Errorf("cache_size after the rebuild = %d (%v), want -65536", cache, err)
	}
	var stats int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_stat1 WHERE idx = 'ix_businesses_name'`).
		Scan(&stats); err != nil || stats != 1 {
		t.Errorf("statistics of ix_businesses_name: %d rows, %v", stats, err)
	}
}

// TestBulkIndexesRollback checks that a failed or abandoned import leaves
// every index in place: the drops belong to the import's transaction.
func TestBulkIndexesRollback(t *testing.T) {
	ctx := context.Background()
	s, before, tx := indexTx(t)
	b := newBulkIndexes()
	if err := b.Added(ctx, &sqlstore.Runner{Conn: tx, Dialect: s.Dialect}, sqlstore.BulkDropMin); err != nil || !b.Dropped {
		t.Fatalf("dropped = %v, %v", b.Dropped, err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	after := indexSchema(t, s.Write)
	if len(after) != len(before) {
		t.Fatalf("%d indexes after the rollback, want %d", len(after), len(before))
	}
}

// TestNewDatabasePageSize checks that a new database gets 16 KB pages: a
// million-business import writes and rereads a quarter as many pages as
// with SQLite's default 4 KB.
func TestNewDatabasePageSize(t *testing.T) {
	s := openIndexStore(t)
	var size int
	var mode string
	if err := s.Write.QueryRowContext(context.Background(), `PRAGMA page_size`).Scan(&size); err != nil || size != 16384 {
		t.Errorf("page_size = %d (%v), want 16384", size, err)
	}
	if err := s.Read.QueryRowContext(context.Background(), `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q (%v), want wal", mode, err)
	}
}

// TestInsertBatchRebuildsIndexes checks that a batch large enough to drop
// the indexes (the demo's) leaves them all in place, with statistics, and
// the rows findable through them and through search.
func TestInsertBatchRebuildsIndexes(t *testing.T) {
	ctx := context.Background()
	s := openIndexStore(t)
	before := indexSchema(t, s.Write)
	items := make([]registry.NewBusiness, sqlstore.BulkDropMin)
	for i := range items {
		items[i].Business = &registry.Business{Name: fmt.Sprintf("Usaha Batch %d", i), OwnerName: "Siti",
			VillageCode: "36.04.01.2001", Sector: "C", FoundedYear: 2000, Employees: 3, AnnualRevenue: int64(i) * 1000,
			SizeClass: "mikro", SizeBasis: "revenue"}
	}
	if err := s.InsertBatch(ctx, items); err != nil {
		t.Fatal(err)
	}
	after := indexSchema(t, s.Write)
	if len(after) != len(before) {
		t.Fatalf("%d indexes after the batch, want %d", len(after), len(before))
	}
	for name, sql := range before {
		if after[name] != sql {
			t.Errorf("index %s is %q after the batch, want %q", name, after[name], sql)
		}
	}
	var stats, n int
	if err := s.Write.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_stat1 WHERE idx = 'ix_businesses_district'`).
		Scan(&stats); err != nil || stats != 1 {
		t.Errorf("statistics of ix_businesses_district: %d rows, %v", stats, err)
	}
	if err := s.Read.QueryRowContext(ctx, `SELECT COUNT(*) FROM businesses INDEXED BY ix_businesses_revenue
		WHERE status = 'active' AND annual_revenue >= 1000000`).Scan(&n); err != nil || n != sqlstore.BulkDropMin-1000 {
		t.Errorf("rows through the rebuilt index: %d, %v", n, err)
	}
	if err := s.Read.QueryRowContext(ctx, `SELECT COUNT(*) FROM businesses_fts WHERE businesses_fts MATCH '"Batch 19999"'`).
		Scan(&n); err != nil || n != 1 {
		t.Errorf("search for one batch row: %d, %v", n, err)
	}
}
