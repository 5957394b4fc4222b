package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"naikkelas/internal/auth"
	"naikkelas/internal/market"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
	"naikkelas/internal/services"
	"naikkelas/internal/store"
	"naikkelas/internal/store/engine"
	"naikkelas/internal/store/pgtest"
)

// Region codes used by the fixtures: the operator works in Cikande.
const (
	cikande        = "36.04.15"
	cikandeVillage = "36.04.15.2001" // Desa Cikande
	kramatVillage  = "36.04.05.2001" // Desa Kramatwatu, another kecamatan
	testPassword   = "rahasia-123"
)

// programClock is the programmes' "now" in the web tests: 10.00 WIB on
// 5 December 2026, after the sessions of the stages (1–3 December 2026) and
// before those a test schedules from 6 December on. Sessions and tokens
// keep the real clock.
func programClock() time.Time { return time.Date(2026, 12, 5, 3, 0, 0, 0, time.UTC) }

var (
	hashOnce sync.Once
	pwHash   string
)

// testHash is a low-cost bcrypt hash of testPassword, computed once.
func testHash(t testing.TB) string {
	hashOnce.Do(func() {
		h, err := bcrypt.GenerateFromPassword([]byte(testPassword), bcrypt.MinCost)
		if err != nil {
			t.Fatal(err)
		}
		pwHash = string(h)
	})
	return pwHash
}

// fixture is a web server on a fresh SQLite database holding one business
// in the operator's area (In, owned by the owner account) and one outside (Out).
type fixture struct {
	t       testing.TB
	st      store.Store
	srv     *Server
	In, Out *registry.Business
	users   map[string]*auth.User // by role name
	tokens  map[string]string     // role → plain API token
	cookies map[string]string     // role → plain session ID
	spare   *auth.User            // an account tests may disable
	partner map[string]int64      // "a" (the mitra's partner) and "b" (another), both retailers → partner ID
	logs    *strings.Builder
	nib     int
}

// roles of the matrix, "anon" being nobody.
var matrixRoles = []string{"admin", "operator", "pimpinan", "owner", "mitra", "anon"}

// seed is a migrated and seeded database file, built once per test binary
// and copied for every fixture: a fresh database costs a file copy instead
// of a migration run.
var seed struct {
	once  sync.Once
	files map[string][]byte // file suffix ("", "-wal") → content
	f     *fixture
}

