package importer_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/xuri/excelize/v2"

	"naikkelas/internal/auth"
	"naikkelas/internal/importer"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
	"naikkelas/internal/store/pgtest"
	"naikkelas/internal/store/postgres"
	"naikkelas/internal/store/sqlstore"
	"naikkelas/internal/store/storetest"
)

// Benchmarks (commands and figures also in bench/README.md):
//
//	go test -run '^$' -bench . -benchtime 1x ./internal/importer/
//	NAIKKELAS_BENCH_LARGE=1 go test -run '^$' -bench Large -benchtime 1x -timeout 30m ./internal/importer/
//
// NAIKKELAS_BENCH_CSV=FILE writes the generated million-row CSV to FILE and
// keeps it, for timing the CLI import of the same file.
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
		r := floorBusiness(i, villages)
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
	st := storetest.OpenSQLite(b)
	return st, st.DB
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
	if keep := os.Getenv("NAIKKELAS_BENCH_CSV"); keep != "" {
		path = keep // kept for measuring the CLI import (bench/README.md)
	}
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

// importMillion imports in (a million rows) into st with the timer running,
// checks that every row was inserted, reports the peak heap and returns how
// long the import took. The timer is stopped on return.
func importMillion(b *testing.B, st store.Store, in importer.Input) time.Duration {
	var imp *importer.Import
	start := time.Now()
	peak := peakHeap(func() { imp = importFile(b, st, "1m.csv", in) })
	took := time.Since(start)
	if imp.Summary.Inserted != 1_000_000 {
		b.Fatalf("summary %+v", imp.Summary)
	}
	b.StopTimer()
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	return took
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
		took := importMillion(b, st, in)
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
		took := importMillion(b, st, in)
		report(b, n, took, plainInserts(b, pgSchemaStore(b).(*postgres.Store).DB, n))
		b.StartTimer()
	}
}

// BenchmarkLargeFloorSQLite times, on the same schema and machine, the parts
// of a million-business SQLite import that no import code can avoid: the
// businesses table alone (no measurements, audit entries or import links,
// no file to read, parse or match), written with prepared multi-row
// INSERTs while its non-unique indexes and search trigger are dropped; the
// FTS5 trigram search index built afterwards; those indexes built again;
// ANALYZE; and the commit with its checkpoint. It is the lower bound that
// bench/README.md compares BenchmarkLargeCSV1MSQLite with.
func BenchmarkLargeFloorSQLite(b *testing.B) {
	if os.Getenv("NAIKKELAS_BENCH_LARGE") != "1" {
		b.Skip("SKIP 1M-row benchmark: set NAIKKELAS_BENCH_LARGE=1")
	}
	const n = 1_000_000
	villages := region.All().Villages("36.04")
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		st, db := sqliteStore(b)
		b.StartTimer()
		ph := newPhases()
		lap := ph.lap
		tx, err := db.Write.BeginTx(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		exec := func(q string, args ...any) {
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				b.Fatalf("%s: %v", q, err)
			}
		}
		var saved []string
		rows, err := tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'businesses'
			AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'`)
		if err != nil {
			b.Fatal(err)
		}
		var names []string
		for rows.Next() {
			var name, sql string
			if err := rows.Scan(&name, &sql); err != nil {
				b.Fatal(err)
			}
			names, saved = append(names, name), append(saved, sql)
		}
		rows.Close()
		for _, name := range names {
			exec(`DROP INDEX ` + name)
		}
		exec(`DROP TRIGGER businesses_fts_ai`)
		head := strings.Replace(sqlstore.InsertBusinessSQL[:strings.Index(sqlstore.InsertBusinessSQL, "VALUES")],
			"(name,", "(id, name,", 1)
		const cols = 35 // id and InsertBusinessSQL's columns
		stmts := map[int]*sql.Stmt{}
		lap("setup")
		args := make([]any, 0, 6000)
		for i := 0; i < n; i += 6000 / cols {
			b.StopTimer()
			k := min(6000/cols, n-i)
			args = args[:0]
			for j := i; j < i+k; j++ {
				args = append(append(args, int64(j+1)), sqlstore.BusinessArgs(db.Dialect, floorBusiness(j, villages))...)
			}
			stmt := stmts[k]
			if stmt == nil {
				ph := "(" + strings.TrimSuffix(strings.Repeat("?,", cols), ",") + ")"
				if stmt, err = tx.PrepareContext(ctx, head+"VALUES "+strings.TrimSuffix(strings.Repeat(ph+",", k), ",")); err != nil {
					b.Fatal(err)
				}
				stmts[k] = stmt
			}
			b.StartTimer()
			ph.restart()
			if _, err := stmt.ExecContext(ctx, args...); err != nil {
				b.Fatal(err)
			}
			lap("rows")
		}
		for _, stmt := range stmts {
			stmt.Close()
		}
		for from := 0; from < n; from += 50_000 {
			exec(`INSERT INTO businesses_fts (rowid, name, brand, owner_name, nik, nib, phone)
				SELECT id, name, brand, owner_name, nik, nib, phone FROM businesses WHERE id > ? AND id <= ? ORDER BY id`,
				from, from+50_000)
		}
		lap("search index")
		exec(`PRAGMA threads = 2`)
		for _, sql := range saved {
			exec(sql)
		}
		lap("indexes")
		exec(`ANALYZE businesses`)
		lap("analyze")
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		if err := st.Close(); err != nil { // the last connection checkpoints the WAL
			b.Fatal(err)
		}
		lap("commit+checkpoint")
		ph.report(b, fmt.Sprintf("%d indexes", len(saved)))
	}
}

