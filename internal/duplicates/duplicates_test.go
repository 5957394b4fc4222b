package duplicates_test

import (
	"context"
	"strings"
	"testing"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/duplicates"
	"naikkelas/internal/registry"
	"naikkelas/internal/store/storetest"
)

var ctx = context.Background()

// setup stores the same warung three times (spelled as three lists would)
// in Cikande, and two unrelated businesses, one of them in Kramatwatu.
func setup(t *testing.T) (*duplicates.Service, []int64) {
	st := storetest.OpenSQLite(t)
	reg := registry.NewService(st, "36.04")
	var ids []int64
	for _, b := range []registry.Business{
		{Name: "Emping Melinjo Bu Enah", OwnerName: "Enah Suhaena", NIK: "3604154203750001", Phone: "081234567001", VillageCode: "36.04.15.2001", Address: "Kp. Babakan RT 01/02"},
		{Name: "EMPING MLINJO IBU ENAH", OwnerName: "Hj. Enah Suhaena", Phone: "+6281234567001", VillageCode: "36.04.15.2001"},
		{Name: "UD. Emping Melinjo", OwnerName: "Enah Suhaena", NIK: "3604154203750001", VillageCode: "36.04.15.2001", Address: "Kp. Babakan"},
		{Name: "Bengkel Motor Jaya", OwnerName: "Ujang Maulana", Phone: "085244447007", VillageCode: "36.04.15.2002"},
		{Name: "Sate Bandeng Kramat", OwnerName: "Asep Hidayat", VillageCode: "36.04.05.2001"},
	} {
		b.Sector, b.OwnerGender, b.HalalStatus, b.Status = "C", "P", registry.HalalNone, registry.StatusActive
		if err := st.CreateBusiness(ctx, &b, nil, &audit.Entry{Username: "uji", Action: audit.Create, Entity: "business"}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, b.ID)
	}
	return duplicates.NewService(reg, st), ids
}

var (
	admin    = auth.Actor{UserID: 1, Username: "admin", Role: auth.Admin}
	operator = auth.Actor{UserID: 2, Username: "operator.cikande", Role: auth.Operator, Regions: []string{"36.04.15"}}
	kramat   = auth.Actor{UserID: 3, Username: "operator.kramat", Role: auth.Operator, Regions: []string{"36.04.05"}}
	leader   = auth.Actor{UserID: 4, Username: "pimpinan", Role: auth.Pimpinan}
	owner    = auth.Actor{UserID: 5, Username: "pemilik", Role: auth.Owner, BusinessID: 1}
)

func TestListAndDismiss(t *testing.T) {
	svc, ids := setup(t)
	pairs, err := svc.List(ctx, operator, "36.04.15", 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 3 {
		t.Fatalf("%d pairs, want the 3 pairs of the warung: %+v", len(pairs), pairs)
	}
	for _, p := range pairs {
		if p.A.ID >= p.B.ID || p.A.ID > ids[2] || p.B.ID > ids[2] || p.Probability < 0.5 || len(p.Reasons) == 0 {
			t.Errorf("pair %d–%d (%.3f, %d reasons)", p.A.ID, p.B.ID, p.Probability, len(p.Reasons))
		}
	}
	if pairs[0].A.NIK != "3604154203750001" {
		t.Errorf("an operator sees the NIK in clear: %q", pairs[0].A.NIK)
	}
	// Another kecamatan's operator sees none of them.
	if got, err := svc.List(ctx, kramat, "36.04.15", 0.5); err != nil || len(got) != 0 {
		t.Errorf("operator of Kramatwatu: %d pairs, %v", len(got), err)
	}
	// Pimpinan sees them masked, and NIK and phone are not compared for it.
	got, err := svc.List(ctx, leader, "36.04.15", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range got {
		if strings.Contains(p.A.NIK+p.B.NIK+p.A.Phone+p.B.Phone, "0375000") || strings.Contains(p.A.Phone+p.B.Phone, "4567001") {
			t.Errorf("pimpinan got personal data in clear: %+v %+v", p.A, p.B)
		}
		for _, r := range p.Reasons {
			if r.Field == "nik" || r.Field == "no_hp" {
				t.Errorf("pimpinan's reasons compare %s", r.Field)
			}
		}
	}
	_, err = svc.List(ctx, owner, "", 0.5)
	if !apperr.Is(err, apperr.Forbidden) {
		t.Errorf("owner: %v, want Forbidden", err)
	}
	for _, bad := range []struct {
		district string
		p        float64
	}{{"Cikande", 0.5}, {"36.04.15", 1.5}, {"36.04.15", -0.1}} {
		if _, err := svc.List(ctx, admin, bad.district, bad.p); !apperr.Is(err, apperr.Invalid) {
			t.Errorf("%q %v: %v, want Invalid", bad.district, bad.p, err)
		}
	}

	// "Bukan duplikat" removes the pair from the list, for everyone.
	if err := svc.Dismiss(ctx, operator, pairs[0].B.ID, pairs[0].A.ID); err != nil {
		t.Fatal(err)
	}
	after, err := svc.List(ctx, admin, "36.04.15", 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != 2 {
		t.Fatalf("%d pairs after dismissing one, want 2", len(after))
	}
	for _, p := range after {
		if p.A.ID == pairs[0].A.ID && p.B.ID == pairs[0].B.ID {
			t.Fatal("the dismissed pair is proposed again")
		}
	}
	if err := svc.Dismiss(ctx, kramat, ids[0], ids[1]); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("operator outside the area: %v, want NotFound", err)
	}
	if err := svc.Dismiss(ctx, leader, ids[0], ids[1]); !apperr.Is(err, apperr.Forbidden) {
		t.Errorf("pimpinan: %v, want Forbidden", err)
	}
	if err := svc.Dismiss(ctx, admin, ids[0], ids[0]); !apperr.Is(err, apperr.Invalid) {
		t.Errorf("a business with itself: %v, want Invalid", err)
	}
}
