package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/market"
)

// TestListingSales: a passed product goes on the retailer's shelf; its
// mitra reports months; bad months and negative numbers are refused with
// 422 and a message; the owed page and the list show what is unpaid; a
// mitra of another retailer sees none of it; the catalogue filter "sudah di
// ritel modern" finds the product once its business is in the catalogue.
func TestListingSales(t *testing.T) {
	f := newFixture(t)
	w := f.do(request{Method: "POST", Path: "/api/v1/listings", Role: "mitra", Body: listingBody(f, f.In.ID, "")})
	var l market.Listing
	_ = json.Unmarshal(w.Body.Bytes(), &l)
	if w.Code != s201 || l.BusinessName != "Keripik Emping Bu Siti" || l.PaymentTermsDays != 14 {
		t.Fatalf("listing: %d %s", w.Code, w.Body)
	}
	sales := "/api/v1/listings/" + itoa64(l.ID) + "/sales"
	for body, field := range map[string]string{
		`{"month":"2026-1","units":1,"revenue":1}`:                      "month",
		`{"month":"Januari 2026","units":1,"revenue":1}`:                "month",
		`{"month":"2025-11","units":1,"revenue":1}`:                     "month",
		`{"month":"2026-01","units":-3,"revenue":1}`:                    "units",
		`{"month":"2026-01","units":3,"revenue":-15000}`:                "revenue",
		`{"month":"2026-01","units":"tiga","revenue":1}`:                "units",
		`{"month":"2026-01","units":3,"revenue":1,"paid_on":"kemarin"}`: "paid_on",
	} {
		if w := f.do(request{Method: "POST", Path: sales, Role: "mitra", Body: body}); w.Code != s422 || !strings.Contains(w.Body.String(), `"`+field+`"`) {
			t.Errorf("sale %s: %d %s; want 422 on %s", body, w.Code, w.Body, field)
		}
	}
	for _, body := range []string{`{"month":"2026-01","units":40,"revenue":1000000,"paid_on":"2026-02-10"}`,
		`{"month":"2026-02","units":50,"revenue":1250000}`} {
		if w := f.do(request{Method: "POST", Path: sales, Role: "mitra", Body: body}); w.Code != s201 {
			t.Fatalf("sale %s: %d %s", body, w.Code, w.Body)
		}
	}
	w = f.do(request{Method: "GET", Path: "/api/v1/listings/" + itoa64(l.ID), Role: "operator"})
	_ = json.Unmarshal(w.Body.Bytes(), &l)
	if l.Totals.Revenue != 2_250_000 || l.Totals.Owed != 1_250_000 || l.Sales[1].DueOn != "2026-03-14" {
		t.Errorf("listing after sales: %+v", l)
	}
	page := f.do(request{Method: "GET", Path: "/ritel", Role: "pimpinan"}).Body.String()
	for _, want := range []string{"Rp1.250.000", "Swalayan Daerah", "Emping melinjo", "14 Maret 2026"} {
		if !strings.Contains(page, want) {
			t.Errorf("the owed page lacks %q", want)
		}
	}
	other := f.addMitra(t, f.partner["b"])
	if w := f.do(request{Method: "GET", Path: "/api/v1/listings/" + itoa64(l.ID), Role: other}); w.Code != s404 {
		t.Errorf("another retailer's mitra reads the listing: %d", w.Code)
	}
	if w := f.do(request{Method: "POST", Path: sales, Role: other, Body: `{"month":"2026-02","units":1,"revenue":1}`}); w.Code != s404 {
		t.Errorf("another retailer's mitra reports sales: %d", w.Code)
	}
	list := f.do(request{Method: "GET", Path: "/api/v1/listings?partner_id=" + itoa64(f.partner["a"]), Role: other}).Body.String()
	if strings.Contains(list, "Keripik") {
		t.Errorf("another retailer's mitra lists the listing: %s", list)
	}
	if w := f.do(request{Method: "GET", Path: "/api/v1/listings?partner_id=abc", Role: "admin"}); w.Code != s422 {
		t.Errorf("a bad partner_id: %d", w.Code)
	}

	if w := f.do(request{Method: "PUT", Path: "/api/v1/businesses/" + itoa64(f.In.ID) + "/catalogue", Role: "owner",
		Body: `{"whatsapp":"081234567890"}`}); w.Code != s200 {
		t.Fatalf("consent: %d %s", w.Code, w.Body)
	}
	if w := f.do(request{Method: "POST", Path: "/api/v1/businesses/" + itoa64(f.In.ID) + "/products", Role: "owner",
		Body: `{"name":"Rengginang ketan","price":12000}`}); w.Code != s201 {
		t.Fatalf("second product: %d %s", w.Code, w.Body)
	}
	body := f.do(request{Method: "GET", Path: "/katalog.json?ritel=1"}).Body.String()
	if !strings.Contains(body, "Emping melinjo") || strings.Contains(body, "Rengginang") {
		t.Errorf("catalogue in retail: %s; want the listed product only", body)
	}
	var feed struct{ Items []market.CatalogueItem }
	if w := f.do(request{Method: "GET", Path: "/katalog.json"}); json.Unmarshal(w.Body.Bytes(), &feed) != nil || len(feed.Items) != 2 {
		t.Fatalf("the whole catalogue: %s; want both products", w.Body)
	}
	html := f.do(request{Method: "GET", Path: "/katalog"}).Body.String()
	for _, it := range feed.Items {
		listed := strings.HasPrefix(it.Name, "Emping")
		page := f.do(request{Method: "GET", Path: "/katalog/" + itoa64(it.ID)}).Body.String()
		card := html[strings.Index(html, it.Name):]
		card = card[:strings.Index(card, "</li>")]
		badge := "Di ritel modern"
		for where, shown := range map[string]bool{"feed": it.InRetail, "card": strings.Contains(card, badge),
			"product page": strings.Contains(page, badge)} {
			if shown != listed {
				t.Errorf("%s of %s says in retail %v; want %v", where, it.Name, shown, listed)
			}
		}
	}
}

