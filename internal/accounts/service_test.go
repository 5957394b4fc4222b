package accounts_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"naikkelas/internal/accounts"
	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/demo"
	"naikkelas/internal/programs"
	"naikkelas/internal/store"
	"naikkelas/internal/store/engine"
)

// newService opens a fresh SQLite store holding one business and returns
// the account service on it with that business's ID.
func newService(t *testing.T) (*accounts.Service, store.Store, int64) {
	t.Helper()
	st, err := engine.Open(context.Background(), filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	items := demo.Generate(demo.Options{Count: 1})
	if err := st.InsertBatch(context.Background(), items); err != nil {
		t.Fatal(err)
	}
	return accounts.NewService(st, "36.04"), st, items[0].Business.ID
}

const goodPW = "Emping-Melinjo-77"

// newPartner stores a partner (a bank) and returns its ID.
func newPartner(t *testing.T, st store.Store) int64 {
	t.Helper()
	pt := &programs.Partner{Name: "Bank Daerah", Kind: "bank"}
	if err := st.CreatePartner(context.Background(), pt, &audit.Entry{Username: "admin", Action: audit.Create, Entity: "partner"}); err != nil {
		t.Fatal(err)
	}
	return pt.ID
}

// TestCreateRules is the one table of account rules; the web page, the API
// and the CLI only pass their input to Create (see their tests).
func TestCreateRules(t *testing.T) {
	svc, st, biz := newService(t)
	ctx := context.Background()
	partner := newPartner(t, st)
	if _, err := svc.Create(ctx, auth.System, accounts.NewAccount{Username: "sudah.ada", Password: goodPW, Role: auth.Pimpinan}); err != nil {
		t.Fatal(err)
	}
	type in = accounts.NewAccount
	tests := []struct {
		name   string
		in     in
		fields map[string]string // field → part of its message; nil = created
		code   apperr.Code       // for errors without fields
	}{
		{"admin", in{Username: "admin.dua", Password: goodPW, Role: auth.Admin}, nil, ""},
		{"operator in a kecamatan and a desa", in{Username: "operator.cikande", Password: goodPW, Role: auth.Operator,
			Regions: []string{"36.04.15", "36.04.16.2001"}}, nil, ""},
		{"pimpinan", in{Username: "kepala_dinas", Password: goodPW, Role: auth.Pimpinan}, nil, ""},
		{"owner", in{Username: "pemilik-1", Password: goodPW, Role: auth.Owner, BusinessID: biz}, nil, ""},
		{"username in capitals is lower-cased", in{Username: "  Budi.Santoso ", Password: goodPW, Role: auth.Admin}, nil, ""},
		{"username of two characters", in{Username: "ab", Password: goodPW, Role: auth.Admin}, map[string]string{"username": "3–40"}, ""},
		{"username of 41 characters", in{Username: strings.Repeat("a", 41), Password: goodPW, Role: auth.Admin}, map[string]string{"username": "3–40"}, ""},
		{"username with a space", in{Username: "budi santoso", Password: goodPW, Role: auth.Admin}, map[string]string{"username": "huruf kecil"}, ""},
		{"username starting with a dot", in{Username: ".budi", Password: goodPW, Role: auth.Admin}, map[string]string{"username": "diawali"}, ""},
		{"80-byte password", in{Username: "budi", Password: strings.Repeat("kopi", 20), Role: auth.Admin}, map[string]string{"password": "72 byte"}, ""},
		{"password equal to the username", in{Username: "petugas.kibin", Password: "petugas.kibin", Role: auth.Admin}, map[string]string{"password": "nama pengguna"}, ""},
		{"common password", in{Username: "budi", Password: "Bismillah2025", Role: auth.Admin}, map[string]string{"password": "terlalu umum"}, ""},
		{"short password", in{Username: "budi", Password: "12345678", Role: auth.Admin}, map[string]string{"password": "minimal 10"}, ""},
		{"unknown role", in{Username: "budi", Password: goodPW, Role: "raja"}, map[string]string{"role": "admin (Admin), operator"}, ""},
		{"no role", in{Username: "budi", Password: goodPW}, map[string]string{"role": "Peran harus"}, ""},
		{"pimpinan with regions", in{Username: "budi", Password: goodPW, Role: auth.Pimpinan, Regions: []string{"36.04.15"}},
			map[string]string{"regions": "hanya untuk peran operator"}, ""},
		{"operator without regions", in{Username: "budi", Password: goodPW, Role: auth.Operator}, map[string]string{"regions": "wajib"}, ""},
		{"operator with blank regions", in{Username: "budi", Password: goodPW, Role: auth.Operator, Regions: []string{" ", ""}}, map[string]string{"regions": "wajib"}, ""},
		{"unknown region", in{Username: "budi", Password: goodPW, Role: auth.Operator, Regions: []string{"36.04.99"}}, map[string]string{"regions": "36.04.99"}, ""},
		{"a regency is not a region of work", in{Username: "budi", Password: goodPW, Role: auth.Operator, Regions: []string{"36.04"}}, map[string]string{"regions": "bukan kode kecamatan"}, ""},
		{"region outside the jurisdiction", in{Username: "budi", Password: goodPW, Role: auth.Operator, Regions: []string{"36.03.01"}}, map[string]string{"regions": "di luar wilayah instansi 36.04"}, ""},
		{"owner without business", in{Username: "budi", Password: goodPW, Role: auth.Owner}, map[string]string{"business_id": "wajib"}, ""},
		{"owner of an absent business", in{Username: "budi", Password: goodPW, Role: auth.Owner, BusinessID: 999999}, map[string]string{"business_id": "999999 tidak ada"}, ""},
		{"admin with a business", in{Username: "budi", Password: goodPW, Role: auth.Admin, BusinessID: biz}, map[string]string{"business_id": "hanya untuk"}, ""},
		{"mitra", in{Username: "mitra.bank", Password: goodPW, Role: auth.Mitra, PartnerID: partner}, nil, ""},
		{"mitra without partner", in{Username: "budi", Password: goodPW, Role: auth.Mitra}, map[string]string{"partner_id": "wajib"}, ""},
		{"mitra of an absent partner", in{Username: "budi", Password: goodPW, Role: auth.Mitra, PartnerID: 999999},
			map[string]string{"partner_id": "999999 tidak ada"}, ""},
		{"mitra with regions and a business", in{Username: "budi", Password: goodPW, Role: auth.Mitra, PartnerID: partner,
			Regions: []string{"36.04.15"}, BusinessID: biz}, map[string]string{"regions": "hanya untuk peran operator", "business_id": "hanya untuk"}, ""},
		{"operator with a partner", in{Username: "budi", Password: goodPW, Role: auth.Operator, Regions: []string{"36.04.15"},
			PartnerID: partner}, map[string]string{"partner_id": "hanya untuk peran mitra"}, ""},
		{"owner with a partner", in{Username: "budi", Password: goodPW, Role: auth.Owner, BusinessID: biz, PartnerID: partner},
			map[string]string{"partner_id": "hanya untuk peran mitra"}, ""},
		{"every field wrong at once", in{Username: "A", Password: "1", Role: auth.Operator, Regions: []string{"99.99"}},
			map[string]string{"username": "3–40", "password": "minimal 10", "regions": "99.99"}, ""},
		{"username taken", in{Username: "sudah.ada", Password: goodPW, Role: auth.Admin}, nil, apperr.Conflict},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := svc.Create(ctx, auth.System, tt.in)
			switch {
			case tt.code != "":
				if !apperr.Is(err, tt.code) {
					t.Fatalf("err = %v, want %s", err, tt.code)
				}
			case tt.fields == nil:
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if u.ID == 0 || u.Username != strings.ToLower(strings.TrimSpace(tt.in.Username)) || !auth.CheckPassword(u.PasswordHash, tt.in.Password) ||
					u.PartnerID != tt.in.PartnerID {
					t.Fatalf("created %+v", u)
				}
			default:
				got := apperr.FieldsOf(err)
				if !apperr.Is(err, apperr.Invalid) || len(got) != len(tt.fields) {
					t.Fatalf("err = %v, fields %v; want fields %v", err, got, tt.fields)
				}
				for f, want := range tt.fields {
					if !strings.Contains(got[f], want) {
						t.Errorf("field %s: %q, want it to contain %q", f, got[f], want)
					}
				}
			}
		})
	}
}

