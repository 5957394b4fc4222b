package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/demo"
	"naikkelas/internal/market"
	"naikkelas/internal/registry"
)

// catalogueFixture loads a generated demo of n businesses, each with its
// products, all agreeing to the catalogue with a published number that is
// none of the demo's private phones. It returns the businesses.
func catalogueFixture(tb testing.TB, f *fixture, n, maxProducts int) []registry.NewBusiness {
	tb.Helper()
	ctx := context.Background()
	items := demo.Generate(demo.Options{Count: n})
	left := maxProducts
	for _, it := range items {
		it.Business.Products = it.Business.Products[:min(len(it.Business.Products), max(left, 0))]
		left -= len(it.Business.Products)
	}
	for from := 0; from < len(items); from += 2000 {
		if err := f.st.InsertBatch(ctx, items[from:min(from+2000, len(items))]); err != nil {
			tb.Fatal(err)
		}
	}
	private := map[string]bool{f.In.Phone: true, f.Out.Phone: true}
	for _, it := range items {
		private[it.Business.Phone] = true
	}
	next := 0
	published := func() string {
		for {
			next++
			p := fmt.Sprintf("+62899%07d", next)
			if !private[p] {
				return p
			}
		}
	}
	for _, it := range append(items, registry.NewBusiness{Business: f.In}, registry.NewBusiness{Business: f.Out}) {
		c := &market.Consent{BusinessID: it.Business.ID, WhatsApp: published(), ConsentBy: "uji"}
		if err := f.st.SetConsent(ctx, c, &audit.Entry{Username: "uji", Action: "catalogue_consent", Entity: "business"}); err != nil {
			tb.Fatal(err)
		}
	}
	return items
}

// phoneForms lists the ways a normalised +628… number is written.
func phoneForms(p string) []string {
	if p == "" {
		return nil
	}
	d := strings.TrimPrefix(p, "+62")
	return []string{p, "62" + d, "0" + d}
}

// TestCatalogueHoldsNoPrivateData scans every page of the catalogue, its
// JSON and each product page for the NIK, phone and address of every
// business of a generated demo. It holds more products than the catalogue
// counts exactly, so the first pages state their total as a lower bound.
func TestCatalogueHoldsNoPrivateData(t *testing.T) {
	f := newFixture(t)
	items := catalogueFixture(t, f, 700, market.CatalogueCountCap+40)
	var secrets []string
	for _, it := range append(items, registry.NewBusiness{Business: f.In}, registry.NewBusiness{Business: f.Out}) {
		b := it.Business
		if b.NIK != "" {
			secrets = append(secrets, b.NIK)
		}
		secrets = append(secrets, phoneForms(b.Phone)...)
		if len(b.Address) > 12 {
			secrets = append(secrets, b.Address)
		}
	}
	var pages []string
	var ids []int64
	for page := 1; ; page++ {
		w := f.do(request{Method: "GET", Path: fmt.Sprintf("/katalog.json?page=%d", page)})
		var feed struct {
			Items      []market.CatalogueItem `json:"items"`
			Total      int                    `json:"total"`
			LowerBound bool                   `json:"total_is_lower_bound"`
		}
		if err := json.Unmarshal(w.Body.Bytes(), &feed); err != nil || w.Code != 200 {
			t.Fatalf("feed page %d: %d %v", page, w.Code, err)
		}
		html := f.do(request{Method: "GET", Path: fmt.Sprintf("/katalog?page=%d", page)}).Body.String()
		pages = append(pages, w.Body.String(), html)
		if page == 1 && (!feed.LowerBound || feed.Total != market.CatalogueCountCap ||
			!strings.Contains(html, "Lebih dari 1.000 produk") || !strings.Contains(html, `rel="next"`)) {
			t.Fatalf("first page: total %d, lower bound %v; want more than %d stated", feed.Total, feed.LowerBound,
				market.CatalogueCountCap)
		}
		for _, it := range feed.Items {
			ids = append(ids, it.ID)
			if !strings.HasPrefix(it.OrderURL, "https://wa.me/62899") {
				t.Fatalf("order link %q is not the published number", it.OrderURL)
			}
		}
		if len(feed.Items) == 0 || !feed.LowerBound && page*market.CataloguePerPage >= feed.Total {
			if len(ids) != feed.Total {
				t.Fatalf("read %d items of %d", len(ids), feed.Total)
			}
			break
		}
	}
	if len(ids) < 200 {
		t.Fatalf("only %d catalogue products", len(ids))
	}
	for _, id := range ids {
		w := f.do(request{Method: "GET", Path: "/katalog/" + itoa64(id)})
		if w.Code != 200 {
			t.Fatalf("product page %d: %d", id, w.Code)
		}
		pages = append(pages, w.Body.String())
	}
	for _, body := range pages {
		for _, s := range secrets {
			if strings.Contains(body, s) {
				t.Fatalf("the catalogue shows private data %q", s)
			}
		}
	}
	t.Logf("%d pages scanned for %d private values", len(pages), len(secrets))
}

