package importer_test

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"naikkelas/internal/auth"
	"naikkelas/internal/importer"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
	"naikkelas/internal/store/engine"
	"naikkelas/internal/store/pgtest"
	"naikkelas/internal/store/postgres"
	"naikkelas/internal/store/sqlstore"
)

// TestPostgresImportRoundTrip runs the messy CSV, the re-import and the
// export round trip on PostgreSQL.
func TestPostgresImportRoundTrip(t *testing.T) {
	st := pgSchemaStore(t)
	imp, outs := runImport(t, st, "kec-cikande.csv", cp1252(t, messyCSV), importer.Options{Source: "Daftar Kec. Cikande 2025"})
	checkRows(t, outs, csvWants)
	if !reflect.DeepEqual(imp.Summary, importer.Summary{Total: 10, Inserted: 2, Rejected: 8, DuplicatesInFile: 1}) {
		t.Fatalf("summary %+v", imp.Summary)
	}
	again, _ := runImport(t, st, "kec-cikande.csv", cp1252(t, messyCSV), importer.Options{Source: "Daftar Kec. Cikande 2025"})
	if again.Summary.Unchanged != 2 || again.Summary.Inserted+again.Summary.Updated != 0 {
		t.Errorf("re-import %+v", again.Summary)
	}
	svc := registry.NewService(st, "36.04")
	seed(t, svc)
	var buf bytes.Buffer
	if err := importer.WriteXLSX(&buf, region.All(), func(fn func(*registry.Business) error) error {
		return svc.Each(context.Background(), auth.System, registry.Filter{}, fn)
	}); err != nil {
		t.Fatal(err)
	}
	rt, _ := runImport(t, st, "export.xlsx", buf.Bytes(), importer.Options{})
	if rt.Summary.Total != 5 || rt.Summary.Unchanged != 5 {
		t.Errorf("round trip %+v", rt.Summary)
	}
	if rep, err := st.ImportReport(context.Background(), imp.ID); err != nil || len(rep) == 0 {
		t.Errorf("report: %d bytes, %v", len(rep), err)
	}
}

// TestPostgresBulkImport imports a file large enough to drop the secondary
// indexes (sqlstore.BulkIndexes) into an empty PostgreSQL registry: a dry
// run first, which drops nothing (it would lock the registry only to roll
// back) and leaves the registry empty, then the real import, after which
// every index and constraint is back as it was and search and filtered
// lists find the rows.
func TestPostgresBulkImport(t *testing.T) {
	st := pgSchemaStore(t)
	indexes := func() map[string]string { return pgSchemaObjects(t, st) }
	before := indexes()
	if _, ok := before["ix_businesses_search"]; !ok || len(before) < 20 {
		t.Fatalf("unexpected schema: %d indexes", len(before))
	}
	n := sqlstore.BulkDropMin
	var csv bytes.Buffer
	if err := writeGenCSV(&csv, n); err != nil {
		t.Fatal(err)
	}
	// locked reports, from another connection, whether some transaction
	// holds businesses exclusively (the bulk mode's DROP INDEX).
	db := st.(*postgres.Store).DB
	locked := false
	watch := func(importer.Progress) {
		var n int
		if err := db.Read.QueryRow(`SELECT COUNT(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
			WHERE c.relname = 'businesses' AND c.relnamespace = current_schema()::regnamespace
			AND l.mode = 'AccessExclusiveLock' AND l.granted`).Scan(&n); err != nil {
			t.Error(err)
		}
		locked = locked || n > 0
	}
	dry, _ := runImport(t, st, "bulk.csv", csv.Bytes(), importer.Options{DryRun: true, OnProgress: watch})
	if dry.Summary.Inserted != n || locked {
		t.Fatalf("dry run %+v, registry locked: %v", dry.Summary, locked)
	}
	if got := indexes(); !maps.Equal(got, before) {
		t.Fatalf("indexes after the dry run:\n%v\nwant\n%v", got, before)
	}
	svc := registry.NewService(st, "36.04")
	if _, total, err := svc.List(context.Background(), auth.System, registry.Filter{}); err != nil || total != 0 {
		t.Fatalf("registry after the dry run: %d businesses, %v", total, err)
	}
	imp, _ := runImport(t, st, "bulk.csv", csv.Bytes(), importer.Options{OnProgress: watch})
	if imp.Summary.Inserted != n || !locked {
		t.Fatalf("import %+v, bulk mode (registry locked): %v", imp.Summary, locked)
	}
	if got := indexes(); !maps.Equal(got, before) {
		t.Fatalf("indexes after the import:\n%v\nwant\n%v", got, before)
	}
	items, total, err := svc.List(context.Background(), auth.System, registry.Filter{Q: "Pemilik 12345"})
	if err != nil || total != 1 || items[0].Name != "Usaha Maju 12345" {
		t.Errorf("search after the import: %d found, %v", total, err)
	}
	district := region.All().Villages("36.04")[0].Code[:8]
	if _, total, err := svc.List(context.Background(), auth.System, registry.Filter{District: district}); err != nil || total == 0 {
		t.Errorf("kecamatan %s after the import: %d businesses, %v", district, total, err)
	}
}

// pgSchemaObjects returns the indexes and constraints of the store's schema
// with their definitions.
func pgSchemaObjects(t *testing.T, st store.Store) map[string]string {
	t.Helper()
	out, err := sqlstore.QueryMap[string, string](context.Background(), st.(*postgres.Store).Reader(), "schema objects",
		`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()
		UNION ALL SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
		WHERE connamespace = current_schema()::regnamespace`)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPostgresCrashAfterIndexDrop kills a bulk PostgreSQL import (child
// process, SIGKILL) after it has dropped the indexes and foreign keys and
// written more rows, and checks that the registry, its indexes and its
// constraints are exactly as before.
func TestPostgresCrashAfterIndexDrop(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: 40,000-row crash test skipped (go test ./... runs it)")
	}
	dsn := pgtest.FreshDSN(t)
	st, err := engine.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var small bytes.Buffer
	if err := writeGenCSV(&small, 300); err != nil {
		t.Fatal(err)
	}
	runImport(t, st, "awal.csv", small.Bytes(), importer.Options{})
	before, objects := registryDigest(t, st), pgSchemaObjects(t, st)
	if _, ok := objects["measurements_business_id_fkey"]; !ok {
		t.Fatalf("unexpected schema: %v", objects)
	}
	var big bytes.Buffer
	if err := writeGenCSV(&big, 40000); err != nil {
		t.Fatal(err)
	}
	bigPath := filepath.Join(t.TempDir(), "besar.csv")
	if err := os.WriteFile(bigPath, big.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	killImportAfter(t, dsn, bigPath, 30000) // batches of 10,000: the drop came with the second
	if after := registryDigest(t, st); after != before {
		t.Fatal("the registry changed after the import was killed")
	}
	if after := pgSchemaObjects(t, st); !maps.Equal(after, objects) {
		t.Fatalf("indexes and constraints after the crash:\n%v\nwant:\n%v", after, objects)
	}
}
