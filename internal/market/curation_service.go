package market

import (
	"context"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
)

var (
	errCurationNotFound = apperr.New(apperr.NotFound, "Kurasi tidak ditemukan")
	errEntryNotFound    = apperr.New(apperr.NotFound, "Produk kurasi tidak ditemukan")
	errCurationRoles    = apperr.New(apperr.Forbidden, "Kurasi ritel dilihat oleh petugas dinas, pimpinan dan mitra ritelnya")
	errCurationOfficers = apperr.New(apperr.Forbidden, "Kurasi dan produknya dicatat oleh petugas dinas")
)

// readsCurations reports whether the role sees curation rounds at all: the
// office, leadership and mitra (its own partner's only).
func readsCurations(a auth.Actor) bool {
	return a.IsOfficer() || a.Role == auth.Pimpinan || a.IsMitra()
}

// retailer returns the partner of a round if it is a retailer.
func (s *Service) retailer(ctx context.Context, partnerID int64) (*Retailer, error) {
	r, err := s.Store.Retailer(ctx, partnerID)
	if apperr.Is(err, apperr.NotFound) || (err == nil && r.Kind != "ritel") {
		return nil, apperr.Validation(map[string]string{"partner_id": "Pilih mitra berjenis ritel"})
	}
	return r, err
}

// CreateCuration opens a round for a retailer (officers).
func (s *Service) CreateCuration(ctx context.Context, a auth.Actor, c *Curation) (*Curation, error) {
	if !a.IsOfficer() {
		return nil, errCurationOfficers
	}
	if err := apperr.Validation(c.Validate()); err != nil {
		return nil, err
	}
	r, err := s.retailer(ctx, c.PartnerID)
	if err != nil {
		return nil, err
	}
	c.ID, c.PartnerName, c.CreatedBy, c.CreatedAt, c.Entries = 0, r.Name, a.Username, s.Now().UTC(), nil
	if err := s.Store.CreateCuration(ctx, c, retailEntry(a, audit.Create, "curation", 0, nil, c)); err != nil {
		return nil, err
	}
	return c, nil
}

// Curations lists the rounds the actor sees: a mitra its partner's, the
// office and leadership all.
func (s *Service) Curations(ctx context.Context, a auth.Actor) ([]Curation, error) {
	if !readsCurations(a) {
		return nil, errCurationRoles
	}
	var partner int64
	if a.IsMitra() {
		partner = a.PartnerID
		if partner == 0 {
			return []Curation{}, nil
		}
	}
	out, err := s.Store.ListCurations(ctx, partner)
	if out == nil {
		out = []Curation{}
	}
	return out, err
}

// Curation returns one round with the entries the actor reaches: a mitra
// of its retailer sees all of them, an operator those of its area.
// NotFound for a round of another retailer, to a mitra.
func (s *Service) Curation(ctx context.Context, a auth.Actor, id int64) (*Curation, error) {
	c, err := s.curation(ctx, a, id)
	if err != nil {
		return nil, err
	}
	entries := []CurationEntry{}
	for _, e := range c.Entries {
		if a.IsMitra() || a.InArea(e.VillageCode) {
			e.District = s.DistrictName(e.DistrictCode)
			entries = append(entries, e)
		}
	}
	c.Entries = entries
	if r, err := s.Store.Retailer(ctx, c.PartnerID); err == nil {
		c.Requirements = r.Requirements.Summary()
	}
	return c, nil
}

// curation reads a round the actor may see, with all its entries.
func (s *Service) curation(ctx context.Context, a auth.Actor, id int64) (*Curation, error) {
	if !readsCurations(a) {
		return nil, errCurationRoles
	}
	c, err := s.Store.GetCuration(ctx, id)
	if apperr.Is(err, apperr.NotFound) || (err == nil && a.IsMitra() && !a.ForPartner(c.PartnerID)) {
		return nil, errCurationNotFound
	}
	return c, err
}

