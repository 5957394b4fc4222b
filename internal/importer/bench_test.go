package importer_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"naikkelas/internal/auth"
	"naikkelas/internal/importer"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
	"naikkelas/internal/store/postgres"
	"naikkelas/internal/store/sqlite"
	"naikkelas/internal/store/sqlstore"
)

// Benchmarks (figures in the closing note of issue 3):
//
//	go test -run '^$' -bench . -benchtime 1x ./internal/importer/
//	NAIKKELAS_BENCH_LARGE=1 go test -run '^$' -bench Large -benchtime 1x -timeout 30m ./internal/importer/
//
// Each import benchmark also times a plain loop of prepared INSERTs of the
// same businesses in one transaction (the practical limit) and reports the
// ratio.

func importFile(b *testing.B, st store.Store, name string, in importer.Input) *importer.Import {
	im := importer.New(st, "36.04")
	opt := importer.Options{Actor: auth.Actor{Username: "bench", Role: auth.Admin}}
	imp, err := im.Begin(context.Background(), name, opt)
	if err != nil {
		b.Fatal(err)
	}
	if err := im.Run(context.Background(), imp, in, opt); err != nil {
		b.Fatal(err)
	}
	return imp
}

// plainInserts inserts n generated businesses with one prepared statement in
// one transaction, and returns the time spent in the database (rows are
// generated on the fly, outside the measured time, so memory stays flat).
func plainInserts(b *testing.B, db *sqlstore.DB, n int) time.Duration {
	villages := region.All().Villages("36.04")
	ctx := context.Background()
	var took time.Duration
	start := time.Now()
	tx, err := db.Write.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	stmt, err := tx.PrepareContext(ctx, db.Dialect.Rebind(sqlstore.InsertBusinessSQL))
	if err != nil {
		b.Fatal(err)
	}
	took += time.Since(start)
	for i := 0; i < n; i++ {
		c := genRow(i, villages)
		r := &registry.Business{Name: c[0], OwnerName: c[1], NIK: c[2], NIB: c[3], Phone: "+62" + c[4][1:],
			VillageCode: c[5], Address: c[6], Sector: "C", FoundedYear: 2000, Employees: 3, AnnualRevenue: 100_000_000,
			Capital: 10_000_000, SizeClass: "mikro", SizeBasis: "revenue"}
		sqlstore.PrepareNew(r)
		args := sqlstore.BusinessArgs(db.Dialect, r)
		t0 := time.Now()
		if _, err := stmt.ExecContext(ctx, args...); err != nil {
			b.Fatal(err)
		}
		took += time.Since(t0)
	}
	t0 := time.Now()
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return took + time.Since(t0)
}

func sqliteStore(b *testing.B) (store.Store, *sqlstore.DB) {
	st, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st, st.(*sqlite.Store).DB
}

// peakHeap samples the heap while fn runs and returns the peak of HeapInuse+StackInuse.
func peakHeap(fn func()) uint64 {
	var peak atomic.Uint64
	stop := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if v := ms.HeapInuse + ms.StackInuse; v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	}()
	fn()
	close(stop)
	return peak.Load()
}

func report(b *testing.B, rows int, took, plain time.Duration) {
	b.ReportMetric(float64(rows)/took.Seconds(), "rows/s")
	b.ReportMetric(float64(rows)/plain.Seconds(), "plain-rows/s")
	b.ReportMetric(took.Seconds()/plain.Seconds(), "x-plain")
	b.ReportMetric(took.Seconds(), "s/import")
	b.Logf("nproc=%d rows=%d import=%s (%.0f rows/s) plain INSERT loop=%s (%.0f rows/s) ratio=%.2f",
		runtime.NumCPU(), rows, took.Round(time.Millisecond), float64(rows)/took.Seconds(),
		plain.Round(time.Millisecond), float64(rows)/plain.Seconds(), took.Seconds()/plain.Seconds())
}

