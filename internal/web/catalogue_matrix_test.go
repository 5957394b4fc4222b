package web

import (
	"context"

	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/market"
)

// inCatalogue records the row's business's consent and returns the path
// of its first product with {p} replaced ({ph}: its first photo).
func inCatalogue(format string) func(*fixture, int64, string) string {
	return func(f *fixture, id int64, v string) string {
		path := firstProduct(format)(f, id, v)
		c := &market.Consent{BusinessID: id, WhatsApp: "+6285711112222", ConsentBy: "uji"}
		if err := f.st.SetConsent(context.Background(), c, &audit.Entry{Username: "uji", Action: "consent", Entity: "business"}); err != nil {
			f.t.Fatal(err)
		}
		return path
	}
}

func catalogueMatrix() map[string]matrixCase {
	public := withAnon(everyone(s200), s200)
	return map[string]matrixCase{
		"GET /katalog":      {path: fixed("/katalog?q=emping&halal=1"), want: public},
		"GET /katalog.json": {path: fixed("/katalog.json?kecamatan=36.04.15"), want: public},
		"GET /katalog/{id}": {path: inCatalogue("/katalog/{p}"), want: public},
		"GET /katalog/foto/{id}": {path: func(f *fixture, id int64, v string) string {
			inCatalogue("")(f, id, v)
			return "/katalog" + withPhoto(f, id)
		}, want: public},
		"POST /usaha/{id}/katalog": {path: byID("/usaha/{id}/katalog"), body: body("whatsapp=0857-1111-2222"), want: writers(s303)},
		"GET /api/v1/businesses/{id}/catalogue": {path: func(f *fixture, id int64, v string) string {
			inCatalogue("")(f, id, v)
			return "/api/v1/businesses/" + itoa64(id) + "/catalogue"
		}, want: readOne},
		"PUT /api/v1/businesses/{id}/catalogue":    {path: byID("/api/v1/businesses/{id}/catalogue"), body: body(`{"whatsapp":"0857-1111-2222"}`), want: writers(s200)},
		"DELETE /api/v1/businesses/{id}/catalogue": {path: byID("/api/v1/businesses/{id}/catalogue"), want: writers(s204)},
	}
}

// withPhoto returns "/foto/{id}?ukuran=kecil" of the business's first
// product's first photo, adding one if it has none.
func withPhoto(f *fixture, id int64) string {
	firstProduct("")(f, id, "")
	ps, _ := f.st.ListProducts(context.Background(), id)
	if len(ps[0].Photos) == 0 {
		if _, err := f.srv.Market.AddPhoto(context.Background(), auth.System, ps[0].ID, photoPNG()); err != nil {
			f.t.Fatal(err)
		}
		ps, _ = f.st.ListProducts(context.Background(), id)
	}
	return "/foto/" + itoa64(ps[0].Photos[0].ID) + "?ukuran=kecil"
}
