package sqlstore

import (
	"context"
	"fmt"
	"strings"

	"naikkelas/internal/integrity"
)

// Checks implements integrity.Store: every table the triggers or the write
// paths keep derived from other rows, compared with a recomputation. A new
// kind of derived data adds its check here.
func (db *DB) Checks() []integrity.Check {
	return []integrity.Check{
		{Name: "jumlah usaha per desa, kelas dan sektor", Run: db.countCheck(businessCountsCheck)},
		{Name: "jumlah izin per tanggal kedaluwarsa", Run: db.countCheck(expiryCountsCheck)},
		{Name: "kecamatan pada setiap izin", Run: db.permitDistrictCheck},
		{Name: "jumlah usaha pangan per kecamatan dan fakta halal", Run: db.countCheck(halalFactCountsCheck)},
		{Name: "usaha terdaftar dan sertifikat halal per tahun masuk dan keluar", Run: db.countCheck(stockCountsCheck)},
		{Name: "kelas usaha per tahun (naik kelas)", Run: func(ctx context.Context) ([]string, error) {
			diffs, _, err := db.CheckYearClasses(ctx)
			return diffs, err
		}},
	}
}

// maxDifferences caps the differences one check reports: past it, one line
// says how many more there are.
const maxDifferences = 50

// CountCheck describes a table of counts kept by triggers and the query that
// recomputes it. Keys and Counts are column names of both; Recompute selects
// the same columns, under the same names, from the rows counted.
type CountCheck struct {
	Table     string
	Keys      []Label
	Counts    []Label
	Recompute string
}

// Label is a column and how a difference names it, in Indonesian.
type Label struct{ Column, Name string }

var businessCountsCheck = CountCheck{
	Table: "business_counts",
	Keys: []Label{{"district_code", "kecamatan"}, {"village_code", "desa"}, {"size_class", "kelas"},
		{"sector", "sektor"}},
	Counts: []Label{{"businesses", "usaha"}, {"nib", "ber-NIB"}, {"pirt", "ber-P-IRT"}, {"halal", "bersertifikat halal"},
		{"halal_process", "halal dalam proses"}},
	Recompute: `SELECT district_code, village_code, size_class, sector, COUNT(*) AS businesses,
		SUM(CASE WHEN nib <> '' THEN 1 ELSE 0 END) AS nib, SUM(CASE WHEN pirt_number <> '' THEN 1 ELSE 0 END) AS pirt,
		SUM(CASE WHEN halal_status = 'certified' THEN 1 ELSE 0 END) AS halal,
		SUM(CASE WHEN halal_status = 'in_process' THEN 1 ELSE 0 END) AS halal_process
		FROM businesses WHERE status = 'active' GROUP BY district_code, village_code, size_class, sector`,
}

// stockCountsCheck recomputes stock_counts from the view of what it counts
// (each engine's migration 0037).
var stockCountsCheck = CountCheck{
	Table: "stock_counts",
	Keys: []Label{{"figure", "angka"}, {"district_code", "kecamatan"}, {"village_code", "desa"}, {"in_year", "tahun masuk"},
		{"out_year", "tahun keluar"}},
	Counts: []Label{{"businesses", "jumlah"}},
	Recompute: `SELECT figure, district_code, village_code, in_year, out_year, COUNT(*) AS businesses FROM stock_rows
		GROUP BY figure, district_code, village_code, in_year, out_year`,
}

var expiryCountsCheck = CountCheck{
	Table: "business_expiry_counts",
	Keys: []Label{{"kind", "izin"}, {"expires_on", "kedaluwarsa"}, {"district_code", "kecamatan"},
		{"village_code", "desa"}, {"size_class", "kelas"}},
	Counts: []Label{{"businesses", "usaha"}},
	Recompute: `SELECT 'pirt' AS kind, pirt_expires_on AS expires_on, district_code, village_code, size_class,
		COUNT(*) AS businesses FROM businesses WHERE status = 'active' AND pirt_number <> '' AND pirt_expires_on <> ''
		GROUP BY pirt_expires_on, district_code, village_code, size_class
		UNION ALL
		SELECT 'halal', halal_expires_on, district_code, village_code, size_class, COUNT(*) FROM businesses
		WHERE status = 'active' AND halal_status = 'certified' AND halal_expires_on <> ''
		GROUP BY halal_expires_on, district_code, village_code, size_class`,
}

// countCheck compares c's table with its recomputation in one statement, so
// that both sides are read from one snapshot while writers go on. A kept
// row of zeros and an absent row are the same.
func (db *DB) countCheck(c CountCheck) func(ctx context.Context) ([]string, error) {
	var keys, counts, join, differ []string
	for _, k := range c.Keys {
		keys = append(keys, "COALESCE(k."+k.Column+", r."+k.Column+")")
		join = append(join, "k."+k.Column+" = r."+k.Column)
	}
	for _, n := range c.Counts {
		counts = append(counts, "COALESCE(k."+n.Column+", 0)", "COALESCE(r."+n.Column+", 0)")
		differ = append(differ, "COALESCE(k."+n.Column+", 0) <> COALESCE(r."+n.Column+", 0)")
	}
	query := `SELECT ` + strings.Join(append(keys, counts...), ", ") + ` FROM ` + c.Table + ` k FULL JOIN (` +
		c.Recompute + `) r ON ` + strings.Join(join, " AND ") + ` WHERE ` + strings.Join(differ, " OR ") +
		` ORDER BY ` + strings.Join(keys, ", ")
	return func(ctx context.Context) ([]string, error) {
		rows, err := db.Reader().Query(ctx, query)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.Table, err)
		}
		defer rows.Close()
		var out []string
		extra := 0
		keyVals := make([]string, len(c.Keys))
		countVals := make([]int64, 2*len(c.Counts))
		dest := make([]any, 0, len(keyVals)+len(countVals))
		for i := range keyVals {
			dest = append(dest, &keyVals[i])
		}
		for i := range countVals {
			dest = append(dest, &countVals[i])
		}
		for rows.Next() {
			if err := rows.Scan(dest...); err != nil {
				return nil, err
			}
			if len(out) == maxDifferences {
				extra++
				continue
			}
			out = append(out, describeDifference(c, keyVals, countVals))
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if extra > 0 {
			out = append(out, fmt.Sprintf("… dan %d selisih lain", extra))
		}
		return out, nil
	}
}

// describeDifference says which counts of one key differ, kept against recomputed.
func describeDifference(c CountCheck, keys []string, counts []int64) string {
	var where, what []string
	for i, k := range c.Keys {
		v := keys[i]
		if v == "" {
			v = "(kosong)"
		}
		where = append(where, k.Name+" "+v)
	}
	for i, n := range c.Counts {
		kept, recomputed := counts[2*i], counts[2*i+1]
		if kept != recomputed {
			what = append(what, fmt.Sprintf("%s tersimpan %d, dihitung ulang %d", n.Name, kept, recomputed))
		}
	}
	return strings.Join(where, ", ") + ": " + strings.Join(what, "; ")
}
