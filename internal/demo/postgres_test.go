package demo

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	"naikkelas/internal/programs"
	"naikkelas/internal/store"
	"naikkelas/internal/store/postgres"
)

// openPostgres opens a store on a fresh schema t_<random> of the database in
// NAIKKELAS_TEST_POSTGRES, dropped when the test ends, or skips.
func openPostgres(tb testing.TB) store.Store {
	tb.Helper()
	dsn := os.Getenv("NAIKKELAS_TEST_POSTGRES")
	if dsn == "" {
		tb.Skip("NAIKKELAS_TEST_POSTGRES tidak diisi: uji demo di PostgreSQL dilewati")
	}
	ctx := context.Background()
	admin, err := postgres.Open(ctx, dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { admin.Close() })
	for range 3 { // creating the extension can race with other test packages
		if _, err = admin.Write.ExecContext(ctx, `CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public`); err == nil {
			break
		}
	}
	if err != nil {
		tb.Fatalf("pg_trgm: %v", err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	if _, err := admin.Write.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { admin.Write.ExecContext(context.Background(), `DROP SCHEMA `+schema+` CASCADE`) })
	u, err := url.Parse(dsn)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	st, err := store.Open(ctx, u.String())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

func TestLoadOnPostgres(t *testing.T) {
	ctx := context.Background()
	st := openPostgres(t)
	accounts, err := Load(ctx, st, Options{Count: 12000})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := st.CountBusinesses(ctx); err != nil || n != 12000 {
		t.Fatalf("%d businesses (%v), want 12000", n, err)
	}
	if len(accounts) != 4 {
		t.Fatalf("%d accounts, want 4", len(accounts))
	}
	// the October 2025 cohort runs through the programmes service on this engine too
	list, _, err := st.ListPrograms(ctx, programs.ProgramFilter{Status: programs.StatusFinished})
	if err != nil || len(list) != 1 {
		t.Fatalf("finished programmes %+v (%v)", list, err)
	}
	certs, err := st.ListCertificates(ctx, list[0].ID)
	if rec, e := st.GetSelection(ctx, list[0].ID); err != nil || e != nil || len(certs) != cohortSize-cohortDropouts || !rec.Published {
		t.Fatalf("%d certificates (%v), selection %v", len(certs), err, e)
	}
}

// BenchmarkDemoLoadPostgres is BenchmarkDemoLoad on PostgreSQL.
func BenchmarkDemoLoadPostgres(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		st := openPostgres(b)
		b.StartTimer()
		start := time.Now()
		if _, err := Load(ctx, st, Options{}); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "s/load")
	}
}
