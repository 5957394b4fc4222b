package market

import (
	"context"

	"naikkelas/internal/audit"
)

// RetailStore persists curation rounds, their entries, listings and sales.
// Every write writes its audit entry in the same transaction.
// Errors: NotFound for an absent id; Conflict as each method says.
type RetailStore interface {
	// Retailer returns a partner as a retailer, or NotFound.
	Retailer(ctx context.Context, partnerID int64) (*Retailer, error)

	// CreateCuration inserts c (setting ID and CreatedAt).
	CreateCuration(ctx context.Context, c *Curation, a *audit.Entry) error
	// GetCuration returns a round with its entries (oldest first), or NotFound.
	GetCuration(ctx context.Context, id int64) (*Curation, error)
	// ListCurations returns rounds with their counts, latest date first: a
	// partner's only when partnerID is not 0.
	ListCurations(ctx context.Context, partnerID int64) ([]Curation, error)
	// AddCurationEntry inserts e (setting ID and CreatedAt). Conflict when
	// the round holds its capacity already or the product is in it.
	AddCurationEntry(ctx context.Context, e *CurationEntry, a *audit.Entry) error
	// GetCurationEntry returns an entry, or NotFound.
	GetCurationEntry(ctx context.Context, id int64) (*CurationEntry, error)
	// DecideCurationEntry saves e's decision, fixes, note, decider and time.
	DecideCurationEntry(ctx context.Context, e *CurationEntry, a *audit.Entry) error

	// PassedCuration reports whether the product passed (lolos) a round of
	// the retailer.
	PassedCuration(ctx context.Context, productID, partnerID int64) (bool, error)
	// CreateListing inserts l (setting ID). Conflict when the product is
	// already on that retailer's shelves (a listing without an end date).
	CreateListing(ctx context.Context, l *Listing, a *audit.Entry) error
	// GetListing returns a listing with its sales, or NotFound.
	GetListing(ctx context.Context, id int64) (*Listing, error)
	// ListListings returns the listings matching f with their sales, by
	// retailer, then business and product.
	ListListings(ctx context.Context, f ListingFilter) ([]Listing, error)
	// EndListing records the listing's last day on the shelf and why.
	// Conflict when it has ended already.
	EndListing(ctx context.Context, id int64, e ListingEnd, a *audit.Entry) error
	// SaveSale records a month's sales of a listing (setting ID), replacing
	// an earlier report of the same month.
	SaveSale(ctx context.Context, s *Sale, a *audit.Entry) error

	// FindProducts returns up to f.Limit products of active businesses in
	// f.Scope whose product, business or brand name holds f.Q (any case),
	// by business then product name.
	FindProducts(ctx context.Context, f ProductSearch) ([]ProductHit, error)
	// MarketOutcomes counts q's businesses per kecamatan (one row for each
	// kecamatan that has any; per business with q.ByBusiness): with a product, label scores first and
	// latest, curation decisions, listings and sales (see DistrictOutcome).
	MarketOutcomes(ctx context.Context, q OutcomeQuery) ([]DistrictOutcome, error)
}
