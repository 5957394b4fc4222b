package capital

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/certificate"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/office"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
)

// PartnerSource finds the banks a need may be referred to.
type PartnerSource interface {
	// GetPartner returns a partner or NotFound.
	GetPartner(ctx context.Context, id int64) (*programs.Partner, error)
	// ListPartners returns all partners by name.
	ListPartners(ctx context.Context) ([]programs.Partner, error)
}

// Banks lists the partners of kind bank, for whoever may refer a need.
func (s *Service) Banks(ctx context.Context, a auth.Actor) ([]programs.Partner, error) {
	if !a.CanWrite() {
		return nil, errReadOnly
	}
	all, err := s.Partners.ListPartners(ctx)
	if err != nil {
		return nil, err
	}
	out := []programs.Partner{}
	for _, p := range all {
		if p.Kind == "bank" {
			out = append(out, p)
		}
	}
	return out, nil
}

// Service applies the rules of capital needs and referrals.
type Service struct {
	Store     Store
	Registry  *registry.Service
	Partners  PartnerSource
	Signatory func(ctx context.Context) (office.Signature, error) // who signs referral letters; nil = nobody named
	Now       func() time.Time
}

// NewService returns a Service with the real clock.
func NewService(st Store, reg *registry.Service, partners PartnerSource, off *office.Service) *Service {
	s := &Service{Store: st, Registry: reg, Partners: partners, Now: time.Now}
	if off != nil {
		s.Signatory = func(ctx context.Context) (office.Signature, error) {
			id, err := off.Get(ctx)
			if err != nil {
				return office.Signature{}, err
			}
			return id.Signature(), nil
		}
	}
	return s
}

// officeActor is the actor the service reads a business with once it has checked
// that a bank's mitra may see the referral.
var officeActor = auth.Actor{Username: "rujukan-bank", Role: auth.Admin}

var (
	errNeedNotFound     = apperr.New(apperr.NotFound, "Kebutuhan modal tidak ditemukan")
	errReferralNotFound = apperr.New(apperr.NotFound, "Rujukan tidak ditemukan")
	errReadOnly         = apperr.New(apperr.Forbidden, "Peran Anda hanya boleh membaca data modal usaha")
)

func (s *Service) today() string { return idfmt.Day(s.Now()) }

// Limits of a need.
const (
	MaxAmount     int64 = 100_000_000_000 // Rp100 miliar: anything larger is a typing error
	maxCollateral       = 200
	maxNote             = 1000
)

// CreateNeed records a need of a business: by its owner, or an officer of
// its area. The scheme follows from the amount.
func (s *Service) CreateNeed(ctx context.Context, a auth.Actor, businessID int64, in *Need) (*Need, error) {
	if !a.CanWrite() {
		return nil, errReadOnly
	}
	b, err := s.Registry.Get(ctx, a, businessID)
	if err != nil {
		return nil, err
	}
	if b.Status != registry.StatusActive {
		return nil, apperr.New(apperr.Conflict, "Usaha yang diarsipkan tidak dapat dicatat kebutuhan modalnya")
	}
	n := &Need{BusinessID: b.ID, BusinessName: b.Name, DistrictCode: b.DistrictCode, Amount: in.Amount,
		Purpose: strings.TrimSpace(in.Purpose), Collateral: strings.TrimSpace(in.Collateral), Note: strings.TrimSpace(in.Note),
		RecordedBy: a.Username, RecordedAt: s.Now().UTC().Truncate(time.Microsecond)}
	f := map[string]string{}
	if n.Amount <= 0 || n.Amount > MaxAmount {
		f["amount"] = "Jumlah kebutuhan modal harus lebih dari Rp0 dan paling banyak Rp100.000.000.000"
	}
	if !slices.Contains(Purposes, n.Purpose) {
		f["purpose"] = "Tujuan harus modal_kerja atau investasi"
	}
	if len(n.Collateral) > maxCollateral {
		f["collateral"] = "Keterangan agunan terlalu panjang (maks. 200 karakter)"
	}
	if len(n.Note) > maxNote {
		f["note"] = "Catatan terlalu panjang (maks. 1.000 karakter)"
	}
	if err := apperr.Validation(f); err != nil {
		return nil, err
	}
	n.Scheme = SchemeFor(n.Amount)
	e := &audit.Entry{UserID: a.UserID, Username: a.Username, Action: audit.Create, Entity: "capital_need"}
	_, e.After = audit.Diff(nil, map[string]any{"business_id": n.BusinessID, "amount": n.Amount, "purpose": n.Purpose,
		"collateral": n.Collateral, "scheme": n.Scheme, "note": n.Note})
	if err := s.Store.CreateNeed(ctx, n, e); err != nil {
		return nil, err
	}
	n.Referrals = []Referral{}
	return n, nil
}