// TestMarketOutcomesAPI: the figures count the listed business in Cikande
// for the office; an operator sees its own kecamatan only; a bad programme
// id is refused.
func TestMarketOutcomesAPI(t *testing.T) {
	f := newFixture(t)
	if w := f.do(request{Method: "POST", Path: "/api/v1/listings", Role: "admin", Body: listingBody(f, f.In.ID, "")}); w.Code != s201 {
		t.Fatalf("listing: %d %s", w.Code, w.Body)
	}
	var out market.Outcomes
	w := f.do(request{Method: "GET", Path: "/api/v1/stats/market", Role: "pimpinan"})
	_ = json.Unmarshal(w.Body.Bytes(), &out)
	if w.Code != s200 || out.Total.Listed != 1 || out.Total.Passed != 1 || out.Total.PassRate != 1 || out.Total.WithProduct != 2 {
		t.Errorf("pimpinan: %d %+v", w.Code, out.Total)
	}
	w = f.do(request{Method: "GET", Path: "/api/v1/stats/market", Role: "operator"})
	out = market.Outcomes{}
	_ = json.Unmarshal(w.Body.Bytes(), &out)
	if len(out.Districts) != 1 || out.Districts[0].Code != cikande || out.Districts[0].Name != "Cikande" {
		t.Errorf("operator's kecamatan: %+v", out.Districts)
	}
	if w := f.do(request{Method: "GET", Path: "/api/v1/stats/market?program_id=x", Role: "admin"}); w.Code != s422 {
		t.Errorf("a bad programme id: %d", w.Code)
	}
}

