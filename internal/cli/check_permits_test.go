package cli

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"naikkelas/internal/region"
	"naikkelas/internal/registry"
	"naikkelas/internal/store/sqlite"
	"naikkelas/internal/store/sqlstore"
	"naikkelas/internal/store/storetest"
)

// TestCheckPermitCountsSQLite: the permits' kecamatan and the halal fact
// counts pass the check when written through the store; a permit's
// kecamatan or a count changed behind the triggers' back is reported.
func TestCheckPermitCountsSQLite(t *testing.T) {
	path := tempDB(t)
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	testCheckPermitCounts(t, path, s, s.DB)
}

func TestCheckPermitCountsPostgres(t *testing.T) {
	s, dsn := storetest.OpenPostgres(t)
	testCheckPermitCounts(t, dsn, s, s.DB)
}

func testCheckPermitCounts(t *testing.T, dsn string, s registry.Store, db *sqlstore.DB) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(14, 14))
	if err := s.InsertBatch(ctx, storetest.Synth(300, 0, rng, region.All().Villages("36.04.15"))); err != nil {
		t.Fatal(err)
	}
	r := run(t, "", "check", "--db", dsn)
	if r.code != ExitOK || !strings.Contains(r.stdout, "cocok: kecamatan pada setiap izin") ||
		!strings.Contains(r.stdout, "cocok: jumlah usaha pangan per kecamatan dan fakta halal") {
		t.Fatalf("check of a consistent register: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	var permit string
	if err := db.Reader().QueryRow(ctx, `SELECT MIN(id) FROM permits WHERE active_district <> ''`).Scan(&permit); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{`UPDATE permits SET active_district = '' WHERE id = ` + permit,
		`UPDATE halal_fact_counts SET businesses = businesses + 3 WHERE founded_year = 1990`} {
		if _, err := db.Writer().Exec(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	r = run(t, "", "check", "--db", dsn)
	for _, want := range []string{"SELISIH: kecamatan pada setiap izin", "izin " + permit + " ",
		"seharusnya 36.04.15", "SELISIH: jumlah usaha pangan per kecamatan dan fakta halal", "tahun berdiri 1990"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("check output lacks %q:\n%s", want, r.stdout)
		}
	}
	if r.code != ExitError {
		t.Errorf("check after breaking the kept rows: exit %d, want %d", r.code, ExitError)
	}
}
