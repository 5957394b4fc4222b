package sqlstore

import (
	"context"
	"fmt"
	"strings"

	"naikkelas/internal/market"
)

// FindProducts implements market.Store.
func (db *DB) FindProducts(ctx context.Context, f market.ProductSearch) ([]market.ProductHit, error) {
	var w Where
	w.Add("b.status = 'active'")
	like := "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(strings.ToLower(strings.TrimSpace(f.Q))) + "%"
	w.Add(`(LOWER(p.name) LIKE ? ESCAPE '\' OR LOWER(b.name) LIKE ? ESCAPE '\' OR LOWER(b.brand) LIKE ? ESCAPE '\')`, like, like, like)
	addScope(&w, f.Scope)
	rows, err := db.Reader().Query(ctx, `SELECT p.id, p.name, b.id, b.name, b.district_code
		FROM products p JOIN businesses b ON b.id = p.business_id WHERE `+w.SQL()+`
		ORDER BY b.name, p.name, p.id LIMIT ?`, append(w.Args, max(f.Limit, 1))...)
	if err != nil {
		return nil, fmt.Errorf("find products: %w", err)
	}
	defer rows.Close()
	out := []market.ProductHit{}
	for rows.Next() {
		var h market.ProductHit
		if err := rows.Scan(&h.ID, &h.Name, &h.BusinessID, &h.BusinessName, &h.DistrictCode); err != nil {
			return nil, fmt.Errorf("find products: %w", err)
		}
		out = append(out, h)
	}
	return out, rows.Err()
}
