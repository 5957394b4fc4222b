package sqlite_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"naikkelas/internal/region"
	"naikkelas/internal/registry"
	"naikkelas/internal/store/sqlite"
	"naikkelas/internal/store/storetest"
)

// Benchmarks of search, lists, the home page and the district statistics
// (figures in bench/README.md). Databases are generated once per size with
// InsertBatch into a temporary folder and reused by every benchmark of the
// run. The 1,000,000-row database is built only when NAIKKELAS_BENCH_LARGE=1.
//
//	go test ./internal/store/sqlite -run '^$' -bench . -benchtime 200x
//	NAIKKELAS_BENCH_LARGE=1 go test ./internal/store/sqlite -run '^$' -bench . -benchtime 100x -timeout 30m
//
// NAIKKELAS_BENCH_CACHE=DIR keeps the generated databases in DIR between runs.

var (
	benchDir  string
	benchMu   sync.Mutex
	benchDBs  = map[int]*sqlite.Store{}
	benchOnce sync.Once
)

func TestMain(m *testing.M) {
	code := m.Run()
	for _, s := range benchDBs {
		s.Close()
	}
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// benchStore returns the shared database with n businesses, building it on first use.
func benchStore(b *testing.B, n int) *sqlite.Store { return benchStoreT(b, n) }

func benchStoreT(b testing.TB, n int) *sqlite.Store {
	b.Helper()
	if n > 100_000 && os.Getenv("NAIKKELAS_BENCH_LARGE") != "1" {
		b.Skip("set NAIKKELAS_BENCH_LARGE=1 to build and query the 1,000,000-business database")
	}
	benchMu.Lock()
	defer benchMu.Unlock()
	if s := benchDBs[n]; s != nil {
		return s
	}
	ctx := context.Background()
	dir := os.Getenv("NAIKKELAS_BENCH_CACHE") // optional: keep databases between runs
	if dir == "" {
		benchOnce.Do(func() {
			var err error
			if benchDir, err = os.MkdirTemp("", "naikkelas-bench-"); err != nil {
				b.Fatal(err)
			}
		})
		dir = benchDir
	}
	s, err := sqlite.Open(ctx, filepath.Join(dir, fmt.Sprintf("bench-%d.db", n)))
	if err != nil {
		b.Fatal(err)
	}
	if err := s.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	if have, _ := s.CountBusinesses(ctx); have == n {
		benchDBs[n] = s
		return s
	} else if have != 0 {
		b.Fatalf("cached benchmark database holds %d businesses, want %d: delete it", have, n)
	}
	rng := rand.New(rand.NewPCG(uint64(n), 42))
	villages := region.All().Villages("36.04")
	start := time.Now()
	const chunk = 50_000
	for done := 0; done < n; done += chunk {
		if err := s.InsertBatch(ctx, storetest.Synth(min(chunk, n-done), done, rng, villages)); err != nil {
			b.Fatal(err)
		}
	}
	// A bulk load of this size ends with merging the search index, as an
	// office would after an import (Store.Optimize).
	if err := s.Optimize(ctx); err != nil {
		b.Fatal(err)
	}
	if _, err := s.Write.ExecContext(ctx, "ANALYZE"); err != nil {
		b.Fatal(err)
	}
	b.Logf("built %d businesses in %v", n, time.Since(start).Round(time.Millisecond))
	benchDBs[n] = s
	return s
}

var sizes = []struct {
	name string
	n    int
}{{"48k", 48_000}, {"1M", 1_000_000}}

// searchQueries are the fragments of the search benchmarks: names and
// owners, and digits of phones, NIKs and NIBs.
var searchQueries = []string{"sutis", "presto", "lilis", "anyam", "kopi", "0812", "51234"}

// BenchmarkSearch: a 4–6 letter fragment, first page of 25, with the total,
// as an officer (NIK and phone searched too).
func BenchmarkSearch(b *testing.B) { benchSearch(b, searchQueries, true) }

// BenchmarkSearchMasked: the same as a reader who sees personal data
// masked (pimpinan): the index's public columns only.
func BenchmarkSearchMasked(b *testing.B) { benchSearch(b, searchQueries, false) }

// BenchmarkSearchTypo: a fragment with one typo (exact search finds
// nothing), as an officer.
func BenchmarkSearchTypo(b *testing.B) { benchSearch(b, typoQueries, true) }

// BenchmarkSearchTypoMasked: the same as a reader who sees personal data masked.
func BenchmarkSearchTypoMasked(b *testing.B) { benchSearch(b, typoQueries, false) }

var typoQueries = []string{"sutisma", "prezto", "wulamdari"}

// benchSearch times each query, first page of 25 with the total, on every size.
func benchSearch(b *testing.B, queries []string, personal bool) {
	for _, sz := range sizes {
		for _, q := range queries {
			f := registry.Filter{Q: q, Page: 1, PerPage: 25, Today: "2026-06-01", Personal: personal}
			b.Run(sz.name+"/"+q, func(b *testing.B) { benchList(b, sz.n, f) })
		}
	}
}

// BenchmarkSearchCombined: a common fragment with an explicit sort, or
// within a kecamatan (the default search order is newest first).
func BenchmarkSearchCombined(b *testing.B) {
	cases := []struct {
		name string
		f    registry.Filter
	}{
		{"lilis-by-name", registry.Filter{Q: "lilis", Sort: "name"}},
		{"lilis-by-revenue", registry.Filter{Q: "lilis", Sort: "annual_revenue", Desc: true}},
		{"anyam-by-name-desc", registry.Filter{Q: "anyam", Sort: "name", Desc: true}}, // matches clustered in name order
		{"lilis-in-district", registry.Filter{Q: "lilis", District: "36.04.15"}},
		{"lilis-page-40", registry.Filter{Q: "lilis", Page: 40}},
	}
	for _, sz := range sizes {
		for _, c := range cases {
			b.Run(sz.name+"/"+c.name, func(b *testing.B) {
				f := c.f
				f.PerPage, f.Today, f.Personal = 25, "2026-06-01", true
				benchList(b, sz.n, f)
			})
		}
	}
}

// BenchmarkFilteredList: district + size class, page 1, 25 rows, with the total.
func BenchmarkFilteredList(b *testing.B) {
	for _, sz := range sizes {
		for _, sort := range []string{"name", "annual_revenue"} {
			f := registry.Filter{District: "36.04.15", SizeClass: registry.Mikro, Sort: sort, Page: 1, PerPage: 25, Today: "2026-06-01"}
			b.Run(sz.name+"/"+sort, func(b *testing.B) { benchList(b, sz.n, f) })
		}
	}
}

// statsScopes are the areas the statistics benchmarks read: the whole
// regency (admin, pimpinan) and one kecamatan (its operator).
var statsScopes = []struct {
	name  string
	scope registry.Scope
}{{"regency", registry.Scope{}}, {"kecamatan", registry.Scope{Regions: []string{"36.04.15"}}}}

// BenchmarkHomeStats: the home page's HomeStats and DistrictStats together.
func BenchmarkHomeStats(b *testing.B) {
	benchStats(b, func(s *sqlite.Store, f registry.Filter) error {
		if _, err := s.HomeStats(context.Background(), f); err != nil {
			return err
		}
		_, err := s.DistrictStats(context.Background(), f)
		return err
	})
}

// BenchmarkMapCounts: the map's figures from the register
// (indicators.Districts): businesses by class, with NIB, with halal.
func BenchmarkMapCounts(b *testing.B) {
	benchStats(b, func(s *sqlite.Store, f registry.Filter) error {
		for _, doc := range []string{"", registry.DocNIB, registry.DocHalal} {
			f.Doc = doc
			if _, err := s.DistrictStats(context.Background(), f); err != nil {
				return err
			}
		}
		return nil
	})
}

// benchStats times read on every size and scope.
func benchStats(b *testing.B, read func(s *sqlite.Store, f registry.Filter) error) {
	for _, sz := range sizes {
		for _, sc := range statsScopes {
			b.Run(sz.name+"/"+sc.name, func(b *testing.B) {
				s := benchStore(b, sz.n)
				f := registry.Filter{Today: "2026-06-01", Scope: sc.scope}
				cpu0 := cpuSeconds()
				for b.Loop() {
					if err := read(s, f); err != nil {
						b.Fatal(err)
					}
				}
				reportCPU(b, cpu0)
			})
		}
	}
}

// BenchmarkInsertBatch48k loads 48,000 businesses (~130,000 measurements,
// 48,000 audit entries) into a fresh database per iteration.
func BenchmarkInsertBatch48k(b *testing.B) {
	villages := region.All().Villages("36.04")
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), fmt.Sprintf("ins-%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Migrate(context.Background()); err != nil {
			b.Fatal(err)
		}
		items := storetest.Synth(48_000, 0, rand.New(rand.NewPCG(1, 2)), villages)
		b.StartTimer()
		if err := s.InsertBatch(context.Background(), items); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// reportCPU adds the process CPU time per operation: on a machine shared
// with other work, wall time (ns/op) overstates what a query costs.
// benchList times ListBusinesses(f), with its total, on a store of n
// businesses, and reports the rows found and the CPU used.
func benchList(b *testing.B, n int, f registry.Filter) {
	s := benchStore(b, n)
	var total int
	cpu0 := cpuSeconds()
	for b.Loop() {
		var err error
		if _, total, err = s.ListBusinesses(context.Background(), f); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(total), "rows")
	reportCPU(b, cpu0)
}

func reportCPU(b *testing.B, cpu0 float64) {
	if b.N > 0 {
		b.ReportMetric((cpuSeconds()-cpu0)*1000/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkStocks: the register's stocks of the leaders' trends
// (indicators.Stock) as the last two years ended and today.
func BenchmarkStocks(b *testing.B) {
	now := time.Now()
	years := []int{now.Year() - 2, now.Year() - 1, now.Year()}
	benchStats(b, func(s *sqlite.Store, f registry.Filter) error {
		_, err := s.Stocks(context.Background(), f.Scope, years, now.Format(time.DateOnly))
		return err
	})
}
