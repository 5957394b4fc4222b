package importer_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"naikkelas/internal/auth"
	"naikkelas/internal/importer"
	"naikkelas/internal/store"
	"naikkelas/internal/store/storetest"
)

var fixedNow = func() time.Time { return time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC) }

// openStore opens a fresh migrated SQLite store in a temporary directory.
func openStore(t testing.TB) store.Store { return storetest.OpenSQLite(t) }

func newImporter(st store.Store) *importer.Importer {
	im := importer.New(st, "36.04")
	im.Now = fixedNow
	return im
}

// runImport imports data as admin and returns the import and every row's outcome.
func runImport(t testing.TB, st store.Store, name string, data []byte, opt importer.Options) (*importer.Import, map[int]importer.RowOutcome) {
	t.Helper()
	if opt.Actor.Role == "" {
		opt.Actor = auth.Actor{UserID: 1, Username: "admin", Role: auth.Admin}
	}
	outs := map[int]importer.RowOutcome{} // by row number; the rows of several sheets share numbers
	n := 0
	opt.OnRow = func(o importer.RowOutcome) { outs[o.Row] = o; n++ }
	im := newImporter(st)
	ctx := context.Background()
	imp, err := im.Begin(ctx, name, opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := im.Run(ctx, imp, importer.Input{Name: name, R: bytes.NewReader(data), Size: int64(len(data))}, opt); err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	s := imp.Summary
	if s.Total != s.Inserted+s.Updated+s.Unchanged+s.Rejected+s.Skipped || s.Total != n {
		t.Fatalf("counts do not add up: %+v, %d outcomes", s, n)
	}
	return imp, outs
}

func cp1252(t testing.TB, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pgSchemaStore opens a migrated PostgreSQL store in a fresh schema,
// dropped when the test ends; it skips visibly without NAIKKELAS_TEST_POSTGRES.
func pgSchemaStore(tb testing.TB) store.Store {
	tb.Helper()
	st, _ := storetest.OpenPostgres(tb)
	return st
}
