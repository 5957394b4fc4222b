package sqlstore

import (
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
	addFields(&w, f)
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

// homeCountsQuery is HomeStats's query on the kept counts, with the columns
// of its query on the register (homeStatsSQL): per class, then one row of
// the expired documents. ok=false when the counts cannot answer f (a
// document filter among them: the other documents within it are not kept).
func homeCountsQuery(f registry.Filter) (query string, args []any, ok bool) {
	w, ok := countsWhere(f, false)
	if !ok || f.Doc != "" {
		return "", nil, false
	}
	sum := func(expr string) string { return "CAST(COALESCE(SUM(" + expr + "), 0) AS BIGINT)" }
	return `SELECT b.size_class, ` + sum("b.businesses") + `, ` + sum("b.nib") + `, ` + sum("b.pirt") + `, 0, ` +
			sum("b.halal") + `, 0, ` + sum("b.halal_process") + ` FROM business_counts b WHERE ` + w.SQL() +
			` GROUP BY b.size_class
		UNION ALL
		SELECT '', 0, 0, 0, ` + sum("CASE WHEN b.kind = 'pirt' THEN b.businesses ELSE 0 END") + `, 0, ` +
			sum("CASE WHEN b.kind = 'halal' THEN b.businesses ELSE 0 END") + `, 0
		FROM business_expiry_counts b WHERE ` + w.SQL() + ` AND b.expires_on < ?`,
		append(append(append([]any{}, w.Args...), w.Args...), statsDay(f)), true
}