// floorBusiness is generated business j of the floor benchmarks (the
// values of the CSV row genRow(j), as the import would store them).
func floorBusiness(j int, villages []region.Region) *registry.Business {
	c := genRow(j, villages)
	r := &registry.Business{Name: c[0], OwnerName: c[1], NIK: c[2], NIB: c[3], Phone: "+62" + c[4][1:],
		VillageCode: c[5], DistrictCode: c[5][:8], Address: c[6], Sector: "C", FoundedYear: 2000, Employees: 3,
		AnnualRevenue: 100_000_000, Capital: 10_000_000, SizeClass: "mikro", SizeBasis: "revenue"}
	sqlstore.PrepareNew(r)
	return r
}

// BenchmarkLargeFloorPostgres is BenchmarkLargeFloorSQLite on PostgreSQL
// (NAIKKELAS_TEST_POSTGRES): the businesses alone, sent with COPY while the
// table's non-unique indexes are dropped, then those indexes built again
// (the pg_trgm GIN search index timed apart), ANALYZE and the commit.
func BenchmarkLargeFloorPostgres(b *testing.B) {
	pgtest.DSN(b) // skips without NAIKKELAS_TEST_POSTGRES
	if os.Getenv("NAIKKELAS_BENCH_LARGE") != "1" {
		b.Skip("SKIP 1M-row benchmark: set NAIKKELAS_BENCH_LARGE=1")
	}
	const n = 1_000_000
	villages := region.All().Villages("36.04")
	ctx := context.Background()
	head := sqlstore.InsertBusinessSQL[strings.Index(sqlstore.InsertBusinessSQL, "(")+1 : strings.Index(sqlstore.InsertBusinessSQL, ")")]
	cols := []string{"id"}
	for _, c := range strings.Split(head, ",") {
		cols = append(cols, strings.TrimSpace(c))
	}
	for b.Loop() {
		b.StopTimer()
		dsn := pgtest.FreshDSN(b)
		st, err := postgres.Open(ctx, dsn)
		if err != nil {
			b.Fatal(err)
		}
		if err := st.Migrate(ctx); err != nil {
			b.Fatal(err)
		}
		st.Close()
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		ph := newPhases()
		lap := ph.lap
		tx, err := conn.Begin(ctx)
		if err != nil {
			b.Fatal(err)
		}
		exec := func(q string) {
			if _, err := tx.Exec(ctx, q); err != nil {
				b.Fatalf("%s: %v", q, err)
			}
		}
		exec(`SET LOCAL maintenance_work_mem = '256MB'`)
		rows, err := tx.Query(ctx, `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()
			AND tablename = 'businesses' AND indexdef NOT LIKE 'CREATE UNIQUE%'`)
		if err != nil {
			b.Fatal(err)
		}
		type index struct{ Name, Def string }
		indexes, err := pgx.CollectRows(rows, pgx.RowToStructByPos[index])
		if err != nil {
			b.Fatal(err)
		}
		for _, ix := range indexes {
			exec(`DROP INDEX ` + ix.Name)
		}
		lap("setup")
		j := 0
		copied, err := tx.CopyFrom(ctx, pgx.Identifier{"businesses"}, cols, pgx.CopyFromFunc(func() ([]any, error) {
			if j == n {
				return nil, nil
			}
			j++
			return append([]any{int64(j)}, sqlstore.BusinessArgs(postgresDialect(st), floorBusiness(j-1, villages))...), nil
		}))
		if err != nil || copied != n {
			b.Fatalf("copy: %d rows, %v", copied, err)
		}
		lap("rows")
		for _, ix := range indexes {
			exec(ix.Def)
			if strings.Contains(ix.Def, "gin") {
				lap("search index")
			} else {
				lap("indexes")
			}
		}
		exec(`ANALYZE businesses`)
		lap("analyze")
		if err := tx.Commit(ctx); err != nil {
			b.Fatal(err)
		}
		lap("commit")
		conn.Close(ctx)
		ph.report(b, fmt.Sprintf("%d list indexes and the GIN search index", len(indexes)-1))
	}
}

