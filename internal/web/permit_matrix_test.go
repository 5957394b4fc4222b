package web

import (
	"context"
	"strings"

	"naikkelas/internal/auth"
	"naikkelas/internal/permits"
)

// permitMatrix holds the rows of the permit routes. A permit route reaches
// a business the way the business's own routes do: admin and pimpinan
// everywhere, the operator in its area, the owner its own; pimpinan reads only.
func permitMatrix() map[string]matrixCase {
	// newPermit records a permit in status belum on the business, as the office.
	newPermit := func(f *fixture, id int64, _ string) string {
		p, err := f.srv.Permits.Create(context.Background(), auth.System, id, &permits.Permit{Kind: permits.KindSNI})
		if err != nil {
			f.t.Fatal(err)
		}
		return "/api/v1/permits/" + itoa64(p.ID)
	}
	// office reads: everyone who works for the office, not owners.
	office := want{admin: [2]int{s200, s200}, operator: [2]int{s200, s200}, pimpinan: [2]int{s200, s200}, owner: [2]int{s403, s403}, mitra: refused}
	newQuota := func(f *fixture) int64 {
		q, err := f.srv.Permits.CreateQuota(context.Background(), auth.System, &permits.Quota{Provider: "SEHATI", Scope: "provinsi",
			Total: 10, OpensOn: "2026-01-01", ClosesOn: "2099-12-31"})
		if err != nil {
			f.t.Fatal(err)
		}
		return q.ID
	}
	// readyQuota makes the business a ready micro bakery and returns a quota to allocate it to.
	readyQuota := func(f *fixture, id int64, _ string) string {
		ctx, sys := context.Background(), auth.System
		b, err := f.srv.Registry.Get(ctx, sys, id)
		if err != nil {
			f.t.Fatal(err)
		}
		b.KBLI = "10710"
		if _, err := f.srv.Registry.Update(ctx, sys, b); err != nil {
			f.t.Fatal(err)
		}
		one, yes := 1, true
		if _, err := f.srv.Permits.SaveProfile(ctx, sys, permits.Profile{BusinessID: id, Facilities: &one, Outlets: &one,
			PreservationMethods: &one, ProductType: "bakeri", HalalIngredients: &yes, SeparateTools: &yes, SimpleProcess: &yes}); err != nil {
			f.t.Fatal(err)
		}
		return "/api/v1/halal-quotas/" + itoa64(newQuota(f)) + "/allocations"
	}
	return map[string]matrixCase{
		"GET /usaha/{id}/izin": {path: byID("/usaha/{id}/izin"), want: readOne},
		"POST /usaha/{id}/izin": {path: byID("/usaha/{id}/izin"), body: func(*fixture, int64, string) string {
			return "kind=pirt&status=persiapan&products=Emping+250+g"
		}, want: writers(s303)},
		"POST /izin/{id}/status": {path: func(f *fixture, id int64, v string) string {
			return "/izin" + strings.TrimPrefix(newPermit(f, id, v), "/api/v1/permits") + "/status"
		}, body: func(*fixture, int64, string) string { return "status=persiapan" }, want: writers(s303)},
		"GET /izin":                  {path: fixed("/izin?days=90"), want: all(s200)},
		"GET /izin/halal":            {path: fixed("/izin/halal"), want: office},
		"GET /api/v1/permits/expiry": {path: fixed("/api/v1/permits/expiry?days=90"), want: all(s200)},
		"GET /api/v1/businesses/{id}/permit-readiness": {path: byID("/api/v1/businesses/{id}/permit-readiness?date=2026-12-01"), want: readOne},
		"PUT /api/v1/businesses/{id}/halal-profile": {path: byID("/api/v1/businesses/{id}/halal-profile"), body: func(*fixture, int64, string) string {
			return `{"facilities":1,"outlets":1,"preservation_methods":1,"product_type":"makanan_ringan","halal_ingredients":true,"separate_tools":true,"simple_process":null}`
		}, want: writers(s200)},
		"GET /api/v1/stats/halal-obligation": {path: fixed("/api/v1/stats/halal-obligation?date=2026-12-01"), want: office},
		"GET /api/v1/halal-quotas":           {path: fixed("/api/v1/halal-quotas"), want: office},
		"POST /api/v1/halal-quotas": {path: fixed("/api/v1/halal-quotas"), body: func(*fixture, int64, string) string {
			return `{"provider":"SEHATI BPJPH","scope":"provinsi","total":500,"opens_on":"2026-11-01","closes_on":"2026-12-31"}`
		}, want: adminOnlyW(s201)},
		"GET /api/v1/halal-quotas/{id}": {path: func(f *fixture, _ int64, _ string) string {
			return "/api/v1/halal-quotas/" + itoa64(newQuota(f))
		}, want: office},
		"POST /api/v1/halal-quotas/{id}/allocations": {path: readyQuota, body: func(_ *fixture, id int64, _ string) string {
			return `{"business_ids":[` + itoa64(id) + `],"assistants":["Ahmad"]}`
		}, want: creators(s201)},
		"GET /api/v1/businesses/{id}/permits": {path: byID("/api/v1/businesses/{id}/permits"), want: readOne},
		"POST /api/v1/businesses/{id}/permits": {path: byID("/api/v1/businesses/{id}/permits"), body: func(*fixture, int64, string) string {
			return `{"kind":"pirt","status":"persiapan","products":["Emping melinjo 250 g"],"documents":[{"name":"KTP","received_on":"2026-11-02"}]}`
		}, want: writers(s201)},
		"GET /api/v1/permits":      {path: fixed("/api/v1/permits?kind=nib&status=terbit"), want: all(s200)},
		"GET /api/v1/permits/{id}": {path: newPermit, want: readOne},
		"PATCH /api/v1/permits/{id}": {path: newPermit, body: func(*fixture, int64, string) string {
			return `{"status":"persiapan","note":"Berkas mulai dikumpulkan"}`
		}, want: writers(s200)},
	}
}
