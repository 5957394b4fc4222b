package storetest

import (
	"bytes"
	"testing"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/office"
	"naikkelas/internal/store"
)

// testOffice: one identity row, saved with a version check, with or
// without a logo, each save audited.
func testOffice(t *testing.T, s store.Store) {
	_, err := s.GetOffice(ctx)
	wantCode(t, err, apperr.NotFound)
	_, err = s.OfficeLogo(ctx)
	wantCode(t, err, apperr.NotFound)
	id := &office.Identity{Government: "Pemerintah Kabupaten Serang", Agency: office.DefaultAgency, Address: "Jl. Veteran 1",
		SignatoryName: "Ahmad", SignatoryTitle: "Kepala Dinas", SignatoryNIP: "197001011990011001", LogoType: "image/png",
		LogoHash: "abc", UpdatedAt: time.Now(), UpdatedBy: "admin"}
	logo := &office.Logo{Type: "image/png", Data: []byte{0x89, 'P', 'N', 'G', 0, 1, 2}}
	if err := s.SaveOffice(ctx, id, logo, false, &audit.Entry{Entity: "office", EntityID: 1, Action: audit.Update}); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetOffice(ctx)
	if err != nil || got.Version != 1 || id.Version != 1 || got.SignatoryNIP != id.SignatoryNIP || got.Address != id.Address ||
		got.LogoHash != "abc" || got.UpdatedBy != "admin" {
		t.Fatalf("GetOffice after the first save: %+v %v", got, err)
	}
	if l, err := s.OfficeLogo(ctx); err != nil || !bytes.Equal(l.Data, logo.Data) || l.Type != "image/png" {
		t.Fatalf("OfficeLogo: %+v %v", l, err)
	}
	stale := *got
	stale.Version = 0
	wantCode(t, s.SaveOffice(ctx, &stale, nil, false, &audit.Entry{Entity: "office"}), apperr.Conflict)
	got.Agency, got.LogoType, got.LogoHash = "Dinas Koperasi dan UKM", "", ""
	if err := s.SaveOffice(ctx, got, nil, true, &audit.Entry{Entity: "office", EntityID: 1}); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.GetOffice(ctx); again.Version != 2 || again.Agency != "Dinas Koperasi dan UKM" {
		t.Fatalf("second save: %+v", again)
	}
	_, err = s.OfficeLogo(ctx)
	wantCode(t, err, apperr.NotFound)
	entries, _, err := s.ListAudit(ctx, audit.Filter{Entity: "office"})
	if err != nil || len(entries) != 2 {
		t.Fatalf("office saves audited: %d, %v", len(entries), err)
	}
}
