package storetest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/market"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

func partnerAudit() *audit.Entry {
	return &audit.Entry{Username: "admin", Action: audit.Create, Entity: "partner"}
}

// testRetailRequirements: a retailer's requirements survive a round trip,
// an update can clear them, and a partner without any reads back nil.
func testRetailRequirements(t *testing.T, s store.Store) {
	req := &market.Requirements{Halal: true, PIRTOrBPOM: true, MinShelfLifeDays: 90, MinLabelScore: 80}
	shop := &programs.Partner{Name: "Swalayan Serang", Kind: "ritel", Requirements: req}
	bank := &programs.Partner{Name: "Bank Daerah", Kind: "bank"}
	for _, pt := range []*programs.Partner{shop, bank} {
		if err := s.CreatePartner(ctx, pt, partnerAudit()); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.GetPartner(ctx, shop.ID)
	if err != nil || got.Requirements == nil || *got.Requirements != *req {
		t.Fatalf("GetPartner(ritel) requirements = %+v, %v; want %+v", got.Requirements, err, req)
	}
	if got, _ := s.GetPartner(ctx, bank.ID); got.Requirements != nil {
		t.Errorf("a partner without requirements reads %+v", got.Requirements)
	}
	shop.Requirements = &market.Requirements{Barcode: true}
	if err := s.UpdatePartner(ctx, shop, partnerAudit()); err != nil {
		t.Fatal(err)
	}
	list, err := s.ListPartners(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, pt := range list {
		if pt.ID == shop.ID && (pt.Requirements == nil || *pt.Requirements != market.Requirements{Barcode: true}) {
			t.Errorf("ListPartners after update: %+v", pt.Requirements)
		}
	}
	shop.Requirements = nil
	if err := s.UpdatePartner(ctx, shop, partnerAudit()); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.GetPartner(ctx, shop.ID); got.Requirements != nil {
		t.Errorf("cleared requirements read back as %+v", got.Requirements)
	}
}

// retailWorld is a retailer and two products of a business in Cikande.
type retailWorld struct {
	shop      *programs.Partner
	biz       *registry.Business
	emping    *market.Product
	kerupuk   *market.Product
	otherShop *programs.Partner
}

func newRetailWorld(t *testing.T, s store.Store) retailWorld {
	t.Helper()
	w := retailWorld{shop: &programs.Partner{Name: "Swalayan Serang", Kind: "ritel",
		Requirements: &market.Requirements{Halal: true, MinShelfLifeDays: 90}},
		otherShop: &programs.Partner{Name: "Toko Lain", Kind: "ritel"}}
	for _, pt := range []*programs.Partner{w.shop, w.otherShop} {
		if err := s.CreatePartner(ctx, pt, partnerAudit()); err != nil {
			t.Fatal(err)
		}
	}
	w.biz = create(t, s, biz("Emping Bu Iti", cikandeA))
	w.emping = &market.Product{BusinessID: w.biz.ID, Name: "Emping manis", Price: 25000, ShelfLifeDays: 30}
	w.kerupuk = &market.Product{BusinessID: w.biz.ID, Name: "Kerupuk kulit", Price: 15000}
	for _, p := range []*market.Product{w.emping, w.kerupuk} {
		if err := s.CreateProduct(ctx, p, createAudit("product")); err != nil {
			t.Fatal(err)
		}
	}
	return w
}

func (w retailWorld) round(t *testing.T, s store.Store, pt *programs.Partner, capacity int) *market.Curation {
	t.Helper()
	c := &market.Curation{PartnerID: pt.ID, HeldOn: "2026-03-12", Place: "Aula Dinas", Capacity: capacity,
		CreatedBy: "admin", CreatedAt: time.Now().UTC()}
	if err := s.CreateCuration(ctx, c, partnerAudit()); err != nil {
		t.Fatal(err)
	}
	return c
}

func (w retailWorld) enter(s store.Store, c *market.Curation, p *market.Product, unmet ...string) (*market.CurationEntry, error) {
	e := &market.CurationEntry{CurationID: c.ID, ProductID: p.ID, MonthlySupply: 300, Unmet: unmet, Fixes: []string{},
		CreatedBy: "admin", CreatedAt: time.Now().UTC()}
	return e, s.AddCurationEntry(ctx, e, partnerAudit())
}

// testCurations: a round keeps its capacity and one entry per product;
// entries read back with the product's and business's names and their
// pre-check; a decision is saved; rounds list per retailer; a product in a
// round cannot be deleted.
func testCurations(t *testing.T, s store.Store) {
	w := newRetailWorld(t, s)
	r, err := s.Retailer(ctx, w.shop.ID)
	if err != nil || r.Kind != "ritel" || r.Name != "Swalayan Serang" || !r.Requirements.Halal || r.Requirements.MinShelfLifeDays != 90 {
		t.Fatalf("Retailer = %+v, %v", r, err)
	}
	_, err = s.Retailer(ctx, 999999)
	wantCode(t, err, apperr.NotFound)

	c := w.round(t, s, w.shop, 1)
	e, err := w.enter(s, c, w.emping, "belum ada sertifikat halal", "umur simpan 30 hari < 90 hari")
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.enter(s, c, w.kerupuk)
	wantCode(t, err, apperr.Conflict) // full
	big := w.round(t, s, w.shop, 5)
	if _, err := w.enter(s, big, w.emping); err != nil {
		t.Fatal(err)
	}
	_, err = w.enter(s, big, w.emping)
	wantCode(t, err, apperr.Conflict) // twice

	got, err := s.GetCuration(ctx, c.ID)
	if err != nil || len(got.Entries) != 1 || got.PartnerName != "Swalayan Serang" || got.EntryCount != 1 {
		t.Fatalf("GetCuration = %+v, %v", got, err)
	}
	ge := got.Entries[0]
	if ge.ID != e.ID || ge.ProductName != "Emping manis" || ge.BusinessName != "Emping Bu Iti" || ge.VillageCode != cikandeA ||
		len(ge.Unmet) != 2 || ge.Unmet[1] != "umur simpan 30 hari < 90 hari" || ge.Decision != "" || ge.DecidedAt != nil {
		t.Errorf("entry read back as %+v", ge)
	}

	now := time.Now().UTC().Truncate(time.Second)
	e.Decision, e.Fixes, e.Note, e.DecidedBy, e.DecidedAt = market.DecisionFix, []string{"Urus sertifikat halal"}, "", "mitra.swalayan", &now
	if err := s.DecideCurationEntry(ctx, e, partnerAudit()); err != nil {
		t.Fatal(err)
	}
	de, err := s.GetCurationEntry(ctx, e.ID)
	if err != nil || de.Decision != market.DecisionFix || len(de.Fixes) != 1 || de.DecidedAt == nil || !de.DecidedAt.Equal(now) {
		t.Errorf("decided entry = %+v, %v", de, err)
	}
	_, err = s.GetCurationEntry(ctx, 999999)
	wantCode(t, err, apperr.NotFound)

	w.round(t, s, w.otherShop, 3)
	if list, err := s.ListCurations(ctx, w.shop.ID); err != nil || len(list) != 2 {
		t.Errorf("ListCurations(shop) = %d rounds, %v; want 2", len(list), err)
	}
	if list, _ := s.ListCurations(ctx, 0); len(list) != 3 {
		t.Errorf("ListCurations(all) = %d rounds, want 3", len(list))
	}
	_, err = s.DeleteProduct(ctx, w.emping.ID, createAudit("product"))
	wantCode(t, err, apperr.Conflict)
	if _, err := s.GetProduct(ctx, w.emping.ID); err != nil {
		t.Errorf("a product in a curation was deleted: %v", err)
	}
	if _, err := s.DeleteProduct(ctx, w.kerupuk.ID, createAudit("product")); err != nil {
		t.Errorf("a product never curated: %v", err)
	}
}

// testListings: a product passes a round, goes on the shelf once per
// retailer, its monthly sales replace a re-reported month, and lists
// filter by retailer and kecamatan; the catalogue filter finds it.
func testListings(t *testing.T, s store.Store) {
	w := newRetailWorld(t, s)
	c := w.round(t, s, w.shop, 5)
	e, err := w.enter(s, c, w.emping)
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := s.PassedCuration(ctx, w.emping.ID, w.shop.ID); err != nil || ok {
		t.Fatalf("PassedCuration before a decision = %v, %v", ok, err)
	}
	e.Decision = market.DecisionPass
	if err := s.DecideCurationEntry(ctx, e, partnerAudit()); err != nil {
		t.Fatal(err)
	}
	if ok, _ := s.PassedCuration(ctx, w.emping.ID, w.shop.ID); !ok {
		t.Fatal("PassedCuration after lolos = false")
	}
	if ok, _ := s.PassedCuration(ctx, w.emping.ID, w.otherShop.ID); ok {
		t.Error("passed at another retailer")
	}
	l := &market.Listing{ProductID: w.emping.ID, PartnerID: w.shop.ID, Outlets: []string{"Cikande", "Kragilan"},
		StartsOn: "2026-01-05", Mode: market.ModeConsignment, PaymentTermsDays: 14, CreatedBy: "admin", CreatedAt: time.Now().UTC()}
	if err := s.CreateListing(ctx, l, partnerAudit()); err != nil {
		t.Fatal(err)
	}
	twice := *l
	wantCode(t, s.CreateListing(ctx, &twice, partnerAudit()), apperr.Conflict)

	for _, sale := range []market.Sale{
		{ListingID: l.ID, Month: "2026-01", Units: 10, Revenue: 250_000, DueOn: "2026-02-14"},
		{ListingID: l.ID, Month: "2026-02", Units: 12, Revenue: 300_000, DueOn: "2026-03-14"},
		{ListingID: l.ID, Month: "2026-01", Units: 11, Revenue: 275_000, DueOn: "2026-02-14", PaidOn: "2026-02-10"},
	} {
		sale.ReportedBy, sale.ReportedAt = "mitra", time.Now().UTC()
		if err := s.SaveSale(ctx, &sale, partnerAudit()); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.GetListing(ctx, l.ID)
	if err != nil || got.ProductName != "Emping manis" || got.BusinessName != "Emping Bu Iti" || got.PartnerName != "Swalayan Serang" ||
		len(got.Outlets) != 2 || len(got.Sales) != 2 {
		t.Fatalf("GetListing = %+v, %v", got, err)
	}
	if jan := got.Sales[0]; jan.Month != "2026-01" || jan.Units != 11 || jan.Revenue != 275_000 || jan.PaidOn != "2026-02-10" {
		t.Errorf("re-reported January = %+v", jan)
	}
	_, err = s.GetListing(ctx, 999999)
	wantCode(t, err, apperr.NotFound)

	for _, f := range []struct {
		filter market.ListingFilter
		want   int
	}{{market.ListingFilter{}, 1}, {market.ListingFilter{PartnerID: w.shop.ID}, 1}, {market.ListingFilter{PartnerID: w.otherShop.ID}, 0},
		{market.ListingFilter{District: cikande}, 1}, {market.ListingFilter{District: "36.04.05"}, 0},
		{market.ListingFilter{BusinessID: w.biz.ID}, 1}, {market.ListingFilter{BusinessID: w.biz.ID + 1000}, 0}} {
		list, err := s.ListListings(ctx, f.filter)
		if err != nil || len(list) != f.want || (f.want > 0 && len(list[0].Sales) != 2) {
			t.Errorf("ListListings(%+v) = %d listings, %v; want %d with their sales", f.filter, len(list), err, f.want)
		}
	}
	_, err = s.DeleteProduct(ctx, w.emping.ID, createAudit("product"))
	wantCode(t, err, apperr.Conflict)

	if err := s.SetConsent(ctx, &market.Consent{BusinessID: w.biz.ID, WhatsApp: "+6281234567890", ConsentBy: "uji",
		ConsentAt: time.Now().UTC()}, partnerAudit()); err != nil {
		t.Fatal(err)
	}
	for day, want := range map[string]int{"2026-02-01": 1, "2026-01-01": 0} {
		_, n, err := s.CatalogueRows(ctx, market.CatalogueFilter{InRetail: true, Today: day, Page: 1, PerPage: 10})
		if err != nil || n != want {
			t.Errorf("catalogue in retail on %s: %d, %v; want %d", day, n, err, want)
		}
		rows, all, err := s.CatalogueRows(ctx, market.CatalogueFilter{Today: day, Page: 1, PerPage: 10})
		if err != nil || all < 2 || len(rows) != all {
			t.Fatalf("whole catalogue: %d rows of %d, %v; want every product of the business", len(rows), all, err)
		}
		for _, r := range rows {
			if r.OnShelf != (r.ID == w.emping.ID && want == 1) {
				t.Errorf("catalogue row %s on %s: on shelf %v", r.Name, day, r.OnShelf)
			}
		}
		if _, capped, _ := s.CatalogueRows(ctx, market.CatalogueFilter{Today: day, Page: 1, PerPage: 10, CountUpTo: 1}); capped != 2 {
			t.Errorf("catalogue counted up to 1: %d; want 2 (one past the limit)", capped)
		}
		if r, err := s.CatalogueRow(ctx, w.emping.ID, day); err != nil || r.OnShelf != (want == 1) {
			t.Errorf("CatalogueRow on %s = %+v, %v; want on shelf %v", day, r, err, want == 1)
		}
	}
	testListingEnd(t, s, l)
}

// testListingEnd: an ended listing keeps its reason and sales, counts as on
// the shelf through its last day and not after, ends once, and frees the
// product to be listed anew at the retailer.
func testListingEnd(t *testing.T, s store.Store, l *market.Listing) {
	end := market.ListingEnd{EndsOn: "2026-03-31", Reason: "Pasokan berhenti"}
	if err := s.EndListing(ctx, l.ID, end, partnerAudit()); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.EndListing(ctx, l.ID, end, partnerAudit()), apperr.Conflict)
	got, err := s.GetListing(ctx, l.ID)
	if err != nil || got.EndsOn != "2026-03-31" || got.EndReason != "Pasokan berhenti" || len(got.Sales) != 2 {
		t.Fatalf("ended listing = %+v, %v", got, err)
	}
	for day, want := range map[string]int{"2026-03-31": 1, "2026-04-01": 0} {
		if _, n, err := s.CatalogueRows(ctx, market.CatalogueFilter{InRetail: true, Today: day, Page: 1, PerPage: 10}); err != nil || n != want {
			t.Errorf("catalogue in retail on %s after the end: %d, %v; want %d", day, n, err, want)
		}
		rows, err := s.MarketOutcomes(ctx, market.OutcomeQuery{Today: day, LastMonth: "2026-02"})
		if listed := sumListed(rows); err != nil || listed != want {
			t.Errorf("businesses listed on %s after the end: %d, %v; want %d", day, listed, err, want)
		}
	}
	again := &market.Listing{ProductID: l.ProductID, PartnerID: l.PartnerID, Outlets: []string{"Cikande"}, StartsOn: "2026-06-01",
		Mode: market.ModeConsignment, PaymentTermsDays: 14, CreatedAt: time.Now().UTC()}
	if err := s.CreateListing(ctx, again, partnerAudit()); err != nil {
		t.Errorf("listing the product again after its end: %v", err)
	}
}

func sumListed(rows []market.DistrictOutcome) int {
	n := 0
	for _, r := range rows {
		n += r.Listed
	}
	return n
}

// testMarketOutcomes: per kecamatan, businesses with a product, the first
// and latest label scores of products checked twice, curation decisions,
// businesses on a shelf on the day, last month's sales and what is owed
// past its due date; a programme without completers counts nothing.
func testMarketOutcomes(t *testing.T, s store.Store) {
	w := newRetailWorld(t, s)
	create(t, s, biz("Warung Tanpa Produk", cikandeB))
	for _, score := range []int{40, 70, 80} {
		c := &market.LabelCheck{ProductID: w.emping.ID, ElementsVersion: 1, Items: map[string]string{}, Notes: map[string]string{},
			Score: score, Fixes: []market.Fix{}, Flags: []string{}, CheckedBy: "uji", CheckedAt: time.Now().UTC()}
		if err := s.AddLabelCheck(ctx, c, createAudit("product")); err != nil {
			t.Fatal(err)
		}
	}
	round := w.round(t, s, w.shop, 5)
	for p, decision := range map[*market.Product]string{w.emping: market.DecisionPass, w.kerupuk: market.DecisionFix} {
		e, err := w.enter(s, round, p)
		if err != nil {
			t.Fatal(err)
		}
		e.Decision = decision
		if err := s.DecideCurationEntry(ctx, e, partnerAudit()); err != nil {
			t.Fatal(err)
		}
	}
	l := &market.Listing{ProductID: w.emping.ID, PartnerID: w.shop.ID, Outlets: []string{"Cikande"}, StartsOn: "2026-01-05",
		Mode: market.ModePurchase, PaymentTermsDays: 14, CreatedAt: time.Now().UTC()}
	if err := s.CreateListing(ctx, l, partnerAudit()); err != nil {
		t.Fatal(err)
	}
	for _, sale := range []market.Sale{
		{Month: "2026-01", Revenue: 100_000, DueOn: "2026-02-14"},
		{Month: "2026-02", Revenue: 200_000, DueOn: "2026-03-14", PaidOn: "2026-03-10"},
		{Month: "2026-03", Revenue: 300_000, DueOn: "2026-04-14"},
	} {
		sale.ListingID, sale.ReportedAt = l.ID, time.Now().UTC()
		if err := s.SaveSale(ctx, &sale, partnerAudit()); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := s.MarketOutcomes(ctx, market.OutcomeQuery{Today: "2026-04-02", LastMonth: "2026-03"})
	if err != nil || len(rows) != 1 {
		t.Fatalf("MarketOutcomes = %+v, %v; want Cikande only", rows, err)
	}
	want := market.DistrictOutcome{Code: cikande, Businesses: 2, WithProduct: 1, LabelProducts: 1, LabelScoreSum: [2]int{40, 80},
		Decided: 2, Passed: 1, Listed: 1, SalesLastMonth: 300_000, OwedPastTerms: 100_000}
	if rows[0] != want {
		t.Errorf("Cikande = %+v\nwant       %+v", rows[0], want)
	}
	byBusiness, err := s.MarketOutcomes(ctx, market.OutcomeQuery{Today: "2026-04-02", LastMonth: "2026-03", ByBusiness: true})
	if err != nil || len(byBusiness) != 2 {
		t.Fatalf("by business = %+v, %v; want both businesses", byBusiness, err)
	}
	for _, got := range byBusiness {
		want := market.DistrictOutcome{Code: got.Code, Businesses: 1}
		if got.Code == fmt.Sprint(w.biz.ID) {
			want = market.DistrictOutcome{Code: got.Code, Businesses: 1, WithProduct: 1, LabelProducts: 1, LabelScoreSum: [2]int{40, 80},
				Decided: 2, Passed: 1, Listed: 1, SalesLastMonth: 300_000, OwedPastTerms: 100_000}
		}
		if got != want {
			t.Errorf("business %s = %+v\nwant         %+v", got.Code, got, want)
		}
	}
	if rows, _ := s.MarketOutcomes(ctx, market.OutcomeQuery{Today: "2025-12-01", LastMonth: "2025-11"}); len(rows) != 1 || rows[0].Listed != 0 {
		t.Errorf("before the listing starts: %+v", rows)
	}
	if rows, err := s.MarketOutcomes(ctx, market.OutcomeQuery{ProgramID: 999, Today: "2026-04-02", LastMonth: "2026-03"}); err != nil || len(rows) != 0 {
		t.Errorf("a programme without completers: %+v, %v", rows, err)
	}
}

// testFindProducts: the curation board's product search matches product,
// business or brand names in any case, keeps to the scope, skips archived
// businesses, takes % literally and stops at the limit.
func testFindProducts(t *testing.T, s store.Store) {
	newRetailWorld(t, s) // "Emping Bu Iti" in Cikande, with Emping manis and Kerupuk kulit
	far := create(t, s, biz("Sate Bandeng Kramat", kramatwatuA))
	bandeng := &market.Product{BusinessID: far.ID, Name: "Sate bandeng 50% ikan", Price: 30000}
	if err := s.CreateProduct(ctx, bandeng, createAudit("product")); err != nil {
		t.Fatal(err)
	}
	names := func(f market.ProductSearch) string {
		t.Helper()
		if f.Limit == 0 {
			f.Limit = 10
		}
		hits, err := s.FindProducts(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range hits {
			if h.BusinessID == 0 || h.BusinessName == "" || h.DistrictCode == "" {
				t.Errorf("hit without its business: %+v", h)
			}
			out = append(out, h.Name)
		}
		return strings.Join(out, "|")
	}
	for _, c := range []struct {
		f    market.ProductSearch
		want string
	}{
		{market.ProductSearch{Q: "EMPING"}, "Emping manis|Kerupuk kulit"}, // the business's name holds it
		{market.ProductSearch{Q: "kulit"}, "Kerupuk kulit"},
		{market.ProductSearch{Q: "a", Scope: registry.Scope{Regions: []string{kramatwatu}}}, "Sate bandeng 50% ikan"},
		{market.ProductSearch{Q: "bandeng", Scope: registry.Scope{Regions: []string{cikandeA}}}, ""},
		{market.ProductSearch{Q: "50%"}, "Sate bandeng 50% ikan"},
		{market.ProductSearch{Q: "0%"}, "Sate bandeng 50% ikan"},
		{market.ProductSearch{Q: "m%s"}, ""},
		{market.ProductSearch{Q: "i", Limit: 2}, "Emping manis|Kerupuk kulit"}, // of three, by business name
	} {
		if got := names(c.f); got != c.want {
			t.Errorf("FindProducts(%+v) = %q, want %q", c.f, got, c.want)
		}
	}
	gone, err := s.GetBusiness(ctx, far.ID)
	if err != nil {
		t.Fatal(err)
	}
	gone.Status = registry.StatusArchived
	if err := s.UpdateBusiness(ctx, gone, &audit.Entry{Action: audit.Archive, Entity: "business"}); err != nil {
		t.Fatalf("archive: %v", err)
	}
	if got := names(market.ProductSearch{Q: "bandeng"}); got != "" {
		t.Errorf("an archived business's product: %q", got)
	}
}
