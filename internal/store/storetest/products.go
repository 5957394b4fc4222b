package storetest

import (
	"fmt"
	"slices"
	"testing"

	"naikkelas/internal/apperr"
	"naikkelas/internal/market"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
	"naikkelas/internal/store/sqlstore"
)

// productNames lists a business's product records by name.
func productNames(t *testing.T, s store.Store, businessID int64) []string {
	t.Helper()
	ps, err := s.ListProducts(ctx, businessID)
	if err != nil {
		t.Fatalf("ListProducts: %v", err)
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = fmt.Sprintf("%s/%s/%d", p.Name, p.Category, p.Price)
	}
	return out
}

// summary lists the product summary stored with the business.
func summary(t *testing.T, s store.Store, businessID int64) []string {
	t.Helper()
	b, err := s.GetBusiness(ctx, businessID)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(b.Products))
	for i, p := range b.Products {
		out[i] = fmt.Sprintf("%s/%s/%d", p.Name, p.Category, p.Price)
	}
	return out
}

func testProducts(t *testing.T, s store.Store) {
	b := biz("Emping Bu Iti", cikandeA)
	b.Products = []registry.Product{{Name: "Emping manis", Category: "makanan", Price: 25000}, {Name: "Keripik", Price: 10000}}
	create(t, s, b)
	want := []string{"Emping manis/makanan/25000", "Keripik//10000"}
	if got := productNames(t, s, b.ID); !slices.Equal(got, want) {
		t.Fatalf("records of a new business = %v, want %v", got, want)
	}

	// The business's list adds and updates by name, never deletes.
	b.Products = []registry.Product{{Name: "EMPING  manis", Category: "makanan", Price: 27000}, {Name: "Gipang", Category: "makanan"}}
	if err := s.UpdateBusiness(ctx, b, nil); err != nil {
		t.Fatal(err)
	}
	want = []string{"Emping manis/makanan/27000", "Keripik//10000", "Gipang/makanan/0"}
	if got := productNames(t, s, b.ID); !slices.Equal(got, want) {
		t.Fatalf("records after a business update = %v, want %v", got, want)
	}
	if got := summary(t, s, b.ID); !slices.Equal(got, want) {
		t.Fatalf("summary = %v, want %v", got, want)
	}

	// A product record of its own, updated with its version, deleted.
	p := &market.Product{BusinessID: b.ID, Name: "Kopi robusta", Category: "minuman", NetContent: 250, NetUnit: "g",
		Price: 35000, ShelfLifeDays: 180, Barcode: "4006381333931", PIRTNumber: "206360401011226", PIRTVerified: true}
	if err := s.CreateProduct(ctx, p, createAudit("product")); err != nil {
		t.Fatalf("CreateProduct: %v", err)
	}
	got, err := s.GetProduct(ctx, p.ID)
	if err != nil || got.NetContent != 250 || got.NetUnit != "g" || !got.PIRTVerified || got.Barcode != "4006381333931" ||
		got.Version != 1 || got.ShelfLifeDays != 180 {
		t.Fatalf("GetProduct = %+v, %v", got, err)
	}
	got.Price = 37000
	stale := *got
	if err := s.UpdateProduct(ctx, got, createAudit("product")); err != nil || got.Version != 2 {
		t.Fatalf("UpdateProduct: %v (version %d)", err, got.Version)
	}
	wantCode(t, s.UpdateProduct(ctx, &stale, createAudit("product")), apperr.Conflict)
	if sum := summary(t, s, b.ID); sum[len(sum)-1] != "Kopi robusta/minuman/37000" {
		t.Fatalf("summary after a product update = %v", sum)
	}

	ph := &market.Photo{ProductID: p.ID, File: "a.jpg", Thumb: "a-kecil.jpg", Width: 800, Height: 600, CreatedBy: "uji"}
	if err := s.AddPhoto(ctx, ph, createAudit("product")); err != nil {
		t.Fatalf("AddPhoto: %v", err)
	}
	if n, err := s.CountPhotos(ctx, p.ID); err != nil || n != 1 {
		t.Fatalf("CountPhotos = %d, %v", n, err)
	}
	if got, _ := s.GetProduct(ctx, p.ID); len(got.Photos) != 1 || got.Photos[0].File != "a.jpg" {
		t.Fatalf("photos of the product = %+v", got.Photos)
	}
	photos, err := s.DeleteProduct(ctx, p.ID, createAudit("product"))
	if err != nil || len(photos) != 1 {
		t.Fatalf("DeleteProduct = %v, %v", photos, err)
	}
	_, err = s.GetProduct(ctx, p.ID)
	wantCode(t, err, apperr.NotFound)
	_, err = s.GetPhoto(ctx, ph.ID)
	wantCode(t, err, apperr.NotFound)
	if sum := summary(t, s, b.ID); len(sum) != 3 {
		t.Fatalf("summary after a delete = %v", sum)
	}

	// Bulk inserts create the records too.
	items := batch(3, 900)
	items[1].Business.Products = []registry.Product{{Name: "Sate bandeng", Category: "makanan", Price: 40000}}
	if err := s.InsertBatch(ctx, items); err != nil {
		t.Fatal(err)
	}
	if got := productNames(t, s, items[1].Business.ID); !slices.Equal(got, []string{"Sate bandeng/makanan/40000"}) {
		t.Fatalf("records of a batch business = %v", got)
	}
}

