package web

import (
	"context"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/market"
)

// ritelPath creates a retailer and returns its path.
func ritelPath(prefix, suffix string) func(*fixture, int64, string) string {
	return partnerOfKind("Swalayan Baru", "ritel", prefix, suffix)
}

// rowPartner is the retailer of a row: the mitra's own (a) for the
// business in the operator's area, the other (b) for the one outside.
func rowPartner(f *fixture, id int64) int64 {
	if id == f.In.ID {
		return f.partner["a"]
	}
	return f.partner["b"]
}

// newRound opens a round of the row's retailer; with entry, the row's
// business's first product is entered in it. It returns the round and
// the entry (0 without).
func newRound(f *fixture, id int64, entry bool) (int64, int64) {
	ctx := context.Background()
	c := &market.Curation{PartnerID: rowPartner(f, id), HeldOn: "2026-03-12", Place: "Aula Dinas", Capacity: 50}
	if _, err := f.srv.Market.CreateCuration(ctx, auth.System, c); err != nil {
		f.t.Fatal(err)
	}
	if !entry {
		return c.ID, 0
	}
	pid, _ := strconv.ParseInt(firstProduct("{p}")(f, id, ""), 10, 64)
	e, err := f.srv.Market.AddEntry(ctx, auth.System, c.ID, pid, 100)
	if err != nil {
		f.t.Fatal(err)
	}
	return c.ID, e.ID
}

// passedProduct enters the row's business's first product in a round of
// the row's retailer and passes it; it returns the product.
func passedProduct(f *fixture, id int64) int64 {
	c, e := newRound(f, id, true)
	if _, err := f.srv.Market.Decide(context.Background(), auth.System, c, e, &market.Decision{Decision: market.DecisionPass}); err != nil {
		f.t.Fatal(err)
	}
	pid, _ := strconv.ParseInt(firstProduct("{p}")(f, id, ""), 10, 64)
	return pid
}

// passedEntry builds a path for a round of the row's retailer whose entry
// of the row's product passed: {c} is the round, {e} the entry.
func passedEntry(format string) func(*fixture, int64, string) string {
	return func(f *fixture, id int64, _ string) string {
		c, e := newRound(f, id, true)
		if _, err := f.srv.Market.Decide(context.Background(), auth.System, c, e, &market.Decision{Decision: market.DecisionPass}); err != nil {
			f.t.Fatal(err)
		}
		return strings.NewReplacer("{c}", itoa64(c), "{e}", itoa64(e)).Replace(format)
	}
}

// listingBody is a listing of the row's passed product at the row's retailer.
func listingBody(f *fixture, id int64, _ string) string {
	return `{"product_id":` + itoa64(passedProduct(f, id)) + `,"partner_id":` + itoa64(rowPartner(f, id)) +
		`,"outlets":["Gerai Cikande"],"starts_on":"2025-12-01","mode":"consignment","payment_terms_days":14}`
}

// onShelf builds a path for a listing of the row's product at the row's
// retailer: {l} is the listing.
func onShelf(format string) func(*fixture, int64, string) string {
	return func(f *fixture, id int64, _ string) string {
		l := &market.Listing{ProductID: passedProduct(f, id), PartnerID: rowPartner(f, id), Outlets: []string{"Gerai Cikande"},
			StartsOn: "2025-12-01", Mode: market.ModeConsignment, PaymentTermsDays: 14}
		_, err := f.srv.Market.CreateListing(context.Background(), auth.System, l)
		if apperr.Is(err, apperr.Conflict) { // a shared fixture has it already
			list, _ := f.srv.Market.Listings(context.Background(), auth.System, market.ListingFilter{PartnerID: l.PartnerID})
			for _, x := range list {
				if x.ProductID == l.ProductID && x.EndsOn == "" {
					l.ID, err = x.ID, nil
				}
			}
		}
		if err != nil {
			f.t.Fatal(err)
		}
		return strings.ReplaceAll(format, "{l}", itoa64(l.ID))
	}
}

// inRound builds a path for a round of the row's retailer: {c} is the
// round, {e} its entry of the row's product, {p} that product.
func inRound(format string, entry bool) func(*fixture, int64, string) string {
	return func(f *fixture, id int64, _ string) string {
		c, e := newRound(f, id, entry)
		return strings.NewReplacer("{c}", itoa64(c), "{e}", itoa64(e), "{p}", firstProduct("{p}")(f, id, "")).Replace(format)
	}
}

// productBody is a body naming the row's business's first product.
func productBody(format string) func(*fixture, int64, string) string {
	return func(f *fixture, id int64, v string) string { return firstProduct(format)(f, id, v) }
}

// partnerBody is a body naming the row's retailer as {pt}.
func partnerBody(format string) func(*fixture, int64, string) string {
	return func(f *fixture, id int64, _ string) string {
		return strings.ReplaceAll(format, "{pt}", itoa64(rowPartner(f, id)))
	}
}

// Who reaches curation routes: the office and leadership read, officers
// write (operators in their area), the retailer's own mitra reads and
// decides its rounds (404 for another retailer's); owners never.
var (
	curationReaders = func(ok, mitraOut int) want {
		return want{admin: [2]int{ok, ok}, operator: [2]int{ok, ok}, pimpinan: [2]int{ok, ok}, owner: [2]int{s403, s403},
			mitra: [2]int{ok, mitraOut}}
	}
	curationWriters = func(ok, operatorOut int) want {
		return want{admin: [2]int{ok, ok}, operator: [2]int{ok, operatorOut}, pimpinan: [2]int{s403, s403},
			owner: [2]int{s403, s403}, mitra: [2]int{s403, s403}}
	}
	curationDeciders = func(ok int) want {
		return want{admin: [2]int{ok, ok}, operator: [2]int{ok, s404}, pimpinan: [2]int{s403, s403},
			owner: [2]int{s403, s403}, mitra: [2]int{ok, s404}}
	}
)

