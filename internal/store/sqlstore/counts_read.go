package sqlstore

import (
	"context"
	"strings"
	"time"

	"naikkelas/internal/idfmt"
	"naikkelas/internal/registry"
)

// The statistics read the counts the triggers keep (migration 0028:
// business_counts per desa, class and sector; business_expiry_counts per
// expiry day) whenever the filter asks only what they hold: area, class,
// sector and a document. A search, a list of ids or an owner's own business
// falls back to counting the register.

// countsWhere returns the conditions of f on a counts table under alias b,
// or ok=false when the counts cannot answer f. withSector is false for the
// expiry counts, which are not kept per sector.
func countsWhere(f registry.Filter, withSector bool) (w Where, ok bool) {
	if f.Archived || strings.TrimSpace(f.Q) != "" || len(f.IDs) > 0 || f.Scope.BusinessID != 0 ||
		(f.Sector != "" && !withSector) {
		return w, false
	}
	if f.District != "" {
		w.Add("b.district_code = ?", f.District)
	}
	if f.Village != "" {
		w.Add("b.village_code = ?", f.Village)
	}
	if f.SizeClass != "" {
		w.Add("b.size_class = ?", f.SizeClass)
	}
	if f.Sector != "" {
		w.Add("b.sector = ?", f.Sector)
	}
	addScope(&w, f.Scope)
	return w, true
}

// countColumn is the sum over business_counts that counts the businesses
// holding doc (or lacking it); ok=false for a document it does not keep.
func countColumn(doc string) (expr string, ok bool) {
	switch doc {
	case "":
		return "b.businesses", true
	case registry.DocNIB:
		return "b.nib", true
	case registry.DocNoNIB:
		return "b.businesses - b.nib", true
	case registry.DocPIRT:
		return "b.pirt", true
	case registry.DocHalal:
		return "b.halal", true
	case registry.DocNoHalal:
		return "b.businesses - b.halal", true
	}
	return "", false
}

// expiryKind is the kind of business_expiry_counts that answers doc.
func expiryKind(doc string) (kind string, ok bool) {
	switch doc {
	case registry.DocPIRTExpired:
		return "pirt", true
	case registry.DocHalalExpired:
		return "halal", true
	}
	return "", false
}

// statsDay is the day "expired" is judged on: f.Today, or today.
func statsDay(f registry.Filter) string {
	if f.Today != "" {
		return f.Today
	}
	return idfmt.Day(time.Now())
}

// districtCountsQuery is DistrictStats's query on the kept counts: rows of
// (district, class, count). ok=false when they cannot answer f.
func districtCountsQuery(f registry.Filter) (query string, args []any, ok bool) {
	if kind, expiry := expiryKind(f.Doc); expiry {
		w, ok := countsWhere(f, false)
		if !ok {
			return "", nil, false
		}
		w.Add("b.kind = ? AND b.expires_on < ?", kind, statsDay(f))
		return `SELECT b.district_code, b.size_class, CAST(SUM(b.businesses) AS BIGINT) FROM business_expiry_counts b
			WHERE ` + w.SQL() + ` GROUP BY b.district_code, b.size_class`, w.Args, true
	}
	col, ok := countColumn(f.Doc)
	if !ok {
		return "", nil, false
	}
	w, ok := countsWhere(f, true)
	if !ok {
		return "", nil, false
	}
	return `SELECT b.district_code, b.size_class, CAST(SUM(` + col + `) AS BIGINT) FROM business_counts b
		WHERE ` + w.SQL() + ` GROUP BY b.district_code, b.size_class`, w.Args, true
}

// homeStatsFromCounts is HomeStats on the kept counts; ok=false when they
// cannot answer f (a document filter among them: the totals of the other
// documents within it are not kept).
func homeStatsFromCounts(ctx context.Context, q *Runner, f registry.Filter) (hs registry.HomeStats, ok bool, err error) {
	hs = registry.HomeStats{BySizeClass: map[string]int{}}
	w, ok := countsWhere(f, false)
	if !ok || f.Doc != "" {
		return hs, false, nil
	}
	rows, err := q.Query(ctx, `SELECT b.size_class, CAST(SUM(b.businesses) AS BIGINT), CAST(SUM(b.nib) AS BIGINT),
		CAST(SUM(b.pirt) AS BIGINT), CAST(SUM(b.halal) AS BIGINT), CAST(SUM(b.halal_process) AS BIGINT)
		FROM business_counts b WHERE `+w.SQL()+` GROUP BY b.size_class`, w.Args...)
	if err != nil {
		return hs, true, err
	}
	defer rows.Close()
	for rows.Next() {
		var class string
		var n, nib, pirt, halal, halalProc int
		if err := rows.Scan(&class, &n, &nib, &pirt, &halal, &halalProc); err != nil {
			return hs, true, err
		}
		if n != 0 {
			hs.BySizeClass[class] += n
		}
		hs.Total += n
		hs.NIB += nib
		hs.PIRT += pirt
		hs.Halal += halal
		hs.HalalProcess += halalProc
	}
	if err := rows.Err(); err != nil {
		return hs, true, err
	}
	rows.Close()
	ew := w
	ew.Add("b.kind IN ('pirt', 'halal') AND b.expires_on < ?", statsDay(f))
	rows, err = q.Query(ctx, `SELECT b.kind, CAST(SUM(b.businesses) AS BIGINT) FROM business_expiry_counts b WHERE `+
		ew.SQL()+` GROUP BY b.kind`, ew.Args...)
	if err != nil {
		return hs, true, err
	}
	defer rows.Close()
	for rows.Next() {
		var kind string
		var n int
		if err := rows.Scan(&kind, &n); err != nil {
			return hs, true, err
		}
		if kind == "pirt" {
			hs.PIRTExpired = n
		} else {
			hs.HalalExpired = n
		}
	}
	return hs, true, rows.Err()
}
