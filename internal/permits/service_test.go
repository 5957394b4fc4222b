package permits_test

import (
	"context"
	"testing"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/permits"
	"naikkelas/internal/registry"
	"naikkelas/internal/store/storetest"
)

var ctx = context.Background()

func str(s string) *string { return &s }

// setup returns the permits service on a fresh store, with one business in Cikande.
func setup(t *testing.T) (*permits.Service, *registry.Business) {
	t.Helper()
	st := storetest.OpenSQLite(t)
	reg := registry.NewService(st, "36.04")
	b, err := reg.Create(ctx, auth.System, &registry.Business{Name: "Emping Bu Siti", OwnerName: "Siti",
		VillageCode: "36.04.15.2001", KBLI: "10794", Sector: "C", AnnualRevenue: 120_000_000})
	if err != nil {
		t.Fatal(err)
	}
	svc := permits.NewService(st, reg)
	svc.Now = func() time.Time { return time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC) }
	return svc, b
}

// TestPermitLifeCycle walks a P-IRT application through its statuses: a
// skipped step is 409, an issue without a number 422, an expired permit
// cannot be revived.
func TestPermitLifeCycle(t *testing.T) {
	svc, b := setup(t)
	p, err := svc.Create(ctx, auth.System, b.ID, &permits.Permit{Kind: permits.KindPIRT, Products: []string{"Emping 250 g"}})
	if err != nil {
		t.Fatal(err)
	}
	if p.Status != permits.StatusBelum {
		t.Fatalf("new permit status %q, want belum", p.Status)
	}
	steps := []struct {
		patch permits.Patch
		code  apperr.Code // "" = accepted
	}{
		{permits.Patch{Status: str("diajukan")}, apperr.Conflict}, // skips persiapan
		{permits.Patch{Status: str("terbit")}, apperr.Conflict},
		{permits.Patch{Status: str("selesai")}, apperr.Invalid},
		{permits.Patch{Status: str("persiapan")}, ""},
		{permits.Patch{Status: str("diajukan")}, ""},
		{permits.Patch{Status: str("terbit")}, apperr.Invalid}, // no number
		{permits.Patch{Status: str("terbit"), Number: str("206360401000131"), IssuedOn: str("2026-11-20"), ExpiresOn: str("2032-11-20")}, apperr.Invalid}, // over 5 years
		{permits.Patch{Status: str("terbit"), Number: str("206360401000131"), IssuedOn: str("2026-11-20"), ExpiresOn: str("2030-11-20")}, apperr.Invalid}, // year digits say 31
		{permits.Patch{Status: str("terbit"), Number: str("2063-6040-1000-130"), IssuedOn: str("2026-11-20"), ExpiresOn: str("2030-11-20")}, ""},
		{permits.Patch{Status: str("persiapan")}, apperr.Conflict},
		{permits.Patch{Status: str("kedaluwarsa")}, ""},
		{permits.Patch{Status: str("terbit")}, apperr.Conflict},
	}
	for i, st := range steps {
		_, err := svc.Update(ctx, auth.System, p.ID, st.patch)
		switch {
		case st.code == "" && err != nil:
			t.Fatalf("step %d: %v", i, err)
		case st.code != "" && !apperr.Is(err, st.code):
			t.Fatalf("step %d: error %v, want %s", i, err, st.code)
		}
	}
	h, err := svc.History(ctx, auth.System, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var path []string
	for _, c := range h {
		path = append(path, c.ToStatus)
	}
	if got := len(path); got != 5 || path[4] != "kedaluwarsa" {
		t.Errorf("history %v, want belum persiapan diajukan terbit kedaluwarsa", path)
	}
	got, _ := svc.Get(ctx, auth.System, p.ID)
	if got.Number != "206360401000130" || !got.Expired {
		t.Errorf("permit = %s expired=%v", got.Number, got.Expired)
	}
}

// TestPermitAccess: pimpinan reads only, an operator elsewhere and another
// owner do not see the business's permits.
func TestPermitAccess(t *testing.T) {
	svc, b := setup(t)
	p, err := svc.Create(ctx, auth.System, b.ID, &permits.Permit{Kind: permits.KindNIB})
	if err != nil {
		t.Fatal(err)
	}
	pimpinan := auth.Actor{Username: "pimpinan", Role: auth.Pimpinan}
	if _, err := svc.Get(ctx, pimpinan, p.ID); err != nil {
		t.Errorf("pimpinan reads: %v", err)
	}
	if _, err := svc.Update(ctx, pimpinan, p.ID, permits.Patch{Status: str("persiapan")}); !apperr.Is(err, apperr.Forbidden) {
		t.Errorf("pimpinan writes: %v, want forbidden", err)
	}
	elsewhere := auth.Actor{Username: "op", Role: auth.Operator, Regions: []string{"36.04.05"}}
	if _, err := svc.Get(ctx, elsewhere, p.ID); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("operator elsewhere: %v, want not found", err)
	}
	other := auth.Actor{Username: "lain", Role: auth.Owner, BusinessID: b.ID + 1}
	if _, err := svc.ForBusiness(ctx, other, b.ID); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("another owner: %v, want not found", err)
	}
	owner := auth.Actor{Username: "siti", Role: auth.Owner, BusinessID: b.ID}
	if _, err := svc.Update(ctx, owner, p.ID, permits.Patch{Status: str("persiapan")}); err != nil {
		t.Errorf("owner moves its own permit: %v", err)
	}
	ps, total, err := svc.List(ctx, elsewhere, permits.Filter{})
	if err != nil || total != 0 || len(ps) != 0 {
		t.Errorf("operator elsewhere lists %d (%v)", total, err)
	}
	if _, _, err := svc.List(ctx, auth.System, permits.Filter{District: "36.04.99", ExpiresBefore: "kemarin"}); !apperr.Is(err, apperr.Invalid) {
		t.Errorf("bad filter: %v, want invalid", err)
	}
}

