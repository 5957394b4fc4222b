package postgres_test

import (
	"context"
	"testing"

	"naikkelas/internal/registry"
)

// BenchmarkPG10M: the home page's statistics, the register's stocks of
// its trends and the map's business figures at 10,000,000 businesses, for
// the whole regency and for an operator's kecamatan.
func BenchmarkPG10M(b *testing.B) {
	s := open10M(b)
	cpu := newBackendCPU(b, s.Read)
	for _, c := range []struct {
		name  string
		scope registry.Scope
	}{{"regency", registry.Scope{}}, {"kecamatan", registry.Scope{Regions: []string{"36.04.15"}}}} {
		b.Run("home/"+c.name, func(b *testing.B) {
			cpu0 := cpu.seconds()
			for b.Loop() {
				homeStats(b, s, c.scope)
			}
			cpu.report(b, cpu0)
		})
		b.Run("stocks/"+c.name, func(b *testing.B) {
			cpu0 := cpu.seconds()
			for b.Loop() {
				if _, err := s.Stocks(context.Background(), c.scope, []int{2024, 2025, 2026}, "2026-06-01"); err != nil {
					b.Fatal(err)
				}
			}
			cpu.report(b, cpu0)
		})
		b.Run("map/"+c.name, func(b *testing.B) {
			cpu0 := cpu.seconds()
			for b.Loop() {
				mapCounts(b, s, c.scope)
			}
			cpu.report(b, cpu0)
		})
	}
}

// homeStats reads what the home page reads from the register.
func homeStats(b *testing.B, s registry.Store, scope registry.Scope) {
	f := registry.Filter{Today: "2026-06-01", Scope: scope}
	if _, err := s.HomeStats(context.Background(), f); err != nil {
		b.Fatal(err)
	}
	if _, err := s.DistrictStats(context.Background(), f); err != nil {
		b.Fatal(err)
	}
}

// mapCounts reads the map's business figures (indicators.Districts):
// businesses by class, with NIB, with a halal certificate.
func mapCounts(b *testing.B, s registry.Store, scope registry.Scope) {
	for _, doc := range []string{"", registry.DocNIB, registry.DocHalal} {
		if _, err := s.DistrictStats(context.Background(), registry.Filter{Doc: doc, Today: "2026-06-01", Scope: scope}); err != nil {
			b.Fatal(err)
		}
	}
}
