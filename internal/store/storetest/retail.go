package storetest

import (
	"testing"

	"naikkelas/internal/audit"
	"naikkelas/internal/market"
	"naikkelas/internal/programs"
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