// TestListingPages: the mitra puts a passed entry on its shelves from the
// board and reports a month from /ritel, which comes back with that
// listing open; a negative amount comes back as a message, not a saved month.
func TestListingPages(t *testing.T) {
	f := newFixture(t)
	path := passedEntry("/kurasi/{c}/produk/{e}/pajang")(f, f.In.ID, "")
	w := f.do(request{Method: "POST", Path: path, Role: "mitra",
		Body: "outlets=Swalayan+Cikande%0ASwalayan+Kibin&starts_on=2026-01-05&mode=purchase&payment_terms_days=30"})
	if w.Code != s303 || !strings.HasPrefix(w.Header().Get("Location"), "/ritel?pesan=") {
		t.Fatalf("list from the board: %d %s", w.Code, w.Header().Get("Location"))
	}
	list, err := f.srv.Market.Listings(context.Background(), auth.System, market.ListingFilter{})
	if err != nil || len(list) != 1 || len(list[0].Outlets) != 2 || list[0].Mode != market.ModePurchase {
		t.Fatalf("listings %+v, %v", list, err)
	}
	sales := "/ritel/" + itoa64(list[0].ID) + "/penjualan"
	if w := f.do(request{Method: "POST", Path: sales, Role: "mitra", Body: "month=2026-02&units=12&revenue=-5000"}); !strings.Contains(w.Header().Get("Location"), "galat=") {
		t.Errorf("a negative amount: %d %s", w.Code, w.Header().Get("Location"))
	}
	back := "/ritel?buka=" + itoa64(list[0].ID) + "&pesan="
	if w := f.do(request{Method: "POST", Path: sales, Role: "mitra", Body: "month=2026-02&units=12&revenue=360.000"}); !strings.HasPrefix(w.Header().Get("Location"), back) ||
		!strings.HasSuffix(w.Header().Get("Location"), "#ritel-"+itoa64(list[0].ID)) {
		t.Errorf("a month: %d %s, want back to the listing open", w.Code, w.Header().Get("Location"))
	}
	page := f.do(request{Method: "GET", Path: "/ritel", Role: "mitra"}).Body.String()
	for _, want := range []string{"Beli putus, tempo 30 hari", "2 gerai", "Rp360.000", "Laporkan penjualan"} {
		if !strings.Contains(page, want) {
			t.Errorf("/ritel lacks %q", want)
		}
	}
}

// TestOwnerSeesOwnListings: the owner's business page lists its product on
// the retailer's shelf with its outlets, months reported and what is owed
// and for how long; another business's listing shows on neither page the
// owner can open.
func TestOwnerSeesOwnListings(t *testing.T) {
	f := newFixture(t)
	var own, other market.Listing
	w := f.do(request{Method: "POST", Path: "/api/v1/listings", Role: "admin", Body: listingBody(f, f.In.ID, "")})
	if err := json.Unmarshal(w.Body.Bytes(), &own); err != nil || w.Code != s201 {
		t.Fatalf("own listing: %d %s", w.Code, w.Body)
	}
	body := strings.Replace(listingBody(f, f.Out.ID, ""), "Gerai Cikande", "Gerai Pulau Seribu", 1)
	if w := f.do(request{Method: "POST", Path: "/api/v1/listings", Role: "admin", Body: body}); json.Unmarshal(w.Body.Bytes(), &other) != nil || w.Code != s201 {
		t.Fatalf("other listing: %d %s", w.Code, w.Body)
	}
	for id, sale := range map[int64]string{own.ID: `{"month":"2026-01","units":50,"revenue":1250000}`,
		other.ID: `{"month":"2026-01","units":7,"revenue":987000}`} {
		if w := f.do(request{Method: "POST", Path: "/api/v1/listings/" + itoa64(id) + "/sales", Role: "admin", Body: sale}); w.Code != s201 {
			t.Fatalf("sale: %d %s", w.Code, w.Body)
		}
	}
	page := f.do(request{Method: "GET", Path: "/usaha/" + itoa64(f.In.ID), Role: "owner"}).Body.String()
	for _, want := range []string{"Di ritel modern", own.ProductName + " · " + own.PartnerName, "Gerai Cikande",
		"Penjualan dilaporkan 1 bulan", "belum dibayar <strong>Rp1.250.000</strong> (terlama"} {
		if !strings.Contains(page, want) {
			t.Errorf("the owner's page lacks %q", want)
		}
	}
	for _, leak := range []string{"Gerai Pulau Seribu", "Rp987.000"} {
		if strings.Contains(page, leak) {
			t.Errorf("the owner's page shows another business's listing: %q", leak)
		}
	}
	if w := f.do(request{Method: "GET", Path: "/usaha/" + itoa64(f.Out.ID), Role: "owner"}); w.Code == s200 {
		t.Errorf("the owner opens another business: %d", w.Code)
	}
}

