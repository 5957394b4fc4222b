package postgres_test

import (
	"context"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"naikkelas/internal/region"
	"naikkelas/internal/registry"
	"naikkelas/internal/store/postgres"
	"naikkelas/internal/store/storetest"
)

// Benchmarks at 48,000 businesses on PostgreSQL (NAIKKELAS_TEST_POSTGRES):
//
//	go test ./internal/store/postgres -run '^$' -bench . -benchtime 100x

var (
	benchOnce  sync.Once
	benchStore *postgres.Store
)

func bench48k(b *testing.B) *postgres.Store {
	b.Helper()
	testDSN(b)
	benchOnce.Do(func() {
		s := openFresh(b) // the schema lives until the first benchmark using it ends
		ctx := context.Background()
		start := time.Now()
		rng := rand.New(rand.NewPCG(48_000, 42))
		if err := s.InsertBatch(ctx, storetest.Synth(48_000, 0, rng, region.All().Villages("36.04"))); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Write.ExecContext(ctx, "ANALYZE"); err != nil {
			b.Fatal(err)
		}
		b.Logf("built 48000 businesses in %v", time.Since(start).Round(time.Millisecond))
		benchStore = s
	})
	if benchStore == nil {
		b.Fatal("benchmark database not built")
	}
	return benchStore
}

func BenchmarkPG48k(b *testing.B) {
	cases := []struct {
		name string
		f    registry.Filter
	}{
		{"search/sutis", registry.Filter{Q: "sutis"}},
		{"search/presto", registry.Filter{Q: "presto"}},
		{"search/anyam", registry.Filter{Q: "anyam"}},
		{"search/0812", registry.Filter{Q: "0812"}},
		{"search/51234", registry.Filter{Q: "51234"}},
		{"typo/prezto", registry.Filter{Q: "prezto"}},
		{"typo/sutisma", registry.Filter{Q: "sutisma"}},
		{"list/district+class", registry.Filter{District: "36.04.15", SizeClass: registry.Mikro}},
	}
	// The searches run as an officer (Personal: NIK and phone too) and as a
	// reader who sees personal data masked (search_public alone).
	for i, n := 0, len(cases); i < n; i++ {
		if c := cases[i]; c.f.Q != "" {
			cases[i].f.Personal = true
			cases = append(cases, struct {
				name string
				f    registry.Filter
			}{"masked/" + c.name, c.f})
		}
	}
	// One schema for every sub-benchmark: build it inside the parent so that
	// its cleanup runs after all of them.
	s := bench48k(b)
	cpu := newBackendCPU(b, s.Read)
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			f := c.f
			f.Page, f.PerPage, f.Today = 1, 25, "2026-06-01"
			var total int
			cpu0 := cpu.seconds()
			for b.Loop() {
				var err error
				if _, total, err = s.ListBusinesses(context.Background(), f); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(total), "rows")
			cpu.report(b, cpu0)
		})
	}
	b.Run("homestats", func(b *testing.B) {
		f := registry.Filter{Today: "2026-06-01"}
		cpu0 := cpu.seconds()
		defer cpu.report(b, cpu0)
		for b.Loop() {
			if _, err := s.HomeStats(context.Background(), f); err != nil {
				b.Fatal(err)
			}
			if _, err := s.DistrictStats(context.Background(), f); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("stocks", func(b *testing.B) {
		cpu0 := cpu.seconds()
		defer cpu.report(b, cpu0)
		for b.Loop() {
			if _, err := s.Stocks(context.Background(), registry.Scope{}, []int{2024, 2025, 2026}, "2026-06-01"); err != nil {
				b.Fatal(err)
			}
		}
	})
}
