package sqlstore

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"naikkelas/internal/idfmt"
	"naikkelas/internal/indicators"
	"naikkelas/internal/registry"
)

// Stocks implements indicators.StockStore from kept counts (each engine's
// migration 0037): the register and the halal certificates from
// stock_counts by the years they came in and went out, the classes from the
// class flows. Only the retail listings, far fewer than the businesses, and
// the halal certificates of a scope of desa (stock_counts keeps them per
// kecamatan) are counted from their rows.
func (db *DB) Stocks(ctx context.Context, scope registry.Scope, years []int, today string) ([]indicators.Stock, error) {
	if scope.BusinessID != 0 {
		return nil, fmt.Errorf("stocks: one business's scope is not counted")
	}
	if _, err := time.Parse(time.DateOnly, today); err != nil {
		return nil, fmt.Errorf("stocks: today %q: %w", today, err)
	}
	out := make([]indicators.Stock, len(years))
	if len(years) == 0 {
		return out, nil
	}
	q := db.Reader()
	var w Where
	addScope(&w, scope)
	register, err := q.inOutCounts(ctx, "register", w, years)
	if err != nil {
		return nil, err
	}
	classes, err := classesAtYearEnds(ctx, q, w, years)
	if err != nil {
		return nil, err
	}
	days := stockDays(years, today)
	halal, err := q.halalStocks(ctx, scope, w, years, days)
	if err != nil {
		return nil, err
	}
	listed, err := q.listedStocks(ctx, w, days)
	if err != nil {
		return nil, err
	}
	for i, y := range years {
		out[i] = indicators.Stock{Year: y, Businesses: register[i], Classes: classes[y], Halal: halal[i], Listed: listed[i]}
	}
	return out, nil
}

// stockDays is the day each year's stock is counted on: its 31 December,
// or today in today's year.
func stockDays(years []int, today string) []string {
	days := make([]string, len(years))
	for i, y := range years {
		days[i] = fmt.Sprintf("%04d-12-31", y)
		if strconv.Itoa(y) == today[:4] {
			days[i] = today
		}
	}
	return days
}

// inOutCounts sums stock_counts of figure within w (a scope on alias b) as
// each of years ended: the rows in by then and not out by then.
func (q *Runner) inOutCounts(ctx context.Context, figure string, w Where, years []int) ([]int, error) {
	w.Add("b.figure = ?", figure)
	type span struct{ in, out, n int }
	spans, err := queryRows(ctx, q, figure+" stocks", nil, func(s Scanner, x *span) error { return s.Scan(&x.in, &x.out, &x.n) },
		`SELECT b.in_year, b.out_year, CAST(SUM(b.businesses) AS BIGINT) FROM stock_counts b WHERE `+w.SQL()+`
		GROUP BY b.in_year, b.out_year`, w.Args...)
	if err != nil {
		return nil, err
	}
	out := make([]int, len(years))
	for i, y := range years {
		for _, x := range spans {
			if x.in <= y && (x.out == 0 || x.out > y) {
				out[i] += x.n
			}
		}
	}
	return out, nil
}

// halalCounted are the permits stock_counts counts as halal certificates.
const halalCounted = `p.kind IN ('halal_self_declare', 'halal_reguler') AND p.status IN ('terbit', 'kedaluwarsa')
	AND p.active_district <> ''`

// halalStocks counts the halal certificates valid on each day. From the
// kept counts, today's year adds the certificates that expire later this
// year but not before today, which business_expiry_counts holds by day (the
// register's own certificate, which the permit triggers keep in step); a
// scope of desa counts the certificates themselves.
func (q *Runner) halalStocks(ctx context.Context, scope registry.Scope, w Where, years []int, days []string) ([]int, error) {
	for _, r := range scope.Regions {
		if strings.Count(r, ".") == 3 {
			return q.halalStocksByRow(ctx, w, years, days)
		}
	}
	var pw Where
	addScopeOn(&pw, scope, scopeColumns{"1=0", "b.district_code", "1=0"})
	out, err := q.inOutCounts(ctx, "halal", pw, years)
	if err != nil {
		return nil, err
	}
	for i, d := range days {
		if strings.HasSuffix(d, "-12-31") {
			continue
		}
		var later int
		if err := q.QueryRow(ctx, `SELECT CAST(COALESCE(SUM(b.businesses), 0) AS BIGINT) FROM business_expiry_counts b
			WHERE b.kind = 'halal' AND b.expires_on >= ? AND b.expires_on < ? AND `+w.SQL(),
			append([]any{d, d[:4] + "-12-31"}, w.Args...)...).Scan(&later); err != nil {
			return nil, fmt.Errorf("halal stocks: %w", err)
		}
		out[i] += later
	}
	return out, nil
}

// halalStocksByRow counts the certificates within w (a scope on businesses
// b) valid on each day, as stock_counts would.
func (q *Runner) halalStocksByRow(ctx context.Context, w Where, years []int, days []string) ([]int, error) {
	cols := make([]string, len(days))
	var args []any
	for i, d := range days {
		cols[i] = `CAST(COALESCE(SUM(CASE WHEN ((p.issued_on <> '' AND p.issued_on <= ?) OR (p.issued_on = '' AND p.created_at < ?))
			AND (p.expires_on = '' OR p.expires_on >= ?) THEN 1 ELSE 0 END), 0) AS BIGINT)`
		end := time.Date(years[i]+1, 1, 1, 0, 0, 0, 0, idfmt.WIB)
		args = append(args, fmt.Sprintf("%04d-12-31", years[i]), q.Dialect.Time(end), d)
	}
	out, err := q.scanInts(ctx, `SELECT `+strings.Join(cols, ", ")+` FROM permits p JOIN businesses b ON b.id = p.business_id
		WHERE `+halalCounted+` AND b.status = 'active' AND `+w.SQL(), len(days), append(args, w.Args...)...)
	if err != nil {
		return nil, fmt.Errorf("halal stocks: %w", err)
	}
	return out, nil
}

// listedStocks counts the active businesses within w with a product on a
// retailer's shelf on each day.
func (q *Runner) listedStocks(ctx context.Context, w Where, days []string) ([]int, error) {
	cols := make([]string, len(days))
	var args []any
	for i, d := range days {
		cols[i] = "COUNT(DISTINCT CASE WHEN l.starts_on <= ? AND (l.ends_on = '' OR l.ends_on >= ?) THEN p.business_id END)"
		args = append(args, d, d)
	}
	out, err := q.scanInts(ctx, `SELECT `+strings.Join(cols, ", ")+` FROM listings l JOIN products p ON p.id = l.product_id
		JOIN businesses b ON b.id = p.business_id WHERE b.status = 'active' AND `+w.SQL(), len(days), append(args, w.Args...)...)
	if err != nil {
		return nil, fmt.Errorf("retail stocks: %w", err)
	}
	return out, nil
}

// scanInts reads the one row of n integers query returns.
func (q *Runner) scanInts(ctx context.Context, query string, n int, args ...any) ([]int, error) {
	vals := make([]int64, n)
	ptrs := make([]any, n)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := q.QueryRow(ctx, query, args...).Scan(ptrs...); err != nil {
		return nil, err
	}
	out := make([]int, n)
	for i, v := range vals {
		out[i] = int(v)
	}
	return out, nil
}