// newFixture returns a fixture on its own copy of the seed database.
func newFixture(t testing.TB) *fixture {
	t.Helper()
	seed.once.Do(func() { buildSeed(t) })
	if seed.f == nil {
		t.Fatal("building the seed database failed (see the first test's error)")
	}
	path := filepath.Join(t.TempDir(), "t.db")
	for suffix, b := range seed.files {
		if err := os.WriteFile(path+suffix, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	f := openFixture(t, path)
	t.Cleanup(func() { f.st.Close() })
	s0 := seed.f
	f.tokens, f.cookies, f.nib, f.partner = maps.Clone(s0.tokens), maps.Clone(s0.cookies), s0.nib, maps.Clone(s0.partner)
	for role, u := range s0.users {
		c := *u
		f.users[role] = &c
	}
	spare := *s0.spare
	f.spare = &spare
	var err error
	if f.In, err = f.st.GetBusiness(context.Background(), s0.In.ID); err != nil {
		t.Fatal(err)
	}
	if f.Out, err = f.st.GetBusiness(context.Background(), s0.Out.ID); err != nil {
		t.Fatal(err)
	}
	return f
}

// buildSeed creates the seed database: two businesses, one account per
// role with an API token and a session each, and a spare account.
func buildSeed(t testing.TB) {
	dir, err := os.MkdirTemp("", "naikkelas-web-seed-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "seed.db")
	f := openFixture(t, path)
	f.seed()
	if err := f.st.Close(); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, suffix := range []string{"", "-wal"} {
		if b, err := os.ReadFile(path + suffix); err == nil {
			files[suffix] = b
		}
	}
	seed.files, seed.f = files, f
}

// newPostgresFixture returns a fixture like newFixture on a fresh
// PostgreSQL schema (pgtest), seeded the same way. Without
// NAIKKELAS_TEST_POSTGRES the test skips with a visible message.
func newPostgresFixture(t testing.TB) *fixture {
	t.Helper()
	f := openFixture(t, pgtest.FreshDSN(t))
	t.Cleanup(func() { f.st.Close() })
	f.seed()
	return f
}

// engineFixtures runs fn on a fresh SQLite fixture and, when
// NAIKKELAS_TEST_POSTGRES is set, on a PostgreSQL one (skipped visibly
// otherwise), each as its own subtest.
func engineFixtures(t *testing.T, fn func(t *testing.T, f *fixture)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, newFixture(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, newPostgresFixture(t)) })
}

// seed fills a fresh store with the fixture's businesses and accounts.
func (f *fixture) seed() {
	t := f.t
	ctx := context.Background()
	st := f.st
	f.partner = map[string]int64{}
	for key, pt := range map[string]*programs.Partner{"a": {Name: "Swalayan Daerah", Kind: "ritel",
		Requirements: &market.Requirements{Halal: true, MinShelfLifeDays: 90}}, "b": {Name: "Toko Ritel", Kind: "ritel"}} {
		if _, err := f.srv.Programs.SavePartner(ctx, auth.System, pt); err != nil {
			t.Fatal(err)
		}
		f.partner[key] = pt.ID
	}
	f.In = f.createBusiness("Keripik Emping Bu Siti", cikandeVillage)
	f.Out = f.createBusiness("Sate Bandeng Kramat", kramatVillage)
	for _, u := range []*auth.User{
		{Username: "admin", Role: auth.Admin},
		{Username: "operator.cikande", Role: auth.Operator, Regions: []string{cikande}},
		{Username: "pimpinan", Role: auth.Pimpinan},
		{Username: "pemilik", Role: auth.Owner, BusinessID: f.In.ID},
		{Username: "mitra.bank", Role: auth.Mitra, PartnerID: f.partner["a"]},
	} {
		u.PasswordHash = testHash(t)
		if err := st.CreateUser(ctx, u, nil); err != nil {
			t.Fatalf("CreateUser %s: %v", u.Username, err)
		}
		role := string(u.Role)
		f.users[role] = u
		plain, hash := auth.NewSecret()
		if err := st.CreateToken(ctx, &auth.Token{UserID: u.ID, Hash: hash}, nil); err != nil {
			t.Fatal(err)
		}
		f.tokens[role] = plain
		plain, hash = auth.NewSecret()
		if err := st.CreateSession(ctx, hash, u.ID, time.Now().Add(24*time.Hour)); err != nil {
			t.Fatal(err)
		}
		f.cookies[role] = plain
	}
	f.spare = &auth.User{Username: "cadangan", Role: auth.Operator, Regions: []string{cikande}, PasswordHash: testHash(t)}
	if err := st.CreateUser(ctx, f.spare, nil); err != nil {
		t.Fatal(err)
	}
}

// openFixture opens a store at path and builds the server on it.
func openFixture(t testing.TB, path string) *fixture {
	t.Helper()
	st, err := engine.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("engine.Open: %v", err)
	}
	logs := &strings.Builder{}
	var mu sync.Mutex
	logger := slog.New(slog.NewTextHandler(lockedWriter{&mu, logs}, nil))
	srv, err := New(Deps{Store: st, Set: services.New(st, "36.04"), Jurisdiction: "36.04", Logger: logger})
	if err != nil {
		t.Fatalf("web.New: %v", err)
	}
	srv.Programs.Now = programClock
	srv.Market.Photos = &market.PhotoFolder{Dir: filepath.Join(t.TempDir(), "foto")} // not beside path: a DSN is no folder
	return &fixture{t: t, st: st, srv: srv, users: map[string]*auth.User{}, tokens: map[string]string{},
		cookies: map[string]string{}, partner: map[string]int64{}, logs: logs}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func (f *fixture) createBusiness(name, village string) *registry.Business {
	f.t.Helper()
	f.nib++
	b := &registry.Business{Name: name, OwnerName: "Siti Aminah", NIK: "3604154506900003", OwnerGender: "P",
		OwnerBirthDate: "1990-06-05", Phone: "0812-3456-7890", Email: "siti@example.id", VillageCode: village,
		Sector: "C", AnnualRevenue: 150_000_000, Capital: 20_000_000, Employees: 3, NIB: fmt.Sprintf("%013d", 1234567890000+f.nib),
		Products: []registry.Product{{Name: "Emping melinjo", Category: "makanan", Price: 25_000}}}
	out, err := f.srv.Registry.Create(context.Background(), auth.System, b)
	if err != nil {
		f.t.Fatalf("create business: %v", err)
	}
	return out
}

// request is one HTTP call as a role. Pages get the session cookie, the
// API the bearer token. body is JSON for the API and a form otherwise.
type request struct {
	Method, Path, Role, Body string
	Header                   map[string]string
}

func (f *fixture) do(rq request) *httptest.ResponseRecorder {
	var body io.Reader
	if rq.Body != "" {
		body = strings.NewReader(rq.Body)
	}
	r := httptest.NewRequest(rq.Method, rq.Path, body)
	if rq.Body != "" {
		if strings.HasPrefix(rq.Path, "/api/") {
			r.Header.Set("Content-Type", "application/json")
		} else {
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
	}
	if rq.Role != "" && rq.Role != "anon" {
		if strings.HasPrefix(rq.Path, "/api/") {
			r.Header.Set("Authorization", "Bearer "+f.tokens[rq.Role])
		} else {
			r.AddCookie(&http.Cookie{Name: sessionCookie, Value: f.cookies[rq.Role]})
		}
	}
	for k, v := range rq.Header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	f.srv.ServeHTTP(w, r)
	return w
}

// businessForm encodes a valid create/edit form for a village.
func businessFormBody(name, village string, version int64) string {
	v := url.Values{
		"name": {name}, "owner_name": {"Ahmad Fauzi"}, "village_code": {village}, "district": {village[:8]},
		"phone": {"081298765432"}, "annual_revenue": {"250.000.000"}, "capital": {"50.000.000"},
		"employees": {"4"}, "sector": {"C"}, "halal_status": {"none"}, "version": {itoa64(version)},
		"products.0.name": {"Kerupuk kulit"}, "products.0.category": {"makanan"}, "products.0.price": {"15.000"},
	}
	return v.Encode()
}

// businessJSON is a valid API body for a village.
func businessJSON(name, village string, version int64) string {
	return `{"name":"` + name + `","owner_name":"Ahmad Fauzi","village_code":"` + village +
		`","phone":"+62 812 9876 5432","annual_revenue":250000000,"capital":50000000,"employees":4,"sector":"C","version":` +
		itoa64(version) + `,"products":[{"name":"Kerupuk kulit","category":"makanan","price":15000}]}`
}