// TestListingEnd: the retailer's mitra ends a listing; a date before the
// start, after today, before a reported month, a bad date or no reason
// are refused with 422 on their field; the owner may not; once ended the
// product leaves "sudah di ritel modern", a month after the end cannot be
// reported, a second end is a conflict, and /ritel shows the end with a
// form only on listings still on the shelf.
func TestListingEnd(t *testing.T) {
	f := newFixture(t)
	w := f.do(request{Method: "POST", Path: "/api/v1/listings", Role: "mitra", Body: listingBody(f, f.In.ID, "")})
	var l market.Listing
	if w.Code != s201 || json.Unmarshal(w.Body.Bytes(), &l) != nil {
		t.Fatalf("listing: %d %s", w.Code, w.Body)
	}
	path := "/api/v1/listings/" + itoa64(l.ID)
	if w := f.do(request{Method: "POST", Path: path + "/sales", Role: "mitra", Body: `{"month":"2026-02","units":5,"revenue":50000}`}); w.Code != s201 {
		t.Fatalf("sale: %d %s", w.Code, w.Body)
	}
	tomorrow := idfmt.Day(time.Now().AddDate(0, 0, 1))
	for body, field := range map[string]string{
		`{"ends_on":"2025-11-30","reason":"Tidak laku"}`:       "ends_on",
		`{"ends_on":"` + tomorrow + `","reason":"Tidak laku"}`: "ends_on",
		`{"ends_on":"2026-01-31","reason":"Tidak laku"}`:       "ends_on",
		`{"ends_on":"31-03-2026","reason":"Tidak laku"}`:       "ends_on",
		`{"ends_on":"2026-03-31","reason":" "}`:                "reason",
	} {
		if w := f.do(request{Method: "POST", Path: path + "/end", Role: "mitra", Body: body}); w.Code != s422 || !strings.Contains(w.Body.String(), `"`+field+`"`) {
			t.Errorf("end %s: %d %s; want 422 on %s", body, w.Code, w.Body, field)
		}
	}
	if w := f.do(request{Method: "POST", Path: path + "/end", Role: "owner", Body: `{"ends_on":"2026-03-31","reason":"Tutup"}`}); w.Code != s403 {
		t.Errorf("the owner ends a listing: %d", w.Code)
	}
	if w := f.do(request{Method: "PUT", Path: "/api/v1/businesses/" + itoa64(f.In.ID) + "/catalogue", Role: "owner",
		Body: `{"whatsapp":"081234567890"}`}); w.Code != s200 {
		t.Fatalf("consent: %d %s", w.Code, w.Body)
	}
	if body := f.do(request{Method: "GET", Path: "/katalog.json?ritel=1"}).Body.String(); !strings.Contains(body, "Emping melinjo") {
		t.Fatalf("before its end the product is not in retail: %s", body)
	}
	w = f.do(request{Method: "POST", Path: path + "/end", Role: "mitra", Body: `{"ends_on":"2026-03-31","reason":"Pasokan berhenti"}`})
	if w.Code != s200 || json.Unmarshal(w.Body.Bytes(), &l) != nil || l.EndsOn != "2026-03-31" || l.EndReason != "Pasokan berhenti" {
		t.Fatalf("end: %d %s", w.Code, w.Body)
	}
	if body := f.do(request{Method: "GET", Path: "/katalog.json?ritel=1"}).Body.String(); strings.Contains(body, "Emping melinjo") {
		t.Errorf("after its end the product is still in retail: %s", body)
	}
	var out market.Outcomes
	if w := f.do(request{Method: "GET", Path: "/api/v1/stats/market", Role: "pimpinan"}); json.Unmarshal(w.Body.Bytes(), &out) != nil || out.Total.Listed != 0 {
		t.Errorf("an ended listing still counts as listed: %s", w.Body)
	}
	if w := f.do(request{Method: "POST", Path: path + "/sales", Role: "mitra", Body: `{"month":"2026-04","units":5,"revenue":50000}`}); w.Code != s422 {
		t.Errorf("a sale after the end: %d %s", w.Code, w.Body)
	}
	if w := f.do(request{Method: "POST", Path: path + "/end", Role: "admin", Body: `{"ends_on":"2026-04-30","reason":"Lagi"}`}); w.Code != http.StatusConflict {
		t.Errorf("a second end: %d %s", w.Code, w.Body)
	}
	page := f.do(request{Method: "GET", Path: "/ritel", Role: "operator"}).Body.String()
	if !strings.Contains(page, "Selesai dipajang") || !strings.Contains(page, "Pasokan berhenti") || strings.Contains(page, `/ritel/`+itoa64(l.ID)+`/selesai`) {
		t.Errorf("/ritel after the end lacks it or still offers the end form")
	}
}
