package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"naikkelas/internal/store"
	"naikkelas/internal/store/postgres"
	"naikkelas/internal/store/storetest"
)

// testDSN returns the DSN from NAIKKELAS_TEST_POSTGRES or skips the test.
func testDSN(t testing.TB) string {
	dsn := os.Getenv("NAIKKELAS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("NAIKKELAS_TEST_POSTGRES tidak diisi: uji PostgreSQL dilewati (isi dengan DSN postgres:// untuk menjalankannya)")
	}
	return dsn
}

// openFresh opens a store on its own new schema t_<random>, migrated, and
// drops the schema when the test ends. pg_trgm lives in public.
func openFresh(t testing.TB) *postgres.Store {
	t.Helper()
	s, _ := openFreshDSN(t)
	return s
}

// openFreshDSN is openFresh that also returns the DSN of the new schema.
func openFreshDSN(t testing.TB) (*postgres.Store, string) {
	t.Helper()
	dsn := testDSN(t)
	ctx := context.Background()
	admin, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	// Installing the extension can race with another test package; the loser sees a unique violation.
	for i := 0; i < 3; i++ {
		if _, err = admin.Write.ExecContext(ctx, `CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public`); err == nil {
			break
		}
	}
	if err != nil {
		t.Fatalf("pg_trgm: %v", err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	if _, err := admin.Write.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Write.ExecContext(context.Background(), `DROP SCHEMA `+schema+` CASCADE`) })
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	s, err := postgres.Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return s, u.String()
}

func TestStoreSuite(t *testing.T) {
	testDSN(t)
	storetest.Run(t, func(t *testing.T) store.Store { return openFresh(t) })
}

func TestOpenThroughStore(t *testing.T) {
	_, dsn := openFreshDSN(t)
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	defer st.Close()
	if st.Engine() != "postgres" {
		t.Errorf("Engine = %q", st.Engine())
	}
}

func TestOpenUnreachable(t *testing.T) {
	_, err := store.Open(context.Background(), "postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	if err == nil {
		t.Fatal("expected an error for an unreachable server")
	}
	if msg := err.Error(); len(msg) == 0 || containsNewline(msg) {
		t.Errorf("error should be one line: %q", msg)
	}
}

func containsNewline(s string) bool {
	for _, r := range s {
		if r == '\n' {
			return true
		}
	}
	return false
}
