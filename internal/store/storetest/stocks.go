package storetest

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"naikkelas/internal/audit"
	"naikkelas/internal/indicators"
	"naikkelas/internal/market"
	"naikkelas/internal/programs"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

// backdate sets a row's columns to the instants given as YYYY-MM-DD (WIB noon).
func backdate(t *testing.T, s store.Store, table string, id int64, cols map[string]string) {
	t.Helper()
	w, ok := s.(writer)
	if !ok {
		t.Fatal("the store must run raw statements (sqlstore.DB)")
	}
	q := w.Writer()
	for col, day := range cols {
		at, err := time.Parse(time.DateOnly, day)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := q.Exec(ctx, fmt.Sprintf("UPDATE %s SET %s = ? WHERE id = ?", table, col),
			q.Dialect.Time(at.Add(5*time.Hour)), id); err != nil {
			t.Fatal(err)
		}
	}
}

// testStocks: a hand-made register over three years. A (Cikande, desa A)
// created in 2024 and archived in 2025, mikro in 2024; B (Cikande, desa B)
// created 2024, mikro in 2024 and kecil in 2025, a halal certificate issued
// 2024 that expired mid 2025, on a retailer's shelf from September 2024 to
// August 2025; C (Kramatwatu) created 2025, mikro in 2025, halal recorded
// March 2025 without an issue date, on a shelf since February 2026; D
// (Cikande A) created 2026 without figures; E (Cikande A) created 2025,
// halal from January 2025 to 30 September 2026. Each year's stock as it
// ended, 2026 as of 1 June, for the regency, a kecamatan, a desa and
// Kramatwatu's operator (the kept counts answer kecamatan, the certificates
// themselves a desa).
func testStocks(t *testing.T, s store.Store) {
	measure := func(b *registry.Business, year int, revenue int64) {
		t.Helper()
		if err := s.AddMeasurement(ctx, measurement(b.ID, year, revenue, registry.SourceOfficerVerified), true,
			&audit.Entry{Username: "uji", Action: audit.Create, Entity: "measurement"}); err != nil {
			t.Fatal(err)
		}
	}
	a := create(t, s, biz("Gipang A", cikandeA))
	measure(a, 2024, 800_000_000)
	a, err := s.GetBusiness(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	a.Status = registry.StatusArchived
	if err := s.UpdateBusiness(ctx, a, &audit.Entry{Action: audit.Archive, Entity: "business"}); err != nil {
		t.Fatal(err)
	}
	backdate(t, s, "businesses", a.ID, map[string]string{"created_at": "2024-03-10", "updated_at": "2025-05-01"})

	b := biz("Emping B", cikandeB)
	b.HalalStatus, b.HalalNumber, b.HalalExpiresOn = registry.HalalCertified, "ID36000000001", "2025-06-30"
	create(t, s, b)
	measure(b, 2024, 1_000_000_000)
	measure(b, 2025, 5_000_000_000)
	backdate(t, s, "businesses", b.ID, map[string]string{"created_at": "2024-07-01"})
	if _, err := s.(writer).Writer().Exec(ctx, `UPDATE permits SET issued_on = '2024-01-15' WHERE business_id = ? AND kind LIKE 'halal%'`, b.ID); err != nil {
		t.Fatal(err)
	}

	c := biz("Bandeng C", kramatwatuA)
	c.HalalStatus, c.HalalNumber, c.HalalExpiresOn = registry.HalalCertified, "ID36000000002", "2028-01-01"
	create(t, s, c)
	measure(c, 2025, 700_000_000)
	backdate(t, s, "businesses", c.ID, map[string]string{"created_at": "2025-02-01"})
	halalRecorded := func(owner *registry.Business, day string) {
		t.Helper()
		permits, err := s.PermitsOf(ctx, owner.ID)
		if err != nil || len(permits) != 1 {
			t.Fatalf("%s's permits = %+v, %v", owner.Name, permits, err)
		}
		backdate(t, s, "permits", permits[0].ID, map[string]string{"created_at": day})
	}
	halalRecorded(c, "2025-03-01")

	d := create(t, s, biz("Warung D", cikandeA))
	backdate(t, s, "businesses", d.ID, map[string]string{"created_at": "2026-01-10"})
	e := biz("Sambal E", cikandeA)
	e.HalalStatus, e.HalalNumber, e.HalalExpiresOn = registry.HalalCertified, "ID36000000003", "2026-09-30"
	create(t, s, e)
	backdate(t, s, "businesses", e.ID, map[string]string{"created_at": "2025-01-05"})
	halalRecorded(e, "2025-01-05")

	shop := &programs.Partner{Name: "Swalayan Serang", Kind: "ritel"}
	if err := s.CreatePartner(ctx, shop, partnerAudit()); err != nil {
		t.Fatal(err)
	}
	list := func(owner *registry.Business, from, to string) {
		t.Helper()
		p := &market.Product{BusinessID: owner.ID, Name: "Produk " + owner.Name, Price: 20000}
		if err := s.CreateProduct(ctx, p, createAudit("product")); err != nil {
			t.Fatal(err)
		}
		l := &market.Listing{ProductID: p.ID, PartnerID: shop.ID, Outlets: []string{}, StartsOn: from, Mode: market.ModePurchase,
			CreatedBy: "admin", CreatedAt: time.Now().UTC()}
		if err := s.CreateListing(ctx, l, partnerAudit()); err != nil {
			t.Fatal(err)
		}
		if to != "" {
			if err := s.EndListing(ctx, l.ID, market.ListingEnd{EndsOn: to, Reason: "Kontrak selesai"}, partnerAudit()); err != nil {
				t.Fatal(err)
			}
		}
	}
	list(b, "2024-09-01", "2025-08-31")
	list(c, "2026-02-01", "")

	years := []int{2024, 2025, 2026}
	cases := []struct {
		who   string
		scope registry.Scope
		want  []indicators.Stock
	}{
		{"regency", registry.Scope{}, []indicators.Stock{
			{Year: 2024, Businesses: 2, Classes: [5]int{0, 1, 0, 0, 0}, Halal: 1, Listed: 1},
			{Year: 2025, Businesses: 3, Classes: [5]int{0, 1, 1, 0, 0}, Halal: 2, Listed: 0},
			{Year: 2026, Businesses: 4, Classes: [5]int{0, 1, 1, 0, 0}, Halal: 2, Listed: 1}}},
		{"kramatwatu", registry.Scope{Regions: []string{kramatwatu}}, []indicators.Stock{
			{Year: 2024},
			{Year: 2025, Businesses: 1, Classes: [5]int{0, 1, 0, 0, 0}, Halal: 1},
			{Year: 2026, Businesses: 1, Classes: [5]int{0, 1, 0, 0, 0}, Halal: 1, Listed: 1}}},
		{"cikande", registry.Scope{Regions: []string{cikande}}, []indicators.Stock{
			{Year: 2024, Businesses: 2, Classes: [5]int{0, 1, 0, 0, 0}, Halal: 1, Listed: 1},
			{Year: 2025, Businesses: 2, Classes: [5]int{0, 0, 1, 0, 0}, Halal: 1},
			{Year: 2026, Businesses: 3, Classes: [5]int{0, 0, 1, 0, 0}, Halal: 1}}},
		{"cikande A", registry.Scope{Regions: []string{cikandeA}}, []indicators.Stock{
			{Year: 2024, Businesses: 1},
			{Year: 2025, Businesses: 1, Halal: 1},
			{Year: 2026, Businesses: 2, Halal: 1}}},
		{"cikande B", registry.Scope{Regions: []string{cikandeB}}, []indicators.Stock{
			{Year: 2024, Businesses: 1, Classes: [5]int{0, 1, 0, 0, 0}, Halal: 1, Listed: 1},
			{Year: 2025, Businesses: 1, Classes: [5]int{0, 0, 1, 0, 0}},
			{Year: 2026, Businesses: 1, Classes: [5]int{0, 0, 1, 0, 0}}}},
	}
	for _, tc := range cases {
		got, err := s.Stocks(ctx, tc.scope, years, today)
		if err != nil {
			t.Fatalf("%s: %v", tc.who, err)
		}
		for i := range tc.want {
			if i >= len(got) || got[i] != tc.want[i] {
				t.Errorf("%s: Stocks = %+v\nwant %+v", tc.who, got, tc.want)
				break
			}
		}
	}
	checkYears(t, s, "stocks")
}

// StockMigration checks the migration that wrote the class flows: s,
// unmigrated, is brought to the version before it and filled with 2,000
// generated businesses; its flows are then removed, as a database of that
// version never had them, and s is migrated to the end. The flows must
// equal their recomputation, and give classes as the last year ended.
func StockMigration(t *testing.T, s Migrating) {
	t.Helper()
	items := Synth(2000, 0, rand.New(rand.NewPCG(37, 1)), region.All().Villages("36.04"))
	fillAt(t, s, 36, items)
	if _, err := s.(writer).Writer().Exec(ctx, `DELETE FROM year_class_counts WHERE year < -1`); err != nil {
		t.Fatal(err)
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	checkYears(t, s, "after migration 0037")
	st, err := s.Stocks(ctx, registry.Scope{}, []int{2025}, today)
	if err != nil {
		t.Fatal(err)
	}
	if classed := st[0].Classes[1] + st[0].Classes[2] + st[0].Classes[3] + st[0].Classes[4]; classed == 0 || classed > st[0].Businesses+len(items) {
		t.Errorf("classes at the end of 2025 after the migration: %v of %d businesses", st[0].Classes, len(items))
	}
}