// TestProductMigration checks that migration 0013 turns the embedded product
// lists of existing businesses into records without losing an entry: it
// writes embedded lists the way the older schema held them, undoes 0013
// and migrates again. db is the engine's database under s.
func TestProductMigration(t *testing.T, s store.Store, db *sqlstore.DB) {
	a := create(t, s, biz("Gerabah Bumijaya", cikandeA))
	b := create(t, s, biz("Warung Ibu Sari", cikandeB))
	c := create(t, s, biz("Golok Ciomas", kramatwatuA))
	w := db.Writer()
	for _, stmt := range []struct {
		sql  string
		args []any
	}{
		{`DROP TABLE listing_sales`, nil}, // 0022's and 0021's, which refer to products
		{`DROP TABLE listings`, nil},
		{`DROP TABLE curation_entries`, nil},
		{`DROP TABLE curations`, nil},
		{`DROP TABLE label_checks`, nil}, // 0018's, which refers to products
		{`DROP TABLE catalogue_consents`, nil},
		{`DROP TABLE product_photos`, nil},
		{`DROP TABLE products`, nil},
		{`DELETE FROM schema_migrations WHERE version IN (13, 18, 21, 22)`, nil},
		{`UPDATE businesses SET products = ? WHERE id = ?`, []any{`[{"name":"Gentong","category":"kerajinan","price":150000},` +
			`{"name":"Kendi","category":"kerajinan","price":45000},{"name":"Pot \"kecil\" ✓","price":12500}]`, a.ID}},
		{`UPDATE businesses SET products = ? WHERE id = ?`, []any{`[]`, b.ID}},
		{`UPDATE businesses SET products = ? WHERE id = ?`, []any{`[{"name":"Golok","category":""}]`, c.ID}},
	} {
		if _, err := w.Exec(ctx, stmt.sql, stmt.args...); err != nil {
			t.Fatalf("%s: %v", stmt.sql, err)
		}
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	for _, c := range []struct {
		id   int64
		want []string
	}{
		{a.ID, []string{"Gentong/kerajinan/150000", "Kendi/kerajinan/45000", `Pot "kecil" ✓//12500`}},
		{b.ID, []string{}},
		{c.ID, []string{"Golok//0"}},
	} {
		if got := productNames(t, s, c.id); !slices.Equal(got, c.want) {
			t.Errorf("business %d: records %q, want %q", c.id, got, c.want)
		}
		if got := summary(t, s, c.id); !slices.Equal(got, c.want) {
			t.Errorf("business %d: summary %q, want %q", c.id, got, c.want)
		}
	}
}
