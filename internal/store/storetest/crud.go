package storetest

import (
	"encoding/json"
	"reflect"
	"testing"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

func testCreateGet(t *testing.T, s store.Store) {
	b := &registry.Business{
		Name: "Emping Melinjo Bu Sari", Brand: "Sari Rasa", OwnerName: "Sari Wulandari", NIK: "3604154501850001",
		OwnerGender: "P", OwnerBirthDate: "1985-01-05", Phone: "+6281234567890", Email: "sari@example.id",
		VillageCode: cikandeA, Address: "Kp. Cikande RT 01/02", Latitude: ptr(-6.1702), Longitude: ptr(106.3411),
		KBLI: "10799", Sector: "C", FoundedYear: 2015, Employees: 4, AnnualRevenue: 350_000_000, Capital: 50_000_000,
		SizeClass: registry.Mikro, SizeBasis: registry.BasisRevenue, NIB: "1234567890123", PIRTNumber: "2063604010123-29",
		PIRTExpiresOn: "2029-03-01", HalalStatus: registry.HalalCertified, HalalNumber: "ID36110000123450923",
		HalalExpiresOn: "2027-09-01", BPOMNumber: "MD123456789012", HKINumber: "IDM000123456",
		Products: []registry.Product{{Name: "Emping manis", Category: "makanan", Price: 25000}},
	}
	m := &registry.Measurement{Year: 2026, AnnualRevenue: registry.Known(350_000_000), Capital: registry.Known(50_000_000), Employees: 4,
		Source: registry.SourceOfficerVerified, SizeClass: registry.Mikro, SizeBasis: registry.BasisRevenue, RecordedBy: "admin"}
	a := &audit.Entry{UserID: 7, Username: "admin", Action: audit.Create, Entity: "business",
		After: json.RawMessage(`{"name":"Emping Melinjo Bu Sari"}`)}
	if err := s.CreateBusiness(ctx, b, m, a); err != nil {
		t.Fatalf("CreateBusiness: %v", err)
	}
	if b.ID == 0 || b.Version != 1 || b.CreatedAt.IsZero() || b.UpdatedAt.IsZero() {
		t.Fatalf("bookkeeping not set: id=%d version=%d created=%v", b.ID, b.Version, b.CreatedAt)
	}
	if b.DistrictCode != cikande {
		t.Errorf("DistrictCode = %q, want %q", b.DistrictCode, cikande)
	}
	if a.EntityID != b.ID || m.BusinessID != b.ID || m.ID == 0 {
		t.Errorf("ids not propagated: audit %d, measurement business %d id %d", a.EntityID, m.BusinessID, m.ID)
	}
	got, err := s.GetBusiness(ctx, b.ID)
	if err != nil {
		t.Fatalf("GetBusiness: %v", err)
	}
	if !got.CreatedAt.Equal(b.CreatedAt) || !got.UpdatedAt.Equal(b.UpdatedAt) {
		t.Errorf("timestamps: got %v/%v, want %v/%v", got.CreatedAt, got.UpdatedAt, b.CreatedAt, b.UpdatedAt)
	}
	got.CreatedAt, got.UpdatedAt = b.CreatedAt, b.UpdatedAt
	if !reflect.DeepEqual(got, b) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got, b)
	}
	ms, err := s.ListMeasurements(ctx, b.ID)
	if err != nil || len(ms) != 1 || registry.Amount(ms[0].AnnualRevenue) != 350_000_000 || ms[0].RecordedBy != "admin" {
		t.Errorf("ListMeasurements = %+v, %v", ms, err)
	}
	entries, total, err := s.ListAudit(ctx, audit.Filter{Entity: "business", EntityID: b.ID})
	if err != nil || total != 1 || entries[0].Username != "admin" || entries[0].UserID != 7 {
		t.Fatalf("ListAudit = %+v, %d, %v", entries, total, err)
	}
	if string(entries[0].After) != `{"name":"Emping Melinjo Bu Sari"}` || string(entries[0].Before) != "null" {
		t.Errorf("audit before/after = %s / %s", entries[0].Before, entries[0].After)
	}

	// A business without optional values reads back with nil coordinates and no products.
	plain := create(t, s, biz("Warung Pak Dedi", kramatwatuA))
	got, err = s.GetBusiness(ctx, plain.ID)
	if err != nil || got.Latitude != nil || got.Longitude != nil || len(got.Products) != 0 || got.HalalStatus != registry.HalalNone {
		t.Errorf("plain business = %+v, %v", got, err)
	}
	if n, err := s.CountBusinesses(ctx); err != nil || n != 2 {
		t.Errorf("CountBusinesses = %d, %v; want 2", n, err)
	}
}

func testGetNotFound(t *testing.T, s store.Store) {
	_, err := s.GetBusiness(ctx, 987654)
	wantCode(t, err, apperr.NotFound)
}