func TestCreateWritesUserAndAuditTogether(t *testing.T) {
	svc, st, _ := newService(t)
	ctx := context.Background()
	admin := auth.Actor{UserID: 7, Username: "kepala.admin", Role: auth.Admin}
	u, err := svc.Create(ctx, admin, accounts.NewAccount{Username: "operator.kibin", Password: goodPW, Role: auth.Operator, Regions: []string{"36.04.16"}})
	if err != nil {
		t.Fatal(err)
	}
	entries, n, err := st.ListAudit(ctx, audit.Filter{Entity: "user", EntityID: u.ID})
	if err != nil || n != 1 {
		t.Fatalf("audit of the new user: %d entries, %v", n, err)
	}
	e := entries[0]
	if e.UserID != 7 || e.Username != "kepala.admin" || e.Action != audit.Create || !strings.Contains(string(e.After), `"operator.kibin"`) ||
		!strings.Contains(string(e.After), "36.04.16") {
		t.Errorf("audit entry %+v after %s", e, e.After)
	}
	if strings.Contains(string(e.After), "$2a$") || strings.Contains(string(e.After), goodPW) {
		t.Errorf("audit entry holds the password or its hash: %s", e.After)
	}
	_, err = svc.Create(ctx, admin, accounts.NewAccount{Username: "operator.kibin", Password: goodPW, Role: auth.Pimpinan})
	if !apperr.Is(err, apperr.Conflict) {
		t.Fatalf("duplicate: %v", err)
	}
	if _, n, _ := st.ListAudit(ctx, audit.Filter{Entity: "user"}); n != 1 {
		t.Errorf("a refused duplicate left an audit entry: %d entries", n)
	}
}

