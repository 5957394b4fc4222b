package web

import (
	"net/http"

	"naikkelas/internal/market"
)

// The curation API; listing and reading a round are wired in the route table (routes_*.go).

func (s *Server) apiCurationCreate(r *http.Request, c *market.Curation) (any, error) {
	out, err := s.Market.CreateCuration(r.Context(), actor(r), c)
	if err != nil {
		return nil, err
	}
	return created{at: "/api/v1/curations/" + itoa64(out.ID), value: out}, nil
}

// curationEntryInput is the body of an entry: the product and, when the
// retailer asks a minimum supply, what the business can deliver a month.
type curationEntryInput struct {
	ProductID     int64 `json:"product_id"`
	MonthlySupply int   `json:"monthly_supply"`
}

func (s *Server) apiCurationEntryCreate(r *http.Request, id int64, in *curationEntryInput) (any, error) {
	e, err := s.Market.AddEntry(r.Context(), actor(r), id, in.ProductID, in.MonthlySupply)
	if err != nil {
		return nil, err
	}
	return created{at: "/api/v1/curations/" + itoa64(id), value: e}, nil
}

func (s *Server) apiCurationDecide(r *http.Request, id int64, d *market.Decision) (any, error) {
	entryID, err := pathInt(r, "entry_id")
	if err != nil {
		return nil, err
	}
	return s.Market.Decide(r.Context(), actor(r), id, entryID, d)
}
