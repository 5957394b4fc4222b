package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"naikkelas/internal/auth"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// benchFixture is a fixture with n extra businesses spread over the desa of
// Kabupaten Serang, loaded through the store's bulk path.
func benchFixture(b *testing.B, n int) *fixture {
	f := newFixture(b)
	villages := region.All().Villages("36.04")
	names := []string{"Keripik", "Emping", "Sate Bandeng", "Dodol", "Kerupuk", "Rengginang", "Kopi", "Batik"}
	batch := make([]registry.NewBusiness, 0, 1000)
	for i := range n {
		bz := &registry.Business{Name: fmt.Sprintf("%s %d", names[i%len(names)], i), OwnerName: fmt.Sprintf("Pemilik %d", i),
			VillageCode: villages[i%len(villages)].Code, Sector: "C", HalalStatus: registry.HalalNone, Status: registry.StatusActive,
			AnnualRevenue: int64(50_000_000 + i*1000)}
		bz.DistrictCode = region.DistrictOf(bz.VillageCode)
		bz.SizeClass, bz.SizeBasis = registry.Classify(bz.AnnualRevenue, 0)
		batch = append(batch, registry.NewBusiness{Business: bz, Measurements: []registry.Measurement{{Year: 2025,
			AnnualRevenue: registry.Known(bz.AnnualRevenue), Source: registry.SourceOfficerVerified, SizeClass: bz.SizeClass, SizeBasis: bz.SizeBasis, RecordedBy: auth.System.Username}}})
		if len(batch) == cap(batch) || i == n-1 {
			if err := f.st.InsertBatch(context.Background(), batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	return f
}

// BenchmarkAPIBusinessList measures the list endpoint through the whole
// handler stack (auth by token, filter parsing, store query, JSON).
func BenchmarkAPIBusinessList(b *testing.B) {
	f := benchFixture(b, 5000)
	for _, bc := range []struct{ name, role, query string }{
		{"admin-page1", "admin", "?per_page=25"},
		{"operator-page1", "operator", "?per_page=25"},
		{"search-fragment", "admin", "?q=mping&per_page=25"},
		{"district-sorted", "admin", "?district=36.04.15&sort=annual_revenue&desc=1"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			req := httptest.NewRequest("GET", "/api/v1/businesses"+bc.query, nil)
			req.Header.Set("Authorization", "Bearer "+f.tokens[bc.role])
			for b.Loop() {
				w := httptest.NewRecorder()
				f.srv.ServeHTTP(w, req)
				if w.Code != http.StatusOK {
					b.Fatalf("status %d", w.Code)
				}
			}
		})
	}
}
