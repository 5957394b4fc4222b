package permits

import (
	"context"
	"fmt"
	"slices"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// Service applies the rules of permits: who may see and change them, the
// number formats, the life cycle and the audit trail.
type Service struct {
	Store    Store
	Registry *registry.Service // who may reach which business
	Rules    *Rules            // halal self-declare criteria, dated
	Now      func() time.Time
}

// NewService returns a Service with the real clock and the embedded rules.
// The rules are compiled into the binary, so a broken file panics here and
// in every test, never in production.
func NewService(st Store, reg *registry.Service) *Service {
	rules, err := LoadRules()
	if err != nil {
		panic(err)
	}
	return &Service{Store: st, Registry: reg, Rules: rules, Now: time.Now}
}

var (
	errNotFound = apperr.New(apperr.NotFound, "Izin tidak ditemukan")
	errReadOnly = apperr.New(apperr.Forbidden, "Peran Anda hanya boleh membaca data izin")
	errIssuing  = apperr.New(apperr.Forbidden,
		"Hanya petugas dinas yang mencatat izin terbit, ditolak atau kedaluwarsa beserta nomor dan tanggalnya; "+
			"pemilik usaha menyiapkan dan mengajukan")
)

// ownerStatuses are the statuses an owner may give its own permit: it
// prepares and submits, the office records what the issuer decided.
var ownerStatuses = []string{StatusBelum, StatusPersiapan, StatusDiajukan}

// MayGiveStatus reports whether the actor may put a permit in this status:
// officers any, owners only while preparing and submitting.
func MayGiveStatus(a auth.Actor, status string) bool {
	return a.IsOfficer() || slices.Contains(ownerStatuses, status)
}

// checkOwnerChange refuses an owner the issuer's part of a permit: a status
// past diajukan, and the number and dates that come with an issue. after is
// the permit as it would be saved, before as stored (nil when new).
func checkOwnerChange(a auth.Actor, before, after *Permit) error {
	if a.IsOfficer() {
		return nil
	}
	if !MayGiveStatus(a, after.Status) && (before == nil || after.Status != before.Status) {
		return errIssuing
	}
	var was Permit
	if before != nil {
		was = *before
	}
	if after.Number != was.Number || after.IssuedOn != was.IssuedOn || after.ExpiresOn != was.ExpiresOn {
		return errIssuing
	}
	return nil
}

func (s *Service) today() string { return idfmt.Day(s.Now()) }

// canWrite allows admin, operators (in their area, checked by reaching the
// business) and the owner (its own business).
func canWrite(a auth.Actor) error {
	if !a.CanWrite() {
		return errReadOnly
	}
	return nil
}

// ForBusiness returns the permits of a business the actor can see.
func (s *Service) ForBusiness(ctx context.Context, a auth.Actor, businessID int64) ([]Permit, error) {
	if _, err := s.Registry.Get(ctx, a, businessID); err != nil {
		return nil, err
	}
	ps, err := s.Store.PermitsOf(ctx, businessID)
	if err != nil {
		return nil, err
	}
	today := s.today()
	for i := range ps {
		ps[i].markExpired(today)
	}
	return ps, nil
}

// Get returns a permit whose business the actor can see, else NotFound.
func (s *Service) Get(ctx context.Context, a auth.Actor, id int64) (*Permit, error) {
	p, err := s.Store.GetPermit(ctx, id)
	if err != nil {
		return nil, err
	}
	if _, err := s.Registry.Get(ctx, a, p.BusinessID); err != nil {
		if apperr.Is(err, apperr.NotFound) {
			return nil, errNotFound
		}
		return nil, err
	}
	p.markExpired(s.today())
	return p, nil
}

// History returns the status history of a permit the actor can see.
func (s *Service) History(ctx context.Context, a auth.Actor, id int64) ([]Change, error) {
	if _, err := s.Get(ctx, a, id); err != nil {
		return nil, err
	}
	return s.Store.PermitHistory(ctx, id)
}

// Create records a permit of a business: a new application (status belum
// by default) or one already held (terbit, with its number).
func (s *Service) Create(ctx context.Context, a auth.Actor, businessID int64, p *Permit) (*Permit, error) {
	if err := canWrite(a); err != nil {
		return nil, err
	}
	if _, err := s.Registry.Get(ctx, a, businessID); err != nil {
		return nil, err
	}
	p.ID, p.BusinessID, p.Source, p.Version = 0, businessID, "", 0
	if p.Status == "" {
		p.Status = StatusBelum
	}
	p.normalize()
	if err := checkOwnerChange(a, nil, p); err != nil {
		return nil, err
	}
	if err := apperr.Validation(p.validate(s.today())); err != nil {
		return nil, err
	}
	p.UpdatedBy = a.Username
	e := &audit.Entry{UserID: a.UserID, Username: a.Username, Action: "create", Entity: "permit"}
	_, e.After = audit.Diff(nil, p)
	if err := s.Store.CreatePermit(ctx, p, e); err != nil {
		return nil, err
	}
	p.markExpired(s.today())
	return p, nil
}

// Patch is a partial change of a permit: the fields given (non-nil) are set.
type Patch struct {
	Status    *string     `json:"status"`
	Number    *string     `json:"number"`
	IssuedOn  *string     `json:"issued_on"`
	ExpiresOn *string     `json:"expires_on"`
	Products  *[]string   `json:"products"`
	Documents *[]Document `json:"documents"`
	Note      *string     `json:"note"`
	// Version, when given, must be the stored one (409 otherwise).
	Version *int64 `json:"version"`
}

// Update applies a patch. A status move must follow the life cycle one step
// at a time (Conflict naming the allowed steps otherwise).
func (s *Service) Update(ctx context.Context, a auth.Actor, id int64, in Patch) (*Permit, error) {
	if err := canWrite(a); err != nil {
		return nil, err
	}
	p, err := s.Get(ctx, a, id)
	if err != nil {
		return nil, err
	}
	before := *p
	if in.Version != nil && *in.Version != p.Version {
		return nil, apperr.New(apperr.Conflict, "Izin ini sudah diubah orang lain. Muat ulang lalu ulangi.")
	}
	if in.Status != nil && *in.Status != p.Status {
		if err := checkMove(p.Status, *in.Status); err != nil {
			return nil, err
		}
		p.Status = *in.Status
	}
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&p.Number, in.Number)
	set(&p.IssuedOn, in.IssuedOn)
	set(&p.ExpiresOn, in.ExpiresOn)
	set(&p.Note, in.Note)
	if in.Products != nil {
		p.Products = *in.Products
	}
	if in.Documents != nil {
		p.Documents = *in.Documents
	}
	p.normalize()
	if err := checkOwnerChange(a, &before, p); err != nil {
		return nil, err
	}
	if err := apperr.Validation(p.validate(s.today())); err != nil {
		return nil, err
	}
	p.UpdatedBy = a.Username
	e := &audit.Entry{UserID: a.UserID, Username: a.Username, Action: "update", Entity: "permit", EntityID: p.ID}
	e.Before, e.After = audit.Diff(before, p)
	if err := s.Store.UpdatePermit(ctx, p, e); err != nil {
		return nil, err
	}
	p.markExpired(s.today())
	return p, nil
}

