package sqlite_test

import (
	"context"
	"testing"
	"time"

	"naikkelas/internal/auth"
	"naikkelas/internal/permits"
	"naikkelas/internal/registry"
)

// Benchmarks of the permit expiry list and the halal obligation counts per
// kecamatan, through the permits service as the API calls it (figures in
// bench/README.md):
//
//	go test ./internal/store/sqlite -run '^$' -bench 'PermitExpiry|HalalObligation' -benchtime 50x
//	NAIKKELAS_BENCH_LARGE=1 go test ./internal/store/sqlite -run '^$' -bench 'PermitExpiry|HalalObligation' -benchtime 10x -timeout 30m
func permitService(s registry.Store, st permits.Store) *permits.Service {
	svc := permits.NewService(st, registry.NewService(s, "36.04"))
	svc.Now = func() time.Time { return time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC) }
	return svc
}

// actors of the permit benchmarks: the whole regency, and one kecamatan.
var permitActors = []auth.Actor{auth.System, {Username: "op", Role: auth.Operator, Regions: []string{"36.04.15"}}}

// benchPermits runs call for each size and actor; call returns the count to report.
func benchPermits(b *testing.B, unit string, call func(svc *permits.Service, who auth.Actor) (int, error)) {
	for _, sz := range sizes {
		for _, who := range permitActors {
			b.Run(sz.name+"/"+string(who.Role), func(b *testing.B) {
				s := benchStore(b, sz.n)
				svc := permitService(s, s)
				var n int
				for b.Loop() {
					var err error
					if n, err = call(svc, who); err != nil {
						b.Fatal(err)
					}
				}
				if n == 0 {
					b.Fatal("nothing counted")
				}
				b.ReportMetric(float64(n), unit)
			})
		}
	}
}

// BenchmarkPermitExpiry: the kecamatan counts and the first page of 50
// permits expired or expiring within 90 days.
func BenchmarkPermitExpiry(b *testing.B) {
	benchPermits(b, "permits", func(svc *permits.Service, who auth.Actor) (int, error) {
		out, err := svc.Expiry(context.Background(), who, 90, permits.Filter{Page: 1, PerPage: 50})
		if err != nil || len(out.Districts) == 0 {
			return 0, err
		}
		return out.Total, nil
	})
}

// BenchmarkHalalObligation: the food and drink businesses with and without
// halal per kecamatan, and who qualifies for self-declare.
func BenchmarkHalalObligation(b *testing.B) {
	benchPermits(b, "food", func(svc *permits.Service, who auth.Actor) (int, error) {
		out, err := svc.HalalObligation(context.Background(), who, "2026-12-01", "")
		if err != nil || out.Total.MaybeQualify == 0 {
			return 0, err
		}
		return out.Total.Food, nil
	})
}
