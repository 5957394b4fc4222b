package postgres_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/demo"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
	"naikkelas/internal/store/engine"
	"naikkelas/internal/store/pgtest"
	"naikkelas/internal/store/postgres"
	"naikkelas/internal/store/storetest"
)

// testDSN returns the DSN from NAIKKELAS_TEST_POSTGRES or skips the test.
func testDSN(t testing.TB) string { return pgtest.DSN(t) }

// openFresh opens a store on its own new schema, migrated, dropped when the test ends.
func openFresh(t testing.TB) *postgres.Store {
	t.Helper()
	s, _ := openFreshDSN(t)
	return s
}

// openFreshDSN is openFresh that also returns the DSN of the new schema.
func openFreshDSN(t testing.TB) (*postgres.Store, string) { return storetest.OpenPostgres(t) }

func TestProductMigration(t *testing.T) {
	testDSN(t)
	s := openFresh(t)
	storetest.TestProductMigration(t, s, s.DB)
}

func TestStoreSuite(t *testing.T) {
	testDSN(t)
	storetest.Run(t, func(t *testing.T) store.Store { return openFresh(t) })
}

func TestOpenThroughStore(t *testing.T) {
	_, dsn := openFreshDSN(t)
	ctx := context.Background()
	st, err := engine.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("engine.Open: %v", err)
	}
	defer st.Close()
	if st.Engine() != "postgres" {
		t.Errorf("Engine = %q", st.Engine())
	}
}

func TestOpenUnreachable(t *testing.T) {
	_, err := engine.Open(context.Background(), "postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
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

// TestLockWaitIsBusy checks that a request that waits for a lock longer
// than lock_timeout (here 300 ms, from the DSN) gets the store's "busy"
// conflict instead of hanging: what a web reader sees while a bulk import
// holds the registry. The import itself waits (SET LOCAL lock_timeout = 0).
func TestLockWaitIsBusy(t *testing.T) {
	_, dsn := openFreshDSN(t)
	ctx := context.Background()
	st, err := postgres.Open(ctx, dsn+"&lock_timeout=300ms")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	holder, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	tx, err := holder.Write.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `LOCK TABLE businesses IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, _, err = st.ListBusinesses(ctx, registry.Filter{})
	if err == nil {
		t.Fatal("list while the table is locked: no error")
	}
	if mapped := st.MapError(err); !apperr.Is(mapped, apperr.Conflict) || !strings.Contains(apperr.MessageOf(mapped), "sibuk") {
		t.Fatalf("list while the table is locked: %v, mapped to %v", err, mapped)
	}
	if waited := time.Since(start); waited > 5*time.Second {
		t.Errorf("waited %s for the lock", waited)
	}
}

// TestPermitMigration fills a database as it was before permits were
// records with a generated demo (loaded with COPY), then migrates it.
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
func openUnmigrated(t *testing.T) *postgres.Store {
	s, err := postgres.Open(context.Background(), pgtest.FreshDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestCountsProperty(t *testing.T) {
	testDSN(t)
	s := openFresh(t)
	storetest.CountsProperty(t, s, s.DB, 10, 30)
}
