package cli

import (
	"context"
	"strings"
	"testing"

	"naikkelas/internal/registry"
	"naikkelas/internal/store/sqlstore"
)

// testCheckPermitCounts: the permits' kecamatan and the halal fact counts
// pass the check when written through the store; a permit's kecamatan or a
// count changed behind the triggers' back is reported.
func testCheckPermitCounts(t *testing.T, dsn string, s registry.Store, db *sqlstore.DB) {
	ctx := context.Background()
	checkConsistent(t, dsn, s, 14)
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
	r := run(t, "", "check", "--db", dsn)
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
