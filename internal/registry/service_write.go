package registry

import (
	"context"
	"fmt"
	"maps"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
)

// Create validates and stores a new business. The size class is computed;
// revenue or capital, when given, become its first measurement for the
// current year.
func (s *Service) Create(ctx context.Context, a auth.Actor, b *Business) (*Business, error) {
	if !a.IsOfficer() {
		return nil, apperr.New(apperr.Forbidden, "Peran Anda tidak boleh menambah data usaha")
	}
	b.ID, b.Version, b.Status = 0, 0, StatusActive
	b.Normalize()
	f := b.Validate(s.Regions, s.Jurisdiction, s.Now())
	if _, bad := f["village_code"]; !bad && b.VillageCode != "" && !a.InArea(b.VillageCode) {
		f["village_code"] = "Desa ini di luar wilayah tugas Anda"
	}
	if err := apperr.Validation(f); err != nil {
		return nil, err
	}
	b.SizeClass, b.SizeBasis = Classify(b.AnnualRevenue, b.Capital)
	var m *Measurement
	if b.AnnualRevenue > 0 || b.Capital > 0 {
		m = &Measurement{Year: idfmt.Year(s.Now()), AnnualRevenue: NonZero(b.AnnualRevenue), Capital: NonZero(b.Capital),
			Employees: b.Employees, Source: sourceFor(a), SizeClass: b.SizeClass, SizeBasis: b.SizeBasis, RecordedBy: a.Username}
	}
	if err := s.Store.CreateBusiness(ctx, b, m, entry(a, audit.Create, 0, nil, b)); err != nil {
		return nil, err
	}
	s.present(a, b)
	return b, nil
}

// Update replaces a business's fields with b's, if b.Version is current.
// Money fields that differ from the stored ones are recorded as a new
// measurement for the current year (owners cannot change them: their
// figures go through AddMeasurement as self-reports).
func (s *Service) Update(ctx context.Context, a auth.Actor, b *Business) (*Business, error) {
	if !a.CanWrite() {
		return nil, apperr.New(apperr.Forbidden, "Peran Anda hanya boleh membaca data")
	}
	old, err := s.get(ctx, a, b.ID)
	if err != nil {
		return nil, err
	}
	if old.Status == StatusArchived {
		return nil, apperr.New(apperr.Conflict, "Data usaha sudah diarsipkan dan tidak dapat diubah")
	}
	if b.Version != old.Version {
		return nil, staleVersion(old.Version)
	}
	b.Normalize()
	b.Status, b.CreatedAt = old.Status, old.CreatedAt
	if a.Role == auth.Owner {
		b.AnnualRevenue, b.Capital, b.Employees = old.AnnualRevenue, old.Capital, old.Employees
		return s.ownerUpdate(ctx, a, old, b)
	}
	f := b.Validate(s.Regions, s.Jurisdiction, s.Now())
	if _, bad := f["village_code"]; !bad && a.Role == auth.Operator && !a.InArea(b.VillageCode) {
		f["village_code"] = "Desa ini di luar wilayah tugas Anda"
	}
	if err := apperr.Validation(f); err != nil {
		return nil, err
	}
	moneyChanged := b.AnnualRevenue != old.AnnualRevenue || b.Capital != old.Capital || b.Employees != old.Employees
	b.SizeClass, b.SizeBasis = old.SizeClass, old.SizeBasis
	wantRevenue, wantCapital, wantEmployees := b.AnnualRevenue, b.Capital, b.Employees
	b.AnnualRevenue, b.Capital, b.Employees = old.AnnualRevenue, old.Capital, old.Employees
	ent := entry(a, audit.Update, b.ID, old, b)
	if !moneyChanged || (wantRevenue == 0 && wantCapital == 0) {
		if err := s.Store.UpdateBusiness(ctx, b, ent); err != nil {
			return nil, err
		}
		return s.Get(ctx, a, b.ID)
	}
	m := &Measurement{BusinessID: b.ID, Year: idfmt.Year(s.Now()), AnnualRevenue: NonZero(wantRevenue), Capital: NonZero(wantCapital),
		Employees: wantEmployees, Source: sourceFor(a), RecordedBy: a.Username}
	if err := apperr.Validation(m.Validate(s.Now())); err != nil {
		return nil, err
	}
	m.Classify()
	if err := s.Store.UpdateMeasured(ctx, b, ent, m, measurementEntry(a, m)); err != nil {
		return nil, err
	}
	return s.Get(ctx, a, b.ID)
}

// Archive hides a business from lists and statistics; admin can still read it.
func (s *Service) Archive(ctx context.Context, a auth.Actor, id int64) error {
	if !a.IsOfficer() {
		return apperr.New(apperr.Forbidden, "Peran Anda tidak boleh mengarsipkan data usaha")
	}
	old, err := s.get(ctx, a, id)
	if err != nil {
		return err
	}
	if old.Status == StatusArchived {
		return nil
	}
	b := *old
	b.Status = StatusArchived
	ent := entry(a, audit.Archive, id, old, &b)
	return s.Store.UpdateBusiness(ctx, &b, ent)
}

// Measurements returns a business's measurement ledger, oldest first.
func (s *Service) Measurements(ctx context.Context, a auth.Actor, id int64) ([]Measurement, error) {
	if _, err := s.get(ctx, a, id); err != nil {
		return nil, err
	}
	ms, err := s.Store.ListMeasurements(ctx, id)
	if ms == nil {
		ms = []Measurement{}
	}
	return ms, err
}

// AddMeasurement appends a dated measurement. Owners may only self-report,
// and their reports enter the ledger without changing the size class until
// an officer confirms them.
func (s *Service) AddMeasurement(ctx context.Context, a auth.Actor, m *Measurement) (*Measurement, error) {
	if !a.CanWrite() {
		return nil, apperr.New(apperr.Forbidden, "Peran Anda hanya boleh membaca data")
	}
	if _, err := s.get(ctx, a, m.BusinessID); err != nil {
		return nil, err
	}
	if m.Source == "" {
		m.Source = sourceFor(a)
	}
	f := m.fromMonthly()
	maps.Copy(f, m.Validate(s.Now()))
	if a.Role == auth.Owner && m.Source != SourceSelfReport {
		f["source"] = "Pemilik usaha hanya dapat melaporkan data sendiri (self_report)"
	}
	if err := apperr.Validation(f); err != nil {
		return nil, err
	}
	m.Classify()
	m.RecordedBy = a.Username
	if err := s.Store.AddMeasurement(ctx, m, a.Role != auth.Owner, measurementEntry(a, m)); err != nil {
		return nil, err
	}
	return m, nil
}

func sourceFor(a auth.Actor) string {
	if a.Role == auth.Owner {
		return SourceSelfReport
	}
	return SourceOfficerVerified
}

func staleVersion(current int64) error {
	return &apperr.Error{Code: apperr.Conflict,
		Message: fmt.Sprintf("Data ini sudah diubah orang lain (versi sekarang %d). Muat ulang lalu ulangi perubahan Anda.", current)}
}

func measurementEntry(a auth.Actor, m *Measurement) *audit.Entry {
	return &audit.Entry{UserID: a.UserID, Username: a.Username, Action: audit.Create, Entity: "measurement",
		EntityID: m.BusinessID, After: mustJSON(m)}
}
