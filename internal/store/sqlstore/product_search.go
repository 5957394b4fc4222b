package sqlstore

import (
	"context"
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
	return queryRows(ctx, db.Reader(), "find products", []market.ProductHit{}, func(s Scanner, h *market.ProductHit) error {
		return s.Scan(&h.ID, &h.Name, &h.BusinessID, &h.BusinessName, &h.DistrictCode)
	}, `SELECT p.id, p.name, b.id, b.name, b.district_code
		FROM products p JOIN businesses b ON b.id = p.business_id WHERE `+w.SQL()+`
		ORDER BY b.name, p.name, p.id LIMIT ?`, append(w.Args, max(f.Limit, 1))...)
}