// TestOwnerCannotIssue: an owner prepares and submits its own permit, but
// only an officer records it as issued (or refused), with number and dates.
func TestOwnerCannotIssue(t *testing.T) {
	svc, b := setup(t)
	owner := auth.Actor{Username: "siti", Role: auth.Owner, BusinessID: b.ID}
	number := "2063-6040-1000-130"
	if _, err := svc.Create(ctx, owner, b.ID, &permits.Permit{Kind: permits.KindPIRT, Status: permits.StatusTerbit,
		Number: number, IssuedOn: "2026-11-20", ExpiresOn: "2030-11-20"}); !apperr.Is(err, apperr.Forbidden) {
		t.Errorf("owner records an issued permit: %v, want forbidden", err)
	}
	p, err := svc.Create(ctx, owner, b.ID, &permits.Permit{Kind: permits.KindPIRT, Status: permits.StatusPersiapan})
	if err != nil {
		t.Fatalf("owner prepares: %v", err)
	}
	if _, err := svc.Update(ctx, owner, p.ID, permits.Patch{Status: str("diajukan")}); err != nil {
		t.Fatalf("owner submits: %v", err)
	}
	for name, patch := range map[string]permits.Patch{
		"issue":  {Status: str("terbit"), Number: str(number), IssuedOn: str("2026-11-20"), ExpiresOn: str("2030-11-20")},
		"refuse": {Status: str("ditolak")},
		"number": {Number: str(number)},
	} {
		if _, err := svc.Update(ctx, owner, p.ID, patch); !apperr.Is(err, apperr.Forbidden) {
			t.Errorf("owner %s: %v, want forbidden", name, err)
		}
	}
	officer := auth.Actor{Username: "op", Role: auth.Operator, Regions: []string{"36.04.15"}}
	issued, err := svc.Update(ctx, officer, p.ID, permits.Patch{Status: str("terbit"), Number: str(number),
		IssuedOn: str("2026-11-20"), ExpiresOn: str("2030-11-20")})
	if err != nil || issued.Status != permits.StatusTerbit {
		t.Fatalf("officer issues: %v", err)
	}
	if _, err := svc.Update(ctx, owner, p.ID, permits.Patch{ExpiresOn: str("2031-11-20")}); !apperr.Is(err, apperr.Forbidden) {
		t.Errorf("owner extends an issued permit: %v, want forbidden", err)
	}
	if _, err := svc.Update(ctx, owner, p.ID, permits.Patch{Note: str("sertifikat disimpan di laci")}); err != nil {
		t.Errorf("owner notes: %v", err)
	}
}
