package demo

import (
	"context"
	"testing"
	"time"

	"naikkelas/internal/programs"
	"naikkelas/internal/store"
	"naikkelas/internal/store/storetest"
)

// openPostgres opens a store on a fresh schema of the database in
// NAIKKELAS_TEST_POSTGRES, dropped when the test ends, or skips.
func openPostgres(tb testing.TB) store.Store {
	tb.Helper()
	st, _ := storetest.OpenPostgres(tb)
	return st
}

func TestLoadOnPostgres(t *testing.T) {
	ctx := context.Background()
	st := openPostgres(t)
	accounts := loadDemo(t, st, 12000)
	if len(accounts) != 9 {
		t.Fatalf("%d accounts, want 9", len(accounts))
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