// Needs returns the needs of a business the actor can see, newest first,
// each with its referrals.
func (s *Service) Needs(ctx context.Context, a auth.Actor, businessID int64) ([]Need, error) {
	if _, err := s.Registry.Get(ctx, a, businessID); err != nil {
		return nil, err
	}
	needs, err := s.Store.NeedsOf(ctx, businessID)
	if err != nil {
		return nil, err
	}
	refs, _, err := s.Store.ListReferrals(ctx, Filter{Scope: registry.Scope{BusinessID: businessID}, PerPage: MaxPerPage, Page: 1})
	if err != nil {
		return nil, err
	}
	for i := range needs {
		needs[i].Scheme = SchemeFor(needs[i].Amount)
		needs[i].Referrals = []Referral{}
		for _, r := range refs {
			if r.NeedID == needs[i].ID {
				s.present(a, &r)
				needs[i].Referrals = append(needs[i].Referrals, r)
			}
		}
	}
	return needs, nil
}

// present removes what the actor may not see of a referral: the contact
// data goes to the bank it is addressed to, the office and the owner only.
func (s *Service) present(a auth.Actor, r *Referral) {
	if !(a.ForPartner(r.PartnerID) || a.SeesPersonalData()) {
		r.Contact = nil
	}
	if r.Requirements == nil {
		r.Requirements = []Requirement{}
	}
}

// Referral returns a referral the actor may see: a bank's mitra only those
// addressed to its bank, everyone else those of businesses in reach.
// NotFound otherwise, so that nobody learns of another bank's referrals.
func (s *Service) Referral(ctx context.Context, a auth.Actor, id int64) (*Referral, error) {
	r, err := s.Store.GetReferral(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := s.reach(ctx, a, r); err != nil {
		return nil, err
	}
	s.present(a, r)
	return r, nil
}

func (s *Service) reach(ctx context.Context, a auth.Actor, r *Referral) error {
	if a.IsMitra() {
		if !a.ForPartner(r.PartnerID) {
			return errReferralNotFound
		}
		return nil
	}
	if _, err := s.Registry.Get(ctx, a, r.BusinessID); err != nil {
		if apperr.Is(err, apperr.NotFound) {
			return errReferralNotFound
		}
		return err
	}
	return nil
}

// Letter returns a referral the actor may see with its business, for the
// letter of recommendation.
func (s *Service) Letter(ctx context.Context, a auth.Actor, id int64) (*Referral, *registry.Business, error) {
	r, err := s.Referral(ctx, a, id)
	if err != nil {
		return nil, nil, err
	}
	b, err := s.Registry.Get(ctx, officeActor, r.BusinessID)
	if err != nil {
		return nil, nil, err
	}
	return r, b, nil
}

// Verify returns the referral whose letter carries code, without its
// contact data, for the public verification page.
func (s *Service) Verify(ctx context.Context, code string) (*Referral, error) {
	r, err := s.Store.ReferralByCode(ctx, certificate.NormalizeCode(code))
	if err != nil {
		return nil, apperr.New(apperr.NotFound, "Kode surat rekomendasi tidak dikenal")
	}
	r.Contact = nil
	return r, nil
}

// List returns the referrals f selects within the actor's reach. A bank's
// mitra sees only its bank's (another bank's id is Forbidden).
func (s *Service) List(ctx context.Context, a auth.Actor, f Filter) ([]Referral, int, error) {
	if f.Status != "" && !slices.Contains(Statuses, f.Status) {
		return nil, 0, apperr.Validation(map[string]string{"status": "Status rujukan harus salah satu dari: " + strings.Join(Statuses, ", ")})
	}
	if a.IsMitra() {
		if f.PartnerID != 0 && !a.ForPartner(f.PartnerID) {
			return nil, 0, apperr.New(apperr.Forbidden, "Akun mitra hanya melihat rujukan ke banknya sendiri")
		}
		if a.PartnerID == 0 {
			return []Referral{}, 0, nil
		}
		f.PartnerID, f.Scope = a.PartnerID, registry.Scope{}
	} else {
		f.Scope = registry.ScopeOf(a)
	}
	if f.Page < 1 {
		f.Page = 1
	}
	if f.PerPage < 1 || f.PerPage > MaxPerPage {
		f.PerPage = 50
	}
	list, total, err := s.Store.ListReferrals(ctx, f)
	if err != nil {
		return nil, 0, fmt.Errorf("list referrals: %w", err)
	}
	for i := range list {
		s.present(a, &list[i])
	}
	return list, total, nil
}
