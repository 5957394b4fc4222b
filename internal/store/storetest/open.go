package storetest

import (
	"context"
	"path/filepath"
	"testing"

	"naikkelas/internal/store/pgtest"
	"naikkelas/internal/store/postgres"
	"naikkelas/internal/store/sqlite"
)

// OpenSQLite opens a fresh, migrated SQLite store in a temporary directory;
// it is closed when the test ends. Tests of any package use it (and
// OpenPostgres) instead of opening stores their own way.
func OpenSQLite(tb testing.TB) *sqlite.Store {
	tb.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "uji.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	if err := s.Migrate(context.Background()); err != nil {
		tb.Fatal(err)
	}
	return s
}

// OpenPostgres opens a fresh, migrated PostgreSQL store on a schema of its
// own (pgtest.FreshDSN), closed when the test ends, and returns it with the
// schema's DSN. Without NAIKKELAS_TEST_POSTGRES, or with -short, the test
// skips with a message.
func OpenPostgres(tb testing.TB) (*postgres.Store, string) {
	tb.Helper()
	dsn := pgtest.FreshDSN(tb)
	s, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	if err := s.Migrate(context.Background()); err != nil {
		tb.Fatal(err)
	}
	return s, dsn
}