// checkMove returns Conflict when from → to is not a step of the life cycle.
func checkMove(from, to string) error {
	if !validStatus(to) {
		return apperr.Validation(map[string]string{"status": "Status izin tidak dikenal"})
	}
	if CanMove(from, to) {
		return nil
	}
	allowed := ""
	for i, m := range moves[from] {
		if i > 0 {
			allowed += " atau "
		}
		allowed += StatusLabel(m)
	}
	if allowed == "" {
		return apperr.New(apperr.Conflict, "Izin berstatus %s tidak dapat diubah statusnya; catat izin baru untuk perpanjangan",
			StatusLabel(from))
	}
	return apperr.New(apperr.Conflict, "Status tidak boleh melompat dari %s ke %s; langkah berikutnya: %s",
		StatusLabel(from), StatusLabel(to), allowed)
}

func validStatus(s string) bool { return slices.Contains(Statuses, s) }

// List returns the permits the filter selects within the actor's reach.
// Owners see only their own business's permits.
func (s *Service) List(ctx context.Context, a auth.Actor, f Filter) ([]Permit, int, error) {
	fields := map[string]string{}
	if f.Kind != "" && !slices.Contains(Kinds, f.Kind) {
		fields["kind"] = "Jenis izin tidak dikenal"
	}
	if f.Status != "" && !validStatus(f.Status) {
		fields["status"] = "Status izin tidak dikenal"
	}
	if r, ok := region.All().Get(f.District); f.District != "" && (!ok || r.Level != region.District) {
		fields["district"] = "Kode kecamatan tidak dikenal"
	}
	if f.ExpiresBefore != "" {
		date(fields, "expires_before", f.ExpiresBefore)
	}
	if err := apperr.Validation(fields); err != nil {
		return nil, 0, err
	}
	f.Scope = registry.ScopeOf(a)
	f.Today = s.today()
	if f.Page < 1 {
		f.Page = 1
	}
	if f.PerPage < 1 || f.PerPage > MaxPerPage {
		f.PerPage = 50
	}
	ps, total, err := s.Store.ListPermits(ctx, f)
	if err != nil {
		return nil, 0, fmt.Errorf("list permits: %w", err)
	}
	for i := range ps {
		ps[i].markExpired(f.Today)
	}
	return ps, total, nil
}