func testUpdateVersion(t *testing.T, s store.Store) {
	b := create(t, s, biz("Gerabah Bumijaya", cikandeA))
	before := b.UpdatedAt
	upd := *b
	upd.Name = "Gerabah Bumijaya Jaya"
	upd.VillageCode = kramatwatuA
	if err := s.UpdateBusiness(ctx, &upd, &audit.Entry{Username: "op", Action: audit.Update, Entity: "business"}); err != nil {
		t.Fatalf("UpdateBusiness: %v", err)
	}
	if upd.Version != 2 || upd.DistrictCode != kramatwatu || !upd.UpdatedAt.After(before) && !upd.UpdatedAt.Equal(before) {
		t.Errorf("after update: version %d district %q", upd.Version, upd.DistrictCode)
	}
	stale := *b // still version 1
	stale.Name = "Tertimpa"
	err := s.UpdateBusiness(ctx, &stale, &audit.Entry{Username: "op2", Action: audit.Update, Entity: "business"})
	wantCode(t, err, apperr.Conflict)
	if apperr.MessageOf(err) == "" || stale.Version != 1 {
		t.Errorf("stale update: message %q, version %d", apperr.MessageOf(err), stale.Version)
	}
	got, _ := s.GetBusiness(ctx, b.ID)
	if got.Name != "Gerabah Bumijaya Jaya" || got.Version != 2 || got.DistrictCode != kramatwatu {
		t.Errorf("stored after stale update = %q v%d %s", got.Name, got.Version, got.DistrictCode)
	}
	if _, total, _ := s.ListAudit(ctx, audit.Filter{Entity: "business", EntityID: b.ID}); total != 2 {
		t.Errorf("audit entries = %d, want 2 (the stale update must not be audited)", total)
	}
	missing := *b
	missing.ID = 99999
	wantCode(t, s.UpdateBusiness(ctx, &missing, nil), apperr.NotFound)
}

func testDuplicateNIB(t *testing.T, s store.Store) {
	a := biz("Kopi Ciomas", cikandeA)
	a.NIB = "9120000000001"
	create(t, s, a)
	// Empty NIBs never collide.
	create(t, s, biz("Tanpa NIB 1", cikandeA))
	create(t, s, biz("Tanpa NIB 2", cikandeA))
	dup := biz("Kopi Ciomas Tiruan", cikandeB)
	dup.NIB = "9120000000001"
	err := s.CreateBusiness(ctx, dup, nil, &audit.Entry{Action: audit.Create, Entity: "business"})
	wantCode(t, err, apperr.Conflict)
	if apperr.FieldsOf(err)["nib"] == "" || apperr.MessageOf(err) != "NIB sudah terdaftar untuk usaha lain" {
		t.Errorf("duplicate NIB error: message %q fields %v", apperr.MessageOf(err), apperr.FieldsOf(err))
	}
	if n, _ := s.CountBusinesses(ctx); n != 3 {
		t.Errorf("CountBusinesses = %d after rejected insert, want 3", n)
	}
	if _, total, _ := s.ListAudit(ctx, audit.Filter{}); total != 3 {
		t.Errorf("audit total = %d, want 3: the failed create must leave no entry", total)
	}
	other := biz("Gula Aren", cikandeB)
	create(t, s, other)
	other.NIB = "9120000000001"
	wantCode(t, s.UpdateBusiness(ctx, other, nil), apperr.Conflict)
}

func testCheckConstraint(t *testing.T, s store.Store) {
	b := biz("Omzet Negatif", cikandeA)
	b.AnnualRevenue = -1
	err := s.CreateBusiness(ctx, b, nil, nil)
	wantCode(t, err, apperr.Invalid)
	if apperr.MessageOf(err) == apperr.MessageOf(nil) {
		t.Errorf("check violation message is generic: %v", err)
	}
}

func testArchive(t *testing.T, s store.Store) {
	keep := create(t, s, biz("Sate Bandeng Aktif", cikandeA))
	gone := create(t, s, biz("Sate Bandeng Arsip", cikandeA))
	gone.Status = registry.StatusArchived
	if err := s.UpdateBusiness(ctx, gone, &audit.Entry{Action: audit.Archive, Entity: "business"}); err != nil {
		t.Fatalf("archive: %v", err)
	}
	got, total := list(t, s, registry.Filter{})
	sameNames(t, "active list", got, keep.Name)
	if total != 1 {
		t.Errorf("active total = %d", total)
	}
	got, _ = list(t, s, registry.Filter{Archived: true})
	sameNames(t, "archived list", got, gone.Name)
	got, _ = list(t, s, registry.Filter{Q: "bandeng"})
	sameNames(t, "search excludes archived", got, keep.Name)
	if b, err := s.GetBusiness(ctx, gone.ID); err != nil || b.Status != registry.StatusArchived {
		t.Errorf("archived business still retrievable: %+v, %v", b, err)
	}
	hs, err := s.HomeStats(ctx, registry.Filter{Today: today})
	if err != nil || hs.Total != 1 {
		t.Errorf("HomeStats total = %d, %v; want 1", hs.Total, err)
	}
	ds, err := s.DistrictStats(ctx, registry.Filter{Archived: true, Today: today})
	if err != nil || len(ds) != 1 || ds[0].Businesses != 1 {
		t.Errorf("DistrictStats counts archived: %+v, %v", ds, err)
	}
}
