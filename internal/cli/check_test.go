package cli

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"naikkelas/internal/region"
	"naikkelas/internal/registry"
	"naikkelas/internal/store/sqlite"
	"naikkelas/internal/store/sqlstore"
	"naikkelas/internal/store/storetest"
)

// checkCases are the tests of `naikkelas check`, each run on a fresh
// database of each engine.
var checkCases = map[string]func(t *testing.T, dsn string, s registry.Store, db *sqlstore.DB){
	"business counts": testCheck,
	"permit counts":   testCheckPermitCounts,
}

// TestCheckSQLite: a register written through the store passes; a count changed
// behind the triggers' back is reported, with its desa, and fails the command.
func TestCheckSQLite(t *testing.T) {
	for name, c := range checkCases {
		t.Run(name, func(t *testing.T) {
			path, s := migratedSQLite(t)
			c(t, path, s, s.DB)
		})
	}
}

// migratedSQLite opens a new migrated SQLite database, closed when the test ends.
func migratedSQLite(t *testing.T) (string, *sqlite.Store) {
	path := tempDB(t)
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return path, s
}

func TestCheckPostgres(t *testing.T) {
	for name, c := range checkCases {
		t.Run(name, func(t *testing.T) {
			s, dsn := storetest.OpenPostgres(t)
			c(t, dsn, s, s.DB)
		})
	}
}

func testCheck(t *testing.T, dsn string, s registry.Store, db *sqlstore.DB) {
	ctx := context.Background()
	checkConsistent(t, dsn, s, 7)
	var village string
	if err := db.Reader().QueryRow(ctx, `SELECT village_code FROM business_counts WHERE businesses > 0 ORDER BY village_code LIMIT 1`).
		Scan(&village); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Writer().Exec(ctx, `UPDATE business_counts SET nib = nib + 2 WHERE village_code = ?`, village); err != nil {
		t.Fatal(err)
	}
	r := run(t, "", "check", "--db", dsn)
	if r.code != ExitError {
		t.Fatalf("check after a count was changed: exit %d, want %d\n%s", r.code, ExitError, r.stdout)
	}
	if !strings.Contains(r.stdout, "SELISIH: jumlah usaha per desa") || !strings.Contains(r.stdout, "desa "+village) ||
		!strings.Contains(r.stdout, "ber-NIB tersimpan") || !strings.Contains(r.stderr, "selisih") {
		t.Fatalf("check output lacks the difference in desa %s:\n%s%s", village, r.stdout, r.stderr)
	}
}

// checkConsistent fills the register with 300 synthetic businesses of
// Cikande through the store and expects every check to pass.
func checkConsistent(t *testing.T, dsn string, s registry.Store, seed uint64) {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, seed))
	if err := s.InsertBatch(context.Background(), storetest.Synth(300, 0, rng, region.All().Villages("36.04.15"))); err != nil {
		t.Fatal(err)
	}
	r := run(t, "", "check", "--db", dsn)
	if r.code != ExitOK || !strings.Contains(r.stdout, "Semua") || strings.Contains(r.stdout, "SELISIH") {
		t.Fatalf("check of a consistent register: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestCheckYearClasses: the per-year naik-kelas summaries of a register
// written through the store pass; a summary changed behind the store's
// back is reported with its business.
func TestCheckYearClasses(t *testing.T) {
	ctx := context.Background()
	path := tempDB(t)
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.InsertBatch(ctx, storetest.Synth(200, 0, rand.New(rand.NewPCG(3, 3)), region.All().Villages("36.04.15"))); err != nil {
		t.Fatal(err)
	}
	if r := run(t, "", "check", "--db", path); r.code != ExitOK || !strings.Contains(r.stdout, "cocok: kelas usaha per tahun") {
		t.Fatalf("check of a consistent register: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	var business int64
	if err := s.Reader().QueryRow(ctx, `SELECT MIN(business) FROM business_year_classes WHERE year = 2025`).Scan(&business); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Writer().Exec(ctx, `UPDATE business_year_classes SET size_last = size_last % 4 + 1
		WHERE business = ? AND year = 2025`, business); err != nil {
		t.Fatal(err)
	}
	r := run(t, "", "check", "--db", path)
	if r.code != ExitError || !strings.Contains(r.stdout, "SELISIH: kelas usaha per tahun") ||
		!strings.Contains(r.stdout, fmt.Sprintf("usaha #%d: per tahun tersimpan", business)) {
		t.Fatalf("check after a summary was changed: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
