package web

import (
	"context"

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
	return map[string]matrixCase{
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
