package partners_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/demo"
	"naikkelas/internal/partners"
	"naikkelas/internal/programs"
	"naikkelas/internal/services"
	"naikkelas/internal/store/storetest"
)

// world is a store with a few businesses, two partners and programmes
// funded by one, the other, both, and a draft.
type world struct {
	svc              *partners.Service
	bank, shop       int64 // partner IDs
	mitra            auth.Actor
	bankOnly, shared int64 // programmes past draft
	shopOnly, draft  int64
	applicants       []string // names of the businesses that applied
}

func newWorld(t *testing.T) world {
	t.Helper()
	ctx := context.Background()
	st := storetest.OpenSQLite(t)
	items := demo.Generate(demo.Options{Count: 40})
	if err := st.InsertBatch(ctx, items); err != nil {
		t.Fatal(err)
	}
	set := services.New(st, "36.04")
	w := world{svc: set.Partners}
	for _, pt := range []*programs.Partner{{Name: "Bank Daerah", Kind: "bank"}, {Name: "Toko Ritel", Kind: "ritel"}} {
		if _, err := set.Programs.SavePartner(ctx, auth.System, pt); err != nil {
			t.Fatal(err)
		}
	}
	list, _ := set.Programs.Partners(ctx, auth.System)
	w.bank, w.shop = list[0].ID, list[1].ID
	w.mitra = auth.Actor{UserID: 9, Username: "mitra.bank", Role: auth.Mitra, PartnerID: w.bank}
	line := func(id int64, amount int64) programs.FundingLine {
		return programs.FundingLine{PartnerID: id, Kind: "bank", Amount: amount}
	}
	create := func(name string, open bool, funding ...programs.FundingLine) int64 {
		p := &programs.Program{Name: name, Kind: programs.KindPelatihan, Topics: []string{"pemasaran"},
			StartsOn: "2026-12-01", EndsOn: "2026-12-03", Capacity: 10, Funding: funding}
		if _, err := set.Programs.Create(ctx, auth.System, p); err != nil {
			t.Fatal(err)
		}
		if open {
			if _, err := set.Programs.Move(ctx, auth.System, p.ID, programs.StatusOpen); err != nil {
				t.Fatal(err)
			}
		}
		return p.ID
	}
	w.bankOnly = create("Pelatihan Kemasan", true, line(w.bank, 20_000_000))
	w.shared = create("Kurasi Produk Ritel", true, line(w.bank, 5_000_000), line(w.shop, 15_000_000))
	w.shopOnly = create("Pameran Ritel", true, line(w.shop, 10_000_000))
	w.draft = create("Draf Bank", false, line(w.bank, 1_000_000))
	for _, it := range items[:3] {
		if _, err := set.Programs.Apply(ctx, auth.System, w.bankOnly, it.Business.ID); err != nil {
			t.Fatal(err)
		}
		w.applicants = append(w.applicants, it.Business.Name)
	}
	return w
}

func TestFundedProgramsOnlyTheMitrasPartner(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	list, err := w.svc.FundedPrograms(ctx, w.mitra)
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64]partners.Program{}
	for _, p := range list {
		got[p.ID] = p
	}
	if len(got) != 2 || got[w.bankOnly].ID == 0 || got[w.shared].ID == 0 {
		t.Fatalf("FundedPrograms = %+v; want the bank's two programmes past draft", list)
	}
	if tot := got[w.bankOnly].Totals; tot.Applicants != 3 {
		t.Errorf("bank programme totals %+v, want 3 applicants", tot)
	}
	if f := got[w.shared].Funding; len(f) != 1 || f[0].Amount != 5_000_000 {
		t.Errorf("shared programme shows funding %+v; want only the bank's own line", f)
	}
	shop := auth.Actor{UserID: 10, Role: auth.Mitra, PartnerID: w.shop}
	if list, _ := w.svc.FundedPrograms(ctx, shop); len(list) != 2 {
		t.Errorf("the shop's mitra sees %d programmes, want 2", len(list))
	}
}

func TestFundedProgramRefusesWhatIsNotAddressedToThePartner(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	for name, id := range map[string]int64{"another partner's": w.shopOnly, "a draft": w.draft, "an absent": 999999} {
		if _, err := w.svc.FundedProgram(ctx, w.mitra, id); !apperr.Is(err, apperr.NotFound) {
			t.Errorf("%s programme: %v, want NotFound", name, err)
		}
	}
	for _, a := range []auth.Actor{auth.System, {Role: auth.Pimpinan}, {Role: auth.Owner, BusinessID: 1},
		{Role: auth.Mitra}, {Role: auth.Operator, PartnerID: w.bank}} {
		if _, err := w.svc.FundedPrograms(ctx, a); !apperr.Is(err, apperr.Forbidden) && a.Role != auth.Mitra {
			t.Errorf("%s lists partner programmes: %v", a.Role, err)
		}
		if _, err := w.svc.FundedProgram(ctx, a, w.bankOnly); err == nil {
			t.Errorf("%s (partner %d) reads the bank's programme", a.Role, a.PartnerID)
		}
	}
}

func TestFundedProgramHoldsFiguresNotPeople(t *testing.T) {
	w := newWorld(t)
	p, err := w.svc.FundedProgram(context.Background(), w.mitra, w.bankOnly)
	if err != nil {
		t.Fatal(err)
	}
	if p.NaikKelas == nil || p.NaikKelas.ProgramID != w.bankOnly || p.Totals.Applicants != 3 || len(p.Districts) == 0 {
		t.Errorf("FundedProgram = %+v; want counts, kecamatan and naik-kelas figures", p)
	}
	b, _ := json.Marshal(p)
	for _, name := range w.applicants {
		if strings.Contains(string(b), name) {
			t.Errorf("the partner's view names applicant %q: %s", name, b)
		}
	}
	for _, key := range []string{"business_", "nik", "phone", "owner", "village"} {
		if strings.Contains(string(b), `"`+key) {
			t.Errorf("the partner's view has a field %q: %s", key, b)
		}
	}
}

// A partner opens a programme it funds before the programme starts (it
// answered 422: the comparison's period would end before it begins); the
// naik-kelas comparison comes once the programme has started.
func TestFundedProgramBeforeItStarts(t *testing.T) {
	w := newWorld(t)
	w.svc.Programs.Now = func() time.Time { return time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC) }
	p, err := w.svc.FundedProgram(context.Background(), w.mitra, w.bankOnly)
	if err != nil {
		t.Fatalf("FundedProgram before the start: %v", err)
	}
	if p.NaikKelas != nil || p.Totals.Applicants != 3 {
		t.Errorf("before the start: %+v, want counts and no comparison", p)
	}
}