func postgresDialect(st *postgres.Store) sqlstore.Dialect { return st.DB.Dialect }

// phases times the consecutive phases of a floor benchmark.
type phases struct {
	names []string // in first-seen order
	took  map[string]time.Duration
	last  time.Time
}

func newPhases() *phases { return &phases{took: map[string]time.Duration{}, last: time.Now()} }

// lap adds the time since the last lap (or restart) to phase name.
func (p *phases) lap(name string) {
	if _, ok := p.took[name]; !ok {
		p.names = append(p.names, name)
	}
	p.took[name] += time.Since(p.last)
	p.last = time.Now()
}

// restart starts the next lap now (time before it, such as generating
// rows, counts in no phase).
func (p *phases) restart() { p.last = time.Now() }

// report reports each phase and the total as metrics and in the log.
func (p *phases) report(b *testing.B, what string) {
	var total time.Duration
	var parts []string
	for _, name := range p.names {
		d := p.took[name]
		total += d
		b.ReportMetric(d.Seconds(), "s/"+strings.ReplaceAll(name, " ", "-"))
		parts = append(parts, fmt.Sprintf("%s %s", name, d.Round(time.Millisecond)))
	}
	b.ReportMetric(total.Seconds(), "s/total")
	b.Logf("nproc=%d floor of a million-business import (%s): %s (%s)", runtime.NumCPU(), what,
		total.Round(time.Millisecond), strings.Join(parts, ", "))
}

// BenchmarkReadXLSX48k reads every row of a 48,000-row XLSX with the
// importer's streaming reader, and for comparison with excelize's row
// iterator (which the importer used before; it holds the shared strings
// whole and each cell's text in one piece).
func BenchmarkReadXLSX48k(b *testing.B) {
	data := genXLSX(b, 48000)
	b.Run("importer", func(b *testing.B) {
		for b.Loop() {
			t, err := importer.OpenTable(context.Background(), "48k.xlsx", bytes.NewReader(data), int64(len(data)), importer.ReadOptions{})
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for ; ; n++ {
				if _, err := t.Next(); err != nil {
					break
				}
			}
			t.Close()
			if n != 48001 {
				b.Fatalf("%d rows", n)
			}
		}
	})
	b.Run("excelize", func(b *testing.B) {
		for b.Loop() {
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				b.Fatal(err)
			}
			rows, err := f.Rows(f.GetSheetName(0))
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for rows.Next() {
				if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
					b.Fatal(err)
				}
				n++
			}
			rows.Close()
			f.Close()
			if n != 48001 {
				b.Fatalf("%d rows", n)
			}
		}
	})
}
