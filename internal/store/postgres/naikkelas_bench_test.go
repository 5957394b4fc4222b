package postgres_test

import (
	"context"
	"testing"

	"naikkelas/internal/assessment"
	"naikkelas/internal/auth"
	"naikkelas/internal/registry"
)

// BenchmarkPG10MNaikKelas: naik-kelas statistics at 10,000,000 businesses
// (the database of BenchmarkPG10M; its measurements only, no
// assessments), for a year, a year with the report's series, one
// kecamatan's year and three whole years. Target: a year under 1 s.
//
//	NAIKKELAS_BENCH_PG10M=1 NAIKKELAS_TEST_POSTGRES=postgres://… \
//	  go test ./internal/store/postgres -run '^$' -bench PG10MNaikKelas -benchtime 5x -timeout 300m
func BenchmarkPG10MNaikKelas(b *testing.B) {
	s := open10M(b)
	cpu := newBackendCPU(b, s.Read)
	svc := assessment.NewService(s, s, registry.NewService(s, "36.04"), s)
	run := func(name string, q assessment.StatsQuery) {
		b.Run(name, func(b *testing.B) {
			cpu0 := cpu.seconds()
			var st *assessment.Stats
			for b.Loop() {
				var err error
				if st, err = svc.Stats(context.Background(), auth.System, q); err != nil {
					b.Fatal(err)
				}
			}
			cpu.report(b, cpu0)
			if st.SizeUp+st.SizeDown+st.SizeUnchanged == 0 {
				b.Fatalf("statistics judged nothing: %+v", st.Counts)
			}
		})
	}
	year := assessment.StatsQuery{From: "2025-01-01", To: "2025-12-31"}
	run("year", year)
	year.Series = true
	run("year+series", year)
	year.Series, year.District = false, "36.04.15"
	run("district", year)
	run("3years", assessment.StatsQuery{From: "2023-01-01", To: "2025-12-31"})
}
