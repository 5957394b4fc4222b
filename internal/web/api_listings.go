package web

import (
	"net/http"

	"naikkelas/internal/market"
)

// The listing API: products on retailers' shelves and their monthly sales.

func (s *Server) apiListingCreate(r *http.Request, l *market.Listing) (any, error) {
	out, err := s.Market.CreateListing(r.Context(), actor(r), l)
	if err != nil {
		return nil, err
	}
	return created{at: "/api/v1/listings/" + itoa64(out.ID), value: out}, nil
}

func (s *Server) apiListingList(r *http.Request) (any, error) {
	f, err := listingFilter(r)
	if err != nil {
		return nil, err
	}
	list, err := s.Market.Listings(r.Context(), actor(r), f)
	return itemList[market.Listing]{Items: list}, err
}

// listingFilter reads ?partner_id= and ?district= of a listing list.
func listingFilter(r *http.Request) (market.ListingFilter, error) {
	q := r.URL.Query()
	f := market.ListingFilter{District: q.Get("district")}
	var err error
	f.PartnerID, err = queryID(r, "partner_id", "mitra")
	return f, err
}

// apiMarketOutcomes answers the market outcome statistics, for all active
// businesses or the completers of ?program_id=.
func (s *Server) apiMarketOutcomes(r *http.Request) (any, error) {
	programID, err := queryID(r, "program_id", "program")
	if err != nil {
		return nil, err
	}
	return s.Market.MarketOutcomes(r.Context(), actor(r), programID)
}
