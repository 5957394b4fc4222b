package sqlite_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"naikkelas/internal/assessment"
	"naikkelas/internal/auth"
	"naikkelas/internal/registry"
	"naikkelas/internal/store/sqlite"
)

// Benchmarks of the naik-kelas statistics over the shared benchmark
// databases (2023–2025 measurements, 2–3 per business) plus 10,000
// assessments per 48,000 businesses (about 208,000 at 1,000,000).
//
//	go test ./internal/store/sqlite -run '^$' -bench NaikKelas -benchtime 20x
//	NAIKKELAS_BENCH_LARGE=1 go test ./internal/store/sqlite -run '^$' -bench NaikKelas -benchtime 5x -timeout 60m

// seedAssessments adds assessments until the database holds 10,000 per 48,000 businesses.
func seedAssessments(b *testing.B, s *sqlite.Store, n int) {
	b.Helper()
	ctx := context.Background()
	want := n * 10_000 / 48_000
	var have int
	if err := s.Read.QueryRowContext(ctx, "SELECT COUNT(*) FROM assessments").Scan(&have); err != nil {
		b.Fatal(err)
	}
	if have >= want {
		return
	}
	var lo, hi int64
	if err := s.Read.QueryRowContext(ctx, "SELECT MIN(id), MAX(id) FROM businesses").Scan(&lo, &hi); err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(uint64(n), 5))
	start := time.Now()
	sources := []string{assessment.SourceSelf, assessment.SourceOfficer}
	var batch []*assessment.Assessment
	for i := have; i < want; i++ {
		day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(700))
		batch = append(batch, &assessment.Assessment{BusinessID: lo + rng.Int64N(hi-lo+1), InstrumentVersion: "1",
			AssessedOn: day.Format(time.DateOnly), Source: sources[rng.IntN(2)], Answers: map[string]string{},
			Scores: map[string]int{"produksi": rng.IntN(101)}, Level: 1 + rng.IntN(5), Assessor: "bench"})
		if len(batch) == 5000 || i == want-1 {
			if err := s.InsertAssessments(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	if _, err := s.Write.ExecContext(ctx, "ANALYZE"); err != nil {
		b.Fatal(err)
	}
	b.Logf("added %d assessments in %v", want-have, time.Since(start).Round(time.Millisecond))
}

// BenchmarkNaikKelasStats: GET /api/v1/stats/naik-kelas for a year, as
// admin (everything), with the per-year series of the report page, for
// one kecamatan, and for three whole years. Targets: under 300 ms at 48,000
// businesses; a year under 500 ms at 1,000,000.
func BenchmarkNaikKelasStats(b *testing.B) {
	for _, sz := range sizes {
		for _, c := range []struct {
			name string
			q    assessment.StatsQuery
		}{
			{"year", assessment.StatsQuery{From: "2025-01-01", To: "2025-12-31"}},
			{"year+series", assessment.StatsQuery{From: "2025-01-01", To: "2025-12-31", Series: true}},
			{"district", assessment.StatsQuery{From: "2025-01-01", To: "2025-12-31", District: "36.04.15"}},
			{"3years", assessment.StatsQuery{From: "2023-01-01", To: "2025-12-31"}},
		} {
			b.Run(sz.name+"/"+c.name, func(b *testing.B) {
				s := benchStore(b, sz.n)
				seedAssessments(b, s, sz.n)
				svc := assessment.NewService(s, s, registry.NewService(s, "36.04"), s)
				var st *assessment.Stats
				cpu0, ops := cpuSeconds(), 0
				for b.Loop() {
					var err error
					if st, err = svc.Stats(context.Background(), auth.System, c.q); err != nil {
						b.Fatal(err)
					}
					ops++
				}
				// CPU time does not grow when other programs share the cores, unlike ns/op.
				b.ReportMetric((cpuSeconds()-cpu0)*1000/float64(ops), "cpu-ms/op")
				counted := st.SizeUp + st.SizeDown + st.SizeUnchanged + st.SizeNoData
				b.ReportMetric(float64(counted), "businesses")
				if counted == 0 || st.LevelUp+st.LevelDown+st.LevelUnchanged == 0 {
					b.Fatal(fmt.Sprintf("statistics counted nothing: %+v", st.Counts))
				}
			})
		}
	}
}
