package storetest

import (
	"fmt"
	"sort"
	"testing"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/permits"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

// permitSummary lists a business's permits as "kind status number expiry", sorted.
func permitSummary(t *testing.T, s store.Store, id int64) []string {
	t.Helper()
	ps, err := s.PermitsOf(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = fmt.Sprintf("%s %s %s %s", p.Kind, p.Status, p.Number, p.ExpiresOn)
	}
	sort.Strings(out)
	return out
}

func samePermits(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	sort.Strings(want)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s:\n got  %q\n want %q", what, got, want)
	}
}

// testPermitsFromFields: whatever writes a business's permit fields, its
// permit records follow; whatever the permits record, the fields follow.
func testPermitsFromFields(t *testing.T, s store.Store) {
	b := biz("Emping Bu Siti", cikandeA)
	b.SizeClass = registry.Mikro
	b.NIB, b.PIRTNumber, b.PIRTExpiresOn = "1234567890123", "206360401000128", "2028-03-01"
	b.HalalStatus, b.HalalNumber, b.HalalExpiresOn = registry.HalalCertified, "ID36110000000010325", "2029-03-01"
	b.BPOMNumber, b.HKINumber = "MD123412341234", "IDM000123456"
	create(t, s, b)
	samePermits(t, "after insert", permitSummary(t, s, b.ID),
		"nib terbit 1234567890123 ", "pirt terbit 206360401000128 2028-03-01", "bpom_md terbit MD123412341234 ",
		"merek terbit IDM000123456 ", "halal_self_declare terbit ID36110000000010325 2029-03-01")

	// A form or an import corrects, clears and sets fields.
	got, _ := s.GetBusiness(ctx, b.ID)
	got.NIB, got.HKINumber, got.BPOMNumber, got.HalalStatus, got.HalalNumber, got.HalalExpiresOn =
		"9876543210987", "", "MD999988887777", registry.HalalNone, "", ""
	if err := s.UpdateBusiness(ctx, got, &audit.Entry{Username: "uji", Action: audit.Update, Entity: "business", EntityID: b.ID}); err != nil {
		t.Fatal(err)
	}
	samePermits(t, "after update", permitSummary(t, s, b.ID),
		"nib terbit 9876543210987 ", "pirt terbit 206360401000128 2028-03-01", "bpom_md terbit MD999988887777 ",
		"merek belum  ", "halal_self_declare belum  ")

	// An unrelated edit leaves the permits as they are.
	got, _ = s.GetBusiness(ctx, b.ID)
	before := permitSummary(t, s, b.ID)
	got.Address = "Jl. Raya Cikande"
	if err := s.UpdateBusiness(ctx, got, &audit.Entry{Username: "uji", Action: audit.Update, Entity: "business", EntityID: b.ID}); err != nil {
		t.Fatal(err)
	}
	samePermits(t, "after unrelated edit", permitSummary(t, s, b.ID), before...)

	// The permits service records an application: the register shows "in process".
	p := &permits.Permit{BusinessID: b.ID, Kind: permits.KindHalalSelfDeclare, Status: permits.StatusDiajukan,
		Products: []string{"Emping melinjo 250 g"}, UpdatedBy: "uji"}
	if err := s.CreatePermit(ctx, p, createAudit("permit")); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.GetBusiness(ctx, b.ID); got.HalalStatus != registry.HalalInProcess {
		t.Errorf("halal status after an application = %q, want in_process", got.HalalStatus)
	}
	// It is granted: the register shows the certificate, and no second record appears.
	p.Status, p.Number, p.IssuedOn, p.ExpiresOn = permits.StatusTerbit, "ID36110000000021126", "2026-11-20", "2030-11-20"
	if err := s.UpdatePermit(ctx, p, createAudit("permit")); err != nil {
		t.Fatal(err)
	}
	got, _ = s.GetBusiness(ctx, b.ID)
	if got.HalalStatus != registry.HalalCertified || got.HalalNumber != "ID36110000000021126" || got.HalalExpiresOn != "2030-11-20" {
		t.Errorf("register after issue = %s %s %s", got.HalalStatus, got.HalalNumber, got.HalalExpiresOn)
	}
	ps, _ := s.PermitsOf(ctx, b.ID)
	if len(ps) != 6 {
		t.Errorf("permits after issue = %d, want 6 (the register's echo must not add one)", len(ps))
	}
	if ps[len(ps)-1].Products[0] != "Emping melinjo 250 g" {
		t.Errorf("products = %v", ps[len(ps)-1].Products)
	}

	// Its history: recorded as diajukan, then terbit.
	h, err := s.PermitHistory(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 2 || h[0].ToStatus != "diajukan" || h[1].FromStatus != "diajukan" || h[1].ToStatus != "terbit" || h[1].ChangedBy != "uji" {
		t.Errorf("history = %+v", h)
	}

	// A stale version is a conflict.
	p.Version--
	wantCode(t, s.UpdatePermit(ctx, p, createAudit("permit")), apperr.Conflict)
}

// testPermitsList: the office's list by kind, status, district, expiry and scope.
func testPermitsList(t *testing.T, s store.Store) {
	a := biz("Kerupuk A", cikandeA)
	a.PIRTNumber, a.PIRTExpiresOn = "206360401000126", "2026-03-01" // expired on the test's today
	create(t, s, a)
	b := biz("Kerupuk B", kramatwatuA)
	b.PIRTNumber, b.PIRTExpiresOn, b.NIB = "206360401000227", "2026-07-15", "1111111111111"
	create(t, s, b)
	c := biz("Kerupuk C", cikandeB)
	c.PIRTNumber, c.PIRTExpiresOn = "206360401000330", "2030-01-01"
	create(t, s, c)

	ids := func(f permits.Filter) []string {
		t.Helper()
		f.Today, f.Page, f.PerPage = today, 1, 100
		ps, total, err := s.ListPermits(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if total != len(ps) {
			t.Errorf("total %d, rows %d", total, len(ps))
		}
		out := []string{}
		for _, p := range ps {
			out = append(out, p.BusinessName+" "+p.Kind)
		}
		return out
	}
	sameNames(t, "pirt", ids(permits.Filter{Kind: permits.KindPIRT}), "Kerupuk A pirt", "Kerupuk B pirt", "Kerupuk C pirt")
	sameNames(t, "expired", ids(permits.Filter{Status: permits.StatusKedaluwarsa}), "Kerupuk A pirt")
	sameNames(t, "terbit", ids(permits.Filter{Status: permits.StatusTerbit, Kind: permits.KindPIRT}), "Kerupuk B pirt", "Kerupuk C pirt")
	sameNames(t, "expiring", ids(permits.Filter{ExpiresBefore: "2026-08-30"}), "Kerupuk A pirt", "Kerupuk B pirt")
	sameNames(t, "district", ids(permits.Filter{District: cikande}), "Kerupuk A pirt", "Kerupuk C pirt")
	sameNames(t, "scope", ids(permits.Filter{Scope: registry.Scope{Regions: []string{kramatwatu}}}), "Kerupuk B pirt", "Kerupuk B nib")
	sameNames(t, "owner", ids(permits.Filter{Scope: registry.Scope{BusinessID: c.ID}}), "Kerupuk C pirt")
}
