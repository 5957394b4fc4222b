package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/duplicates"
	"naikkelas/internal/integrity"
	"naikkelas/internal/permits"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
	"naikkelas/internal/store/sqlstore"
)

// writer is a raw writer, to break what the checks check.
type writer interface{ Writer() *sqlstore.Runner }

// differences runs every integrity check and returns what each found.
func differences(t *testing.T, s store.Store) map[string][]string {
	t.Helper()
	results, err := integrity.Run(ctx, s.Checks())
	must(t, err)
	out := map[string][]string{}
	for _, r := range results {
		if !r.OK() {
			out[r.Name] = r.Differences
		}
	}
	return out
}

// rowsOnly is a store that keeps no halal fact counts, so that the permits
// service judges every business one by one.
type rowsOnly struct{ store.Store }

func (rowsOnly) HalalFactCounts(context.Context, registry.Scope, string, permits.Bounds) ([]permits.FactsCount, bool, error) {
	return nil, false, nil
}

// testPermitCountsKept: after random writes through every write path
// (create, edit, archive, profiles, permits, batches, merges and their
// undo) what the permits keep derived equals a recomputation, and the halal
// obligation from the kept counts equals the one judged business by
// business, on each rule's days.
func testPermitCountsKept(t *testing.T, s store.Store) {
	d, ok := s.(writer)
	if !ok {
		t.Fatal("the store must write raw SQL (sqlstore.DB)")
	}
	// Every rule's revenue limit is one the counts are kept by; another
	// limit, a village or a business is answered business by business.
	rules, err := permits.LoadRules()
	must(t, err)
	for _, r := range rules.Rules {
		if _, ok, err := s.HalalFactCounts(ctx, registry.Scope{}, "", permits.Bounds{RevenueLimit: r.MaxAnnualRevenue}); !ok || err != nil {
			t.Errorf("rule %s: revenue limit %d not in halal_revenue_limits (add it in a migration): %v", r.Code, r.MaxAnnualRevenue, err)
		}
	}
	for _, c := range []struct {
		scope registry.Scope
		limit int64
	}{{registry.Scope{}, 750_000_000}, {registry.Scope{Regions: []string{cikandeA}}, 0}, {registry.Scope{BusinessID: 1}, 0}} {
		if _, ok, err := s.HalalFactCounts(ctx, c.scope, "", permits.Bounds{RevenueLimit: c.limit}); ok || err != nil {
			t.Errorf("HalalFactCounts(%+v, %d) answered from the counts (%v)", c.scope, c.limit, err)
		}
	}
	rng := rand.New(rand.NewPCG(7, 14))
	villages := region.All().Villages("36.04")[:40] // a few kecamatan, so that businesses share them
	w := &randomWriter{t: t, s: s, rng: rng, villages: villages}
	for range 30 {
		w.newBusiness()
	}
	for i := range 120 {
		op := w.step()
		if diffs := differences(t, s); len(diffs) > 0 {
			t.Fatalf("after write %d (%s): kept data differs from a recomputation: %v", i+1, op, diffs)
		}
		if i%30 == 29 {
			sameObligation(t, s, villages[0].Code[:8])
		}
	}

	// The checks are real: a broken count and a stale kecamatan show.
	for _, stmt := range []string{`UPDATE halal_fact_counts SET businesses = businesses + 1`,
		`UPDATE permits SET active_district = '36.04.99'`} {
		if _, err := d.Writer().Exec(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	if diffs := differences(t, s); len(diffs["kecamatan pada setiap izin"]) == 0 ||
		len(diffs["jumlah usaha pangan per kecamatan dan fakta halal"]) == 0 {
		t.Errorf("differences after breaking the kept rows: %v", diffs)
	}
}

// sameObligation compares the halal obligation from the kept counts with
// the one judged business by business, whole regency and one kecamatan.
func sameObligation(t *testing.T, s store.Store, kecamatan string) {
	t.Helper()
	kept := permits.NewService(s, registry.NewService(s, "36.04"))
	rows := permits.NewService(rowsOnly{s}, registry.NewService(s, "36.04"))
	for _, day := range []string{"2021-06-01", "2023-03-01", "2026-12-01", "2028-02-01"} {
		for _, district := range []string{"", kecamatan} {
			want, err := rows.HalalObligation(ctx, auth.System, day, district)
			if err != nil {
				t.Fatal(err)
			}
			got, err := kept.HalalObligation(ctx, auth.System, day, district)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("obligation on %s %q from the kept counts:\n%+v\nbusiness by business:\n%+v", day, district, got, want)
			}
			if want.Total.Food == 0 || district == "" && day > "2022" && want.Total.MaybeQualify == 0 {
				t.Errorf("obligation on %s %q: too few food businesses for a test: %+v", day, district, want.Total)
			}
		}
	}
}

// randomWriter makes random writes through the store's write paths.
type randomWriter struct {
	t        *testing.T
	s        store.Store
	rng      *rand.Rand
	villages []region.Region
	ids      []int64
	merges   []int64
	n        int
}

func (w *randomWriter) pick(list ...string) string { return list[w.rng.IntN(len(list))] }

// facts gives b random values of everything the halal counts and the
// expiry list read, near the revenue limits.
func (w *randomWriter) facts(b *registry.Business) {
	b.VillageCode = w.villages[w.rng.IntN(len(w.villages))].Code
	b.KBLI = w.pick("10710", "11040", "56102", "56303", "47112")
	b.AnnualRevenue = []int64{0, 300_000_000, 500_000_000, 500_000_001, 1_900_000_000, 15_000_000_001}[w.rng.IntN(6)]
	b.Capital = 0
	b.SizeClass, b.SizeBasis = registry.Classify(b.AnnualRevenue, b.Capital)
	b.FoundedYear = []int{0, 2020, 2022, 2026}[w.rng.IntN(4)]
	b.HalalStatus, b.HalalNumber, b.HalalExpiresOn = registry.HalalNone, "", ""
	b.NIB = ""
	if w.rng.IntN(3) > 0 {
		w.n++
		b.NIB = fmt.Sprintf("91%011d", w.n)
	}
	switch w.rng.IntN(6) {
	case 0:
		b.HalalStatus, b.HalalNumber = registry.HalalCertified, fmt.Sprintf("ID3600%08d", w.rng.IntN(1e8))
		b.HalalExpiresOn = w.pick("", "2024-05-01", "2027-01-01")
	case 1:
		b.HalalStatus = registry.HalalInProcess
	case 2:
		b.HalalStatus, b.HalalNumber, b.HalalExpiresOn = registry.HalalCertified, fmt.Sprintf("ID3600%08d", w.rng.IntN(1e8)), ""
	}
	b.PIRTNumber, b.PIRTExpiresOn = "", ""
	if w.rng.IntN(2) == 0 {
		b.PIRTNumber, b.PIRTExpiresOn = fmt.Sprintf("2063604%08d", w.rng.IntN(1e8)), w.pick("2025-01-01", "2026-12-20", "2028-06-01")
	}
}

func (w *randomWriter) newBusiness() {
	w.n++
	b := biz(fmt.Sprintf("Usaha %d", w.n), cikandeA)
	w.facts(b)
	create(w.t, w.s, b)
	w.ids = append(w.ids, b.ID)
}

// active returns a random business that is still active, or nil.
func (w *randomWriter) active() *registry.Business {
	for range 10 {
		b, err := w.s.GetBusiness(ctx, w.ids[w.rng.IntN(len(w.ids))])
		if err == nil && b.Status == registry.StatusActive {
			return b
		}
	}
	return nil
}

// step makes one random write and names it.
func (w *randomWriter) step() string {
	t := w.t
	b := w.active()
	if b == nil {
		w.newBusiness()
		return "create"
	}
	switch op := w.rng.IntN(9); op {
	case 0:
		w.newBusiness()
		return "create"
	case 1:
		w.facts(b)
		must(t, w.s.UpdateBusiness(ctx, b, &audit.Entry{Username: "uji", Action: "update", Entity: "business"}))
		return "update"
	case 2:
		b.Status = registry.StatusArchived
		must(t, w.s.UpdateBusiness(ctx, b, &audit.Entry{Username: "uji", Action: "archive", Entity: "business"}))
		return "archive"
	case 3:
		n, yes := w.rng.IntN(3), w.rng.IntN(2) == 0
		p := permits.Profile{BusinessID: b.ID, Facilities: &n, Outlets: &n, PreservationMethods: &n,
			ProductType: w.pick("", "bakeri", "lainnya"), HalalIngredients: &yes, SeparateTools: &yes, SimpleProcess: &yes}
		if w.rng.IntN(3) == 0 {
			p = permits.Profile{BusinessID: b.ID}
		}
		must(t, w.s.SaveHalalProfile(ctx, p, "uji", &audit.Entry{Username: "uji", Action: "update", Entity: "halal_profile"}))
		return "profile"
	case 4:
		p := &permits.Permit{BusinessID: b.ID, Kind: w.pick(permits.KindHalalSelfDeclare, permits.KindPIRT, permits.KindSNI),
			Status: permits.StatusTerbit, Number: fmt.Sprintf("X%06d", w.rng.IntN(1e6)), ExpiresOn: w.pick("2026-01-01", "2027-02-01"),
			UpdatedBy: "uji"}
		must(t, w.s.CreatePermit(ctx, p, createAudit("permit")))
		return "permit"
	case 5:
		ps, err := w.s.PermitsOf(ctx, b.ID)
		must(t, err)
		if len(ps) == 0 {
			return "no permit"
		}
		p := ps[w.rng.IntN(len(ps))]
		p.Status, p.ExpiresOn = w.pick(permits.StatusKedaluwarsa, permits.StatusTerbit, permits.StatusBelum), w.pick("", "2026-11-01")
		must(t, w.s.UpdatePermit(ctx, &p, &audit.Entry{Username: "uji", Action: "update", Entity: "permit", EntityID: p.ID}))
		return "permit update"
	case 6:
		items := Synth(3, 900_000+w.n*10, w.rng, w.villages)
		w.n++
		must(t, w.s.InsertBatch(ctx, items))
		for _, it := range items {
			w.ids = append(w.ids, it.Business.ID)
		}
		return "batch"
	case 7:
		other := w.active()
		if other == nil || other.ID == b.ID {
			return "no merge"
		}
		m := &duplicates.Merge{KeptID: b.ID, MergedID: other.ID, MergedBy: "uji", MergedAt: time.Now()}
		must(t, w.s.MergeBusinesses(ctx, b, m, &audit.Entry{Username: "uji", Action: "merge", Entity: "business",
			EntityID: b.ID, After: []byte(`{}`)}))
		w.merges = append(w.merges, m.ID)
		return "merge"
	default:
		if len(w.merges) == 0 {
			return "no undo"
		}
		id := w.merges[len(w.merges)-1]
		w.merges = w.merges[:len(w.merges)-1]
		_, err := w.s.UndoMerge(ctx, id, "uji", time.Now(), &audit.Entry{Username: "uji", Action: "merge_undo", Entity: "business"})
		if apperr.CodeOf(err) == apperr.Conflict {
			return "undo refused" // a record changed since the merge
		}
		must(t, err)
		return "undo"
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