// TestCatalogueConsentAndFilters: only consenting businesses appear, a
// withdrawal removes them, permits show only once verified, and the
// filters narrow the list.
func TestCatalogueConsentAndFilters(t *testing.T) {
	f := newFixture(t)
	ps, _ := f.st.ListProducts(t.Context(), f.In.ID)
	feed := func(q string) string { return f.do(request{Method: "GET", Path: "/katalog.json" + q}).Body.String() }
	if strings.Contains(feed(""), "Emping melinjo") {
		t.Fatal("a product without consent is in the catalogue")
	}
	w := f.do(request{Method: "PUT", Path: "/api/v1/businesses/" + itoa64(f.In.ID) + "/catalogue", Role: "owner",
		Body: `{"whatsapp":"0857-1111-2222"}`})
	if w.Code != 200 || !strings.Contains(w.Body.String(), `"consent_by":"pemilik"`) {
		t.Fatalf("owner consents: %d %s", w.Code, w.Body)
	}
	if got := feed(""); !strings.Contains(got, "Emping melinjo") || !strings.Contains(got, "wa.me/6285711112222") {
		t.Fatalf("consenting business not listed with its number: %s", got)
	}
	p := ps[0]
	p.PIRTNumber, p.HalalNumber = "206360401011226", "ID36110000123450825"
	up, err := f.srv.Market.Update(t.Context(), auth.ActorOf(f.users["owner"]), &p)
	if err != nil {
		t.Fatal(err)
	}
	p = *up
	if got := feed(""); strings.Contains(got, "206360401011226") || strings.Contains(feed("?halal=1"), "Emping") {
		t.Fatal("an unverified permit is shown")
	}
	p.PIRTVerified, p.HalalVerified = true, true
	if _, err := f.srv.Market.Update(t.Context(), auth.ActorOf(f.users["operator"]), &p); err != nil {
		t.Fatal(err)
	}
	if got := feed("?halal=1&kecamatan=36.04.15&kategori=makanan&q=empi"); !strings.Contains(got, "P-IRT 206360401011226") {
		t.Fatalf("verified permits and filters: %s", got)
	}
	if got := feed("?kecamatan=36.04.05"); strings.Contains(got, "Emping") {
		t.Fatal("kecamatan filter lets another kecamatan through")
	}
	w = f.do(request{Method: "DELETE", Path: "/api/v1/businesses/" + itoa64(f.In.ID) + "/catalogue", Role: "owner"})
	if w.Code != 204 || strings.Contains(feed(""), "Emping melinjo") {
		t.Fatalf("withdrawal: %d, still listed", w.Code)
	}
	if w := f.do(request{Method: "GET", Path: "/katalog/" + itoa64(p.ID)}); w.Code != 404 {
		t.Errorf("product page after withdrawal: %d", w.Code)
	}
}

// shelve puts the first product of n businesses on the fixture's retailer's
// shelves.
func shelve(tb testing.TB, f *fixture, items []registry.NewBusiness, n int) {
	tb.Helper()
	ctx := context.Background()
	for _, it := range items[:n] {
		ps, err := f.st.ListProducts(ctx, it.Business.ID)
		if err != nil || len(ps) == 0 {
			continue
		}
		l := &market.Listing{ProductID: ps[0].ID, PartnerID: f.partner["a"], Outlets: []string{"Cikande"}, StartsOn: "2026-01-05",
			Mode: market.ModeConsignment, PaymentTermsDays: 14, CreatedAt: time.Now()}
		if err := f.st.CreateListing(ctx, l, &audit.Entry{Username: "uji", Action: "create", Entity: "listing"}); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkCatalogue measures the catalogue's first page and a filtered
// search at the size of Kabupaten Serang: 48,000 businesses, 60,000
// products, all in the catalogue (the worst case for its queries).
func BenchmarkCatalogue(b *testing.B) {
	f := newFixture(b)
	items := catalogueFixture(b, f, 48_000, 60_000)
	shelve(b, f, items, 300)
	for _, bc := range []struct{ name, path string }{
		{"in-retail", "/katalog?ritel=1"},
		{"first-page", "/katalog"},
		{"first-page-json", "/katalog.json"},
		{"search-filtered", "/katalog?q=kopi&kecamatan=36.04.15&halal=1"},
		{"search-text", "/katalog.json?q=bandeng"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			req := httptest.NewRequest("GET", bc.path, nil)
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
