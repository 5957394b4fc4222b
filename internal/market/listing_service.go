package market

import (
	"context"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
)

var errListingNotFound = apperr.New(apperr.NotFound, "Produk di ritel tidak ditemukan")

// today is the service's date in WIB, the day the office works in.
func (s *Service) today() time.Time {
	t := s.Now().In(idfmt.WIB)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// CreateListing puts a product that passed a retailer's curation on its
// shelves: an officer of the business's area, or the retailer's own mitra.
func (s *Service) CreateListing(ctx context.Context, a auth.Actor, l *Listing) (*Listing, error) {
	if !a.IsOfficer() && !a.ForPartner(l.PartnerID) {
		return nil, apperr.New(apperr.Forbidden, "Produk di ritel dicatat oleh petugas dinas atau mitra ritelnya")
	}
	if err := apperr.Validation(l.Validate()); err != nil {
		return nil, err
	}
	var p *Product
	var err error
	if a.IsOfficer() {
		p, err = s.Product(ctx, a, l.ProductID) // NotFound outside the officer's area
	} else {
		p, err = s.Store.GetProduct(ctx, l.ProductID)
	}
	if apperr.Is(err, apperr.NotFound) {
		return nil, apperr.Validation(map[string]string{"product_id": "Produk tidak ditemukan"})
	}
	if err != nil {
		return nil, err
	}
	r, err := s.retailer(ctx, l.PartnerID)
	if err != nil {
		return nil, err
	}
	passed, err := s.Store.PassedCuration(ctx, p.ID, r.ID)
	if err != nil {
		return nil, err
	}
	if !passed {
		return nil, apperr.Validation(map[string]string{"product_id": "Produk belum lolos kurasi " + r.Name})
	}
	l.ID, l.ProductID, l.PartnerID, l.CreatedBy, l.CreatedAt = 0, p.ID, r.ID, a.Username, s.Now().UTC()
	if err := s.Store.CreateListing(ctx, l, retailEntry(a, audit.Create, "listing", 0, nil, l)); err != nil {
		return nil, err
	}
	return s.listing(ctx, a, l.ID)
}

// readsListings reports whether the role sees listings at all.
func readsListings(a auth.Actor) bool { return readsCurations(a) }

// Listings returns the listings the actor sees matching f, each with its
// sales and what is owed as of today: a mitra its retailer's only (f's
// retailer is replaced by its own), an operator those of its area.
func (s *Service) Listings(ctx context.Context, a auth.Actor, f ListingFilter) ([]Listing, error) {
	if !readsListings(a) {
		return nil, errCurationRoles
	}
	if a.IsMitra() {
		if a.PartnerID == 0 {
			return []Listing{}, nil
		}
		f.PartnerID = a.PartnerID
	}
	all, err := s.Store.ListListings(ctx, f)
	if err != nil {
		return nil, err
	}
	out := []Listing{}
	today := s.today()
	for _, l := range all {
		if a.IsMitra() || a.InArea(l.VillageCode) {
			l.District = s.DistrictName(l.DistrictCode)
			l.Tally(today)
			out = append(out, l)
		}
	}
	return out, nil
}

// BusinessListings returns the listings of a business's products, with their
// sales and what is owed as of today, to whoever may read the business: its
// owner reads what retailers owe it.
func (s *Service) BusinessListings(ctx context.Context, a auth.Actor, businessID int64) ([]Listing, error) {
	if _, err := s.Businesses.Get(ctx, a, businessID); err != nil {
		return nil, err
	}
	out, err := s.Store.ListListings(ctx, ListingFilter{BusinessID: businessID})
	if err != nil {
		return nil, err
	}
	today := s.today()
	for i := range out {
		out[i].District = s.DistrictName(out[i].DistrictCode)
		out[i].Tally(today)
	}
	return out, nil
}

// Listing returns one listing the actor sees, with its sales.
func (s *Service) Listing(ctx context.Context, a auth.Actor, id int64) (*Listing, error) {
	if !readsListings(a) {
		return nil, errCurationRoles
	}
	return s.listing(ctx, a, id)
}

func (s *Service) listing(ctx context.Context, a auth.Actor, id int64) (*Listing, error) {
	l, err := s.Store.GetListing(ctx, id)
	if apperr.Is(err, apperr.NotFound) || (err == nil && !(a.ForPartner(l.PartnerID) || (!a.IsMitra() && a.InArea(l.VillageCode)))) {
		return nil, errListingNotFound
	}
	if err != nil {
		return nil, err
	}
	l.District = s.DistrictName(l.DistrictCode)
	l.Tally(s.today())
	return l, nil
}

// ReportSale records a month's sales of a listing, and its payment when
// paid_on is given: the retailer's mitra or an officer of the business's
// area. A second report of a month replaces the first.
func (s *Service) ReportSale(ctx context.Context, a auth.Actor, listingID int64, sale *Sale) (*Sale, error) {
	if !a.IsOfficer() && !a.IsMitra() {
		return nil, apperr.New(apperr.Forbidden, "Penjualan dilaporkan oleh mitra ritel atau petugas dinas")
	}
	l, err := s.listing(ctx, a, listingID)
	if err != nil {
		return nil, err
	}
	if err := apperr.Validation(l.CheckSale(sale, s.today())); err != nil {
		return nil, err
	}
	sale.ID, sale.ListingID, sale.ReportedBy, sale.ReportedAt = 0, l.ID, a.Username, s.Now().UTC()
	if err := s.Store.SaveSale(ctx, sale, retailEntry(a, "sale_report", "listing", l.ID, nil, sale)); err != nil {
		return nil, err
	}
	one := Listing{Sales: []Sale{*sale}}
	one.Tally(s.today())
	return &one.Sales[0], nil
}

// EndListing takes a product off a retailer's shelves as of its last day
// there, with the reason: the retailer's mitra or an officer of the
// business's area. From the day after, the product no longer counts as on
// the shelves of modern retail; its sales and what is owed for them stay.
// Conflict when the listing has ended already.
func (s *Service) EndListing(ctx context.Context, a auth.Actor, id int64, e *ListingEnd) (*Listing, error) {
	if !a.IsOfficer() && !a.IsMitra() {
		return nil, apperr.New(apperr.Forbidden, "Produk diturunkan dari rak oleh mitra ritel atau petugas dinas")
	}
	l, err := s.listing(ctx, a, id)
	if err != nil {
		return nil, err
	}
	if l.EndsOn != "" {
		return nil, apperr.New(apperr.Conflict, "Produk ini sudah selesai dipajang sejak %s", l.EndsOn)
	}
	if err := apperr.Validation(l.CheckEnd(e, s.today())); err != nil {
		return nil, err
	}
	before := ListingEnd{}
	if err := s.Store.EndListing(ctx, l.ID, *e, retailEntry(a, "listing_end", "listing", l.ID, before, e)); err != nil {
		return nil, err
	}
	return s.listing(ctx, a, l.ID)
}