// AddEntry puts a product before a round and pre-checks it against the
// retailer's requirements (officers, for a product in their area).
// monthlySupply is what the business says it can deliver a month (0 = not known).
func (s *Service) AddEntry(ctx context.Context, a auth.Actor, curationID, productID int64, monthlySupply int) (*CurationEntry, error) {
	if !a.IsOfficer() {
		return nil, errCurationOfficers
	}
	c, err := s.curation(ctx, a, curationID)
	if err != nil {
		return nil, err
	}
	if monthlySupply < 0 || monthlySupply > 10_000_000 {
		return nil, apperr.Validation(map[string]string{"monthly_supply": "Pasokan per bulan: bilangan 0 sampai 10.000.000"})
	}
	if productID <= 0 {
		return nil, apperr.Validation(map[string]string{"product_id": "Pilih produk"})
	}
	p, err := s.Product(ctx, a, productID)
	if err != nil {
		return nil, err
	}
	b, err := s.Businesses.Get(ctx, a, p.BusinessID)
	if err != nil {
		return nil, err
	}
	r, err := s.retailer(ctx, c.PartnerID)
	if err != nil {
		return nil, err
	}
	cand := &Candidate{Product: p, Brand: b.Brand, MonthlySupply: monthlySupply}
	latest, err := s.Store.LatestLabelChecks(ctx, p.BusinessID)
	if err != nil {
		return nil, err
	}
	if lc, ok := latest[p.ID]; ok {
		cand.LabelScore = &lc.Score
	}
	e := &CurationEntry{CurationID: c.ID, ProductID: p.ID, ProductName: p.Name, BusinessID: b.ID, BusinessName: b.Name,
		DistrictCode: b.DistrictCode, District: s.DistrictName(b.DistrictCode), VillageCode: b.VillageCode,
		MonthlySupply: monthlySupply, Unmet: r.Requirements.Unmet(cand), Fixes: []string{},
		CreatedBy: a.Username, CreatedAt: s.Now().UTC()}
	if err := s.Store.AddCurationEntry(ctx, e, retailEntry(a, audit.Create, "curation_entry", c.ID, nil, e)); err != nil {
		return nil, err
	}
	return e, nil
}

// Decide records the decision on an entry: by the retailer's own mitra,
// or an officer of the business's area. A new decision replaces the old
// one; the audit log keeps both.
func (s *Service) Decide(ctx context.Context, a auth.Actor, curationID, entryID int64, d *Decision) (*CurationEntry, error) {
	if !a.IsOfficer() && !a.IsMitra() {
		return nil, apperr.New(apperr.Forbidden, "Keputusan kurasi dicatat oleh petugas dinas atau mitra ritelnya")
	}
	c, err := s.curation(ctx, a, curationID)
	if err != nil {
		return nil, err
	}
	e, err := s.Store.GetCurationEntry(ctx, entryID)
	if apperr.Is(err, apperr.NotFound) || (err == nil && (e.CurationID != c.ID || !(a.IsMitra() || a.InArea(e.VillageCode)))) {
		return nil, errEntryNotFound
	}
	if err != nil {
		return nil, err
	}
	if err := apperr.Validation(d.Validate()); err != nil {
		return nil, err
	}
	old := *e
	now := s.Now().UTC()
	e.Decision, e.Fixes, e.Note, e.DecidedBy, e.DecidedAt = d.Decision, d.Fixes, d.Note, a.Username, &now
	if err := s.Store.DecideCurationEntry(ctx, e, retailEntry(a, "curation_decision", "curation_entry", e.ID, old, e)); err != nil {
		return nil, err
	}
	e.District = s.DistrictName(e.DistrictCode)
	return e, nil
}

// retailEntry is the audit entry of a retail record.
func retailEntry(a auth.Actor, action, entity string, id int64, before, after any) *audit.Entry {
	b, af := audit.Diff(before, after)
	return &audit.Entry{UserID: a.UserID, Username: a.Username, Action: action, Entity: entity, EntityID: id, Before: b, After: af}
}
