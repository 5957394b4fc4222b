package sqlstore

import (
	"context"
	"fmt"
	"strings"

	"naikkelas/internal/permits"
	"naikkelas/internal/registry"
)

// halalFactColumns are the facts halal_fact_counts keys its counts by
// (migration 0033), revenue_band aside.
const halalFactColumns = `district_code, size_class, size_basis, has_nib, founded_year, halal_valid_until,
	facilities, outlets, preservation_methods, product_type, halal_ingredients, separate_tools, simple_process`

// halalBoundedColumns are halalFactColumns with the founding year on its
// side of a bound (three placeholders: the bound, the bound+1, the bound).
const halalBoundedColumns = `district_code, size_class, size_basis, has_nib,
	CASE WHEN founded_year = 0 THEN 0 WHEN founded_year > ? THEN ? ELSE ? END, halal_valid_until,
	facilities, outlets, preservation_methods, product_type, halal_ingredients, separate_tools, simple_process`

// countsScope limits halal_fact_counts (alias c) to kecamatan; a village or
// a business is beyond what it keeps.
var countsScope = scopeColumns{"1=0", "c.district_code", "1=0"}

// HalalFactCounts implements permits.ProfileStore from halal_fact_counts:
// one row per kecamatan and combination of facts, not per business.
func (db *DB) HalalFactCounts(ctx context.Context, scope registry.Scope, district string,
	bounds permits.Bounds) ([]permits.FactsCount, bool, error) {
	revenueLimit := bounds.RevenueLimit
	if scope.BusinessID != 0 || !allDistrictsOrWider(scope.Regions) {
		return nil, false, nil
	}
	q := db.Reader()
	// A business is over the limit when its band counts the limit: when it
	// exceeds more limits than those below the limit.
	below, known := int64(1<<62), 1
	if revenueLimit > 0 {
		if err := q.QueryRow(ctx, `SELECT COALESCE(SUM(CASE WHEN amount < ? THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN amount = ? THEN 1 ELSE 0 END), 0) FROM halal_revenue_limits`,
			revenueLimit, revenueLimit).Scan(&below, &known); err != nil {
			return nil, false, fmt.Errorf("halal revenue limits: %w", err)
		}
	}
	if known == 0 {
		return nil, false, nil
	}
	var w Where
	if district != "" {
		w.Add("c.district_code = ?", district)
	}
	addScopeOn(&w, scope, countsScope)
	founded := bounds.FoundedAfter
	if founded == 0 {
		founded = 1 << 30 // not read: every known year counts as one
	}
	out, err := queryRows(ctx, q, "halal fact counts", []permits.FactsCount{}, func(s Scanner, c *permits.FactsCount) error {
		return scanFactsCount(s, c, revenueLimit)
	}, `SELECT `+halalBoundedColumns+`, CASE WHEN revenue_band > ? THEN 1 ELSE 0 END, SUM(businesses)
		FROM halal_fact_counts c WHERE `+w.SQL()+`
		GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14`, append([]any{founded, founded + 1, founded, below}, w.Args...)...)
	return out, err == nil, err
}

// allDistrictsOrWider tells whether every region is a kecamatan or wider.
func allDistrictsOrWider(regions []string) bool {
	for _, r := range regions {
		if strings.Count(r, ".") > 2 {
			return false
		}
	}
	return true
}

// scanFactsCount reads a row of HalalFactCounts: the kept facts back into
// permits.Facts, the revenue as its side of limit.
func scanFactsCount(s Scanner, c *permits.FactsCount, limit int64) error {
	f := &c.Facts
	p := &f.Profile
	var nib, over int
	var validUntil string
	var fac, out, pres int
	var ingr, tools, simple int8
	if err := s.Scan(&c.District, &f.SizeClass, &f.SizeBasis, &nib, &f.FoundedYear, &validUntil, &fac, &out, &pres,
		&p.ProductType, &ingr, &tools, &simple, &over, &c.Businesses); err != nil {
		return err
	}
	f.HasNIB = nib == 1
	if over == 1 {
		f.AnnualRevenue = limit + 1
	}
	f.HalalStatus = registry.HalalNone
	if validUntil != "" {
		f.HalalStatus, f.HalalExpiresOn = registry.HalalCertified, strings.TrimPrefix(validUntil, "9999-12-31")
	}
	p.Facilities, p.Outlets, p.PreservationMethods = recordedPtr(fac), recordedPtr(out), recordedPtr(pres)
	p.HalalIngredients, p.SeparateTools, p.SimpleProcess = checkedPtr(ingr), checkedPtr(tools), checkedPtr(simple)
	return nil
}

func recordedPtr(v int) *int {
	if v < 0 {
		return nil
	}
	return &v
}

func checkedPtr(v int8) *bool {
	if v < 0 {
		return nil
	}
	b := v == 1
	return &b
}
