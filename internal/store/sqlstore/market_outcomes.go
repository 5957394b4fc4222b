package sqlstore

import (
	"context"
	"fmt"

	"naikkelas/internal/market"
)

// MarketOutcomes implements market.Store: five grouped counts, each per
// kecamatan (or business) of the businesses in the query's set, merged by
// kecamatan (or business).
func (db *DB) MarketOutcomes(ctx context.Context, q market.OutcomeQuery) ([]market.DistrictOutcome, error) {
	key := "b.district_code"
	if q.ByBusiness {
		key = "CAST(b.id AS TEXT)"
	}
	set, setArgs := ` AND b.status = 'active'`, []any{}
	if q.ProgramID != 0 {
		set += ` AND b.id IN (SELECT a.business_id FROM applications a WHERE a.program_id = ? AND a.status = 'completed')`
		setArgs = append(setArgs, q.ProgramID)
	}
	byCode := map[string]*market.DistrictOutcome{}
	var order []string
	row := func(code string) *market.DistrictOutcome {
		if d, ok := byCode[code]; ok {
			return d
		}
		byCode[code] = &market.DistrictOutcome{Code: code}
		order = append(order, code)
		return byCode[code]
	}
	// Each count reads a kecamatan code and figures, which apply puts in
	// the kecamatan's row.
	counts := []struct {
		what, query string
		args        []any
		apply       func(d *market.DistrictOutcome, v []int64)
	}{
		{"businesses", `SELECT ` + key + `, COUNT(*),
			SUM(CASE WHEN EXISTS (SELECT 1 FROM products p WHERE p.business_id = b.id) THEN 1 ELSE 0 END)
			FROM businesses b WHERE 1 = 1` + set + ` GROUP BY ` + key, nil,
			func(d *market.DistrictOutcome, v []int64) { d.Businesses, d.WithProduct = int(v[0]), int(v[1]) }},
		{"label scores", `SELECT ` + key + `, COUNT(*), SUM(f.score), SUM(l.score) FROM products p
			JOIN businesses b ON b.id = p.business_id
			JOIN label_checks f ON f.id = (SELECT MIN(x.id) FROM label_checks x WHERE x.product_id = p.id)
			JOIN label_checks l ON l.id = (SELECT MAX(x.id) FROM label_checks x WHERE x.product_id = p.id)
			WHERE f.id <> l.id` + set + ` GROUP BY ` + key, nil,
			func(d *market.DistrictOutcome, v []int64) {
				d.LabelProducts, d.LabelScoreSum = int(v[0]), [2]int{int(v[1]), int(v[2])}
			}},
		{"curation", `SELECT ` + key + `, SUM(CASE WHEN e.decision <> '' THEN 1 ELSE 0 END),
			SUM(CASE WHEN e.decision = 'lolos' THEN 1 ELSE 0 END)
			FROM curation_entries e JOIN products p ON p.id = e.product_id JOIN businesses b ON b.id = p.business_id
			WHERE 1 = 1` + set + ` GROUP BY ` + key, nil,
			func(d *market.DistrictOutcome, v []int64) { d.Decided, d.Passed = int(v[0]), int(v[1]) }},
		{"listed", `SELECT ` + key + `, COUNT(DISTINCT b.id)
			FROM listings l JOIN products p ON p.id = l.product_id JOIN businesses b ON b.id = p.business_id
			WHERE l.starts_on <= ? AND (l.ends_on = '' OR l.ends_on >= ?)` + set + ` GROUP BY ` + key,
			[]any{q.Today, q.Today}, func(d *market.DistrictOutcome, v []int64) { d.Listed = int(v[0]) }},
		{"sales", `SELECT ` + key + `, SUM(CASE WHEN s.month = ? THEN s.revenue ELSE 0 END),
			SUM(CASE WHEN s.paid_on = '' AND s.due_on < ? THEN s.revenue ELSE 0 END)
			FROM listing_sales s JOIN listings l ON l.id = s.listing_id JOIN products p ON p.id = l.product_id
			JOIN businesses b ON b.id = p.business_id WHERE 1 = 1` + set + ` GROUP BY ` + key,
			[]any{q.LastMonth, q.Today}, func(d *market.DistrictOutcome, v []int64) { d.SalesLastMonth, d.OwedPastTerms = v[0], v[1] }},
	}
	r := db.Reader()
	for _, c := range counts {
		rows, err := r.Query(ctx, c.query, append(append([]any{}, c.args...), setArgs...)...)
		if err != nil {
			return nil, fmt.Errorf("market outcomes, %s: %w", c.what, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			var code string
			v := make([]int64, len(cols)-1)
			dst := []any{&code}
			for i := range v {
				dst = append(dst, &v[i])
			}
			if err := rows.Scan(dst...); err != nil {
				rows.Close()
				return nil, fmt.Errorf("market outcomes, %s: %w", c.what, err)
			}
			c.apply(row(code), v)
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	out := make([]market.DistrictOutcome, len(order))
	for i, code := range order {
		out[i] = *byCode[code]
	}
	return out, nil
}