// BenchmarkImportXLSX48k imports 48,000 rows from an XLSX into an empty SQLite registry (target < 10 s).
func BenchmarkImportXLSX48k(b *testing.B) {
	const n = 48000
	data := genXLSX(b, n)
	for b.Loop() {
		b.StopTimer()
		st, _ := sqliteStore(b)
		b.StartTimer()
		start := time.Now()
		imp := importFile(b, st, "48k.xlsx", importer.Input{Name: "48k.xlsx", R: bytes.NewReader(data), Size: int64(len(data))})
		took := time.Since(start)
		if imp.Summary.Inserted != n {
			b.Fatalf("summary %+v", imp.Summary)
		}
		b.StopTimer()
		_, db := sqliteStore(b)
		report(b, n, took, plainInserts(b, db, n))
		b.StartTimer()
	}
}

// BenchmarkExportXLSX48k streams 48,000 businesses into an XLSX (target < 5 s).
func BenchmarkExportXLSX48k(b *testing.B) {
	const n = 48000
	st, _ := sqliteStore(b)
	data := genXLSX(b, n)
	importFile(b, st, "48k.xlsx", importer.Input{Name: "48k.xlsx", R: bytes.NewReader(data), Size: int64(len(data))})
	svc := registry.NewService(st, "36.04")
	for b.Loop() {
		var out bytes.Buffer
		rows := 0
		err := importer.WriteXLSX(&out, region.All(), func(fn func(*registry.Business) error) error {
			return svc.Each(context.Background(), auth.System, registry.Filter{}, func(bz *registry.Business) error { rows++; return fn(bz) })
		})
		if err != nil || rows != n {
			b.Fatalf("export: %v, %d rows", err, rows)
		}
		b.ReportMetric(float64(out.Len())/1e6, "MB")
	}
}

func largeCSV(b *testing.B, n int) importer.Input {
	if os.Getenv("NAIKKELAS_BENCH_LARGE") != "1" {
		b.Skip("SKIP 1M-row benchmark: set NAIKKELAS_BENCH_LARGE=1")
	}
	path := filepath.Join(b.TempDir(), "1m.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := writeGenCSV(f, n); err != nil {
		b.Fatal(err)
	}
	info, _ := f.Stat()
	b.Cleanup(func() { f.Close() })
	return importer.Input{Name: "1m.csv", R: f, Size: info.Size()}
}

// BenchmarkLargeCSV1MSQLite imports 1,000,000 CSV rows into SQLite (target < 60 s, < 500 MB).
func BenchmarkLargeCSV1MSQLite(b *testing.B) {
	const n = 1_000_000
	in := largeCSV(b, n)
	for b.Loop() {
		b.StopTimer()
		st, _ := sqliteStore(b)
		runtime.GC()
		b.StartTimer()
		var imp *importer.Import
		start := time.Now()
		peak := peakHeap(func() { imp = importFile(b, st, "1m.csv", in) })
		took := time.Since(start)
		if imp.Summary.Inserted != n {
			b.Fatalf("summary %+v", imp.Summary)
		}
		b.StopTimer()
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		_, db := sqliteStore(b)
		report(b, n, took, plainInserts(b, db, n))
		b.StartTimer()
	}
}

// BenchmarkLargeCSV1MPostgres imports 1,000,000 CSV rows into PostgreSQL
// (NAIKKELAS_TEST_POSTGRES), each run in a fresh schema.
func BenchmarkLargeCSV1MPostgres(b *testing.B) {
	pgSchemaStore(b) // skips without NAIKKELAS_TEST_POSTGRES
	const n = 1_000_000
	in := largeCSV(b, n)
	for b.Loop() {
		b.StopTimer()
		st := pgSchemaStore(b)
		b.StartTimer()
		var imp *importer.Import
		start := time.Now()
		peak := peakHeap(func() { imp = importFile(b, st, "1m.csv", in) })
		took := time.Since(start)
		if imp.Summary.Inserted != n {
			b.Fatalf("summary %+v", imp.Summary)
		}
		b.StopTimer()
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		report(b, n, took, plainInserts(b, pgSchemaStore(b).(*postgres.Store).DB, n))
		b.StartTimer()
	}
}
