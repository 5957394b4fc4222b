package web

import (
	"context"

	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
)

// ritelPath creates a retailer and returns its path.
func ritelPath(prefix, suffix string) func(*fixture, int64, string) string {
	return func(f *fixture, _ int64, _ string) string {
		pt, err := f.srv.Programs.SavePartner(context.Background(), auth.System, &programs.Partner{Name: "Swalayan Baru", Kind: "ritel"})
		if err != nil {
			f.t.Fatal(err)
		}
		return prefix + itoa64(pt.ID) + suffix
	}
}

// retailMatrix is the authorisation matrix of retailers' requirements,
// curation rounds, listings and sales.
func retailMatrix() map[string]matrixCase {
	return map[string]matrixCase{
		"POST /mitra/{id}/syarat": {path: ritelPath("/mitra/", "/syarat"), body: body("halal=1&min_shelf_life_days=90"),
			want: adminOnlyW(s303)},
	}
}