func TestOnlyAdminsManageAccounts(t *testing.T) {
	svc, _, _ := newService(t)
	ctx := context.Background()
	for _, r := range []auth.Role{auth.Operator, auth.Pimpinan, auth.Owner, auth.Mitra, ""} {
		a := auth.Actor{UserID: 3, Username: "x", Role: r, PartnerID: 1}
		if _, err := svc.Create(ctx, a, accounts.NewAccount{Username: "baru", Password: goodPW, Role: auth.Admin}); !apperr.Is(err, apperr.Forbidden) {
			t.Errorf("%q creates an account: %v", r, err)
		}
		if _, err := svc.List(ctx, a); !apperr.Is(err, apperr.Forbidden) {
			t.Errorf("%q lists accounts: %v", r, err)
		}
		if _, err := svc.Disable(ctx, a, 1); !apperr.Is(err, apperr.Forbidden) {
			t.Errorf("%q disables an account: %v", r, err)
		}
	}
}

func TestDisable(t *testing.T) {
	svc, st, _ := newService(t)
	ctx := context.Background()
	me, _ := svc.Create(ctx, auth.System, accounts.NewAccount{Username: "admin", Password: goodPW, Role: auth.Admin})
	other, _ := svc.Create(ctx, auth.System, accounts.NewAccount{Username: "pimpinan", Password: goodPW, Role: auth.Pimpinan})
	a := auth.ActorOf(me)
	if _, err := svc.Disable(ctx, a, me.ID); !apperr.Is(err, apperr.Conflict) {
		t.Errorf("disabling oneself: %v", err)
	}
	if _, err := svc.Disable(ctx, a, 9999); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("disabling an absent user: %v", err)
	}
	for range 2 {
		if u, err := svc.Disable(ctx, a, other.ID); err != nil || !u.Disabled {
			t.Fatalf("disable: %+v %v", u, err)
		}
	}
	got, _ := st.UserByID(ctx, other.ID)
	entries, n, _ := st.ListAudit(ctx, audit.Filter{Entity: "user", EntityID: other.ID})
	if !got.Disabled || n != 2 || entries[0].Username != "admin" || string(entries[0].After) != `{"disabled":true}` {
		t.Errorf("after disabling twice: user %+v, %d audit entries (create and one disable wanted): %+v", got, n, entries)
	}
	list, err := svc.List(ctx, a)
	if err != nil || !slices.ContainsFunc(list, func(u auth.User) bool { return u.Username == "pimpinan" && u.Disabled }) {
		t.Errorf("List = %+v, %v", list, err)
	}
}