// partnerViews show a mitra its own records: business and product names,
// never a NIK, phone or owner.
var partnerViews = map[string]bool{"GET /api/v1/curations/{id}": true, "GET /kurasi/{id}": true,
	"POST /api/v1/curations/{id}/entries/{entry_id}/decision": true, "GET /api/v1/listings": true,
	"POST /api/v1/listings": true, "GET /api/v1/listings/{id}": true, "POST /api/v1/listings/{id}/end": true, "GET /ritel": true}

// retailMatrix is the authorisation matrix of retailers' requirements,
// curation rounds, listings and sales.
func retailMatrix() map[string]matrixCase {
	return map[string]matrixCase{
		"POST /mitra/{id}/syarat": {path: ritelPath("/mitra/", "/syarat"), body: body("halal=1&min_shelf_life_days=90"),
			want: adminOnlyW(s303)},

		"GET /api/v1/curations": {path: fixed("/api/v1/curations"), want: curationReaders(s200, s200)},
		"POST /api/v1/curations": {path: fixed("/api/v1/curations"),
			body: partnerBody(`{"partner_id":{pt},"held_on":"2026-03-12","place":"Aula Dinas","capacity":10}`),
			want: curationWriters(s201, s201)},
		"GET /api/v1/curations/{id}": {path: inRound("/api/v1/curations/{c}", true), want: curationReaders(s200, s404)},
		"POST /api/v1/curations/{id}/entries": {path: inRound("/api/v1/curations/{c}/entries", false),
			body: productBody(`{"product_id":{p},"monthly_supply":300}`), want: curationWriters(s201, s404)},
		"POST /api/v1/curations/{id}/entries/{entry_id}/decision": {path: inRound("/api/v1/curations/{c}/entries/{e}/decision", true),
			body: body(`{"decision":"perbaikan","fixes":["Urus sertifikat halal"]}`), want: curationDeciders(s200)},
		"GET /api/v1/listings": {path: fixed("/api/v1/listings?district=36.04.15"), want: curationReaders(s200, s200)},
		"POST /api/v1/listings": {path: fixed("/api/v1/listings"), body: listingBody,
			want: want{admin: [2]int{s201, s201}, operator: [2]int{s201, s422}, pimpinan: [2]int{s403, s403},
				owner: [2]int{s403, s403}, mitra: [2]int{s201, s403}}},
		"GET /api/v1/listings/{id}": {path: onShelf("/api/v1/listings/{l}"),
			want: want{admin: [2]int{s200, s200}, operator: [2]int{s200, s404}, pimpinan: [2]int{s200, s200},
				owner: [2]int{s403, s403}, mitra: [2]int{s200, s404}}},
		"POST /api/v1/listings/{id}/sales": {path: onShelf("/api/v1/listings/{l}/sales"),
			body: body(`{"month":"2026-01","units":40,"revenue":1000000}`), want: curationDeciders(s201)},
		"POST /api/v1/listings/{id}/end": {path: onShelf("/api/v1/listings/{l}/end"),
			body: body(`{"ends_on":"2026-11-30","reason":"Pasokan berhenti"}`), want: curationDeciders(s200)},
		"POST /ritel/{id}/selesai": {path: onShelf("/ritel/{l}/selesai"), body: body("ends_on=2026-11-30&reason=Kontrak+selesai"),
			want: curationDeciders(s303)},
		"GET /ritel": {path: fixed("/ritel"), want: curationReaders(s200, s200)},
		"POST /ritel/{id}/penjualan": {path: onShelf("/ritel/{l}/penjualan"), body: body("month=2026-01&units=40&revenue=1.000.000"),
			want: curationDeciders(s303)},
		"POST /kurasi/{id}/produk/{entry_id}/pajang": {path: passedEntry("/kurasi/{c}/produk/{e}/pajang"),
			body: body("outlets=Gerai+Cikande&starts_on=2026-01-05&mode=consignment&payment_terms_days=14"), want: curationDeciders(s303)},
		"GET /api/v1/stats/market": {path: fixed("/api/v1/stats/market"),
			want: want{admin: [2]int{s200, s200}, operator: [2]int{s200, s200}, pimpinan: [2]int{s200, s200},
				owner: [2]int{s403, s403}, mitra: refused}},
		"GET /kurasi": {path: fixed("/kurasi"), want: curationReaders(s200, s200)},
		"POST /kurasi": {path: fixed("/kurasi"), body: partnerBody("partner_id={pt}&held_on=2026-03-12&place=Aula&capacity=10"),
			want: curationWriters(s303, s303)},
		"GET /kurasi/{id}": {path: inRound("/kurasi/{c}", true), want: curationReaders(s200, s404)},
		"POST /kurasi/{id}/produk": {path: inRound("/kurasi/{c}/produk", false), body: productBody("product_id={p}&monthly_supply=300"),
			want: curationWriters(s303, s404)},
		"POST /kurasi/{id}/produk/{entry_id}/keputusan": {path: inRound("/kurasi/{c}/produk/{e}/keputusan", true),
			body: body("decision=lolos"), want: curationDeciders(s303)},
	}
}
