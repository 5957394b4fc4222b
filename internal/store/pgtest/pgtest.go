// Package pgtest gives tests a PostgreSQL database of their own: a fresh
// schema in the database named by NAIKKELAS_TEST_POSTGRES, dropped when the
// test ends, so that test packages running in parallel never collide.
// Without the variable, or with -short, the test skips with a visible
// message.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"naikkelas/internal/store/postgres"
)

// Env names the variable that holds the test database's DSN.
const Env = "NAIKKELAS_TEST_POSTGRES"

// DSN returns the DSN in NAIKKELAS_TEST_POSTGRES, or skips the test: in
// -short mode (the fast loop) always, otherwise when the variable is empty.
func DSN(tb testing.TB) string {
	tb.Helper()
	if testing.Short() {
		tb.Skip("-short: PostgreSQL test skipped (go test ./... with NAIKKELAS_TEST_POSTGRES runs it)")
	}
	dsn := os.Getenv(Env)
	if dsn == "" {
		tb.Skip("NAIKKELAS_TEST_POSTGRES tidak diisi: uji PostgreSQL dilewati (isi dengan DSN postgres:// untuk menjalankannya)")
	}
	return dsn
}

// FreshDSN creates a new schema t_<random> and returns a DSN whose
// search_path starts with it (pg_trgm stays in public). The schema is
// dropped when the test ends. The database is not migrated yet.
func FreshDSN(tb testing.TB) string {
	tb.Helper()
	dsn := DSN(tb)
	ctx := context.Background()
	admin, err := postgres.Open(ctx, dsn)
	if err != nil {
		tb.Fatal(err)
	}
	// Installing the extension can race with another test package; the loser sees a unique violation.
	for range 3 {
		if _, err = admin.Write.ExecContext(ctx, `CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public`); err == nil {
			break
		}
	}
	if err != nil {
		admin.Close()
		tb.Fatalf("pg_trgm: %v", err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	if _, err := admin.Write.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		admin.Close()
		tb.Fatal(err)
	}
	// Registered first, so it runs last: after the test's own stores are closed.
	tb.Cleanup(func() {
		_, _ = admin.Write.ExecContext(context.Background(), `DROP SCHEMA `+schema+` CASCADE`)
		admin.Close()
	})
	u, err := url.Parse(dsn)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	return u.String()
}
