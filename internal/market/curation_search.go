package market

import (
	"context"
	"strings"

	"naikkelas/internal/auth"
	"naikkelas/internal/registry"
)

// ProductSearch asks the store for products to put before a curation
// round, by product, business or brand name, within an area.
type ProductSearch struct {
	Q     string
	Scope registry.Scope
	Limit int
}

// ProductHit is a product a search found, with its business.
type ProductHit struct {
	ID           int64  `json:"id"`
	Name         string `json:"name"`
	BusinessID   int64  `json:"business_id"`
	BusinessName string `json:"business_name"`
	DistrictCode string `json:"district_code"`
	District     string `json:"district"`
	Entered      bool   `json:"entered"` // already in the round
}

// FindCurationProducts finds the products of active businesses in the
// officer's area whose product, business or brand name holds q, at most
// limit, marking those already in the round.
func (s *Service) FindCurationProducts(ctx context.Context, a auth.Actor, curationID int64, q string, limit int) ([]ProductHit, error) {
	if !a.IsOfficer() {
		return nil, errCurationOfficers
	}
	c, err := s.curation(ctx, a, curationID)
	if err != nil {
		return nil, err
	}
	q = strings.TrimSpace(q)
	if q == "" {
		return []ProductHit{}, nil
	}
	hits, err := s.Store.FindProducts(ctx, ProductSearch{Q: q, Scope: registry.ScopeOf(a), Limit: limit})
	if err != nil {
		return nil, err
	}
	entered := map[int64]bool{}
	for _, e := range c.Entries {
		entered[e.ProductID] = true
	}
	for i := range hits {
		hits[i].District = s.DistrictName(hits[i].DistrictCode)
		hits[i].Entered = entered[hits[i].ID]
	}
	return hits, nil
}
