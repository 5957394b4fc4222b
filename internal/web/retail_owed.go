package web

import (
	"net/http"

	"naikkelas/internal/market"
)

type retailOwedView struct {
	Retailers []market.RetailerOwed
	Unpaid    []market.UnpaidSale
	Listings  []market.Listing
	Total     market.Owed
}

// retailOwed shows the products on retailers' shelves and the money the
// retailers still owe the businesses for them, and for how long: the
// office and its leadership see every retailer (operators their area), a
// mitra its own.
func (s *Server) retailOwed(w http.ResponseWriter, r *http.Request) error {
	f, err := listingFilter(r)
	if err != nil {
		return err
	}
	list, err := s.Market.Listings(r.Context(), actor(r), f)
	if err != nil {
		return err
	}
	v := retailOwedView{Listings: list}
	v.Retailers, v.Unpaid = market.OwedByRetailer(list)
	for _, ro := range v.Retailers {
		v.Total.Add(ro.Owed)
	}
	s.render(w, r, http.StatusOK, "retail_owed", page{Title: "Produk di ritel", Active: "curation", Data: v})
	return nil
}
