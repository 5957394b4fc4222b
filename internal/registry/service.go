package registry

import (
	"context"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/region"
)

// Service applies the register's rules on top of a Store: validation, the
// size class, who may see and change what, masking and the audit trail.
type Service struct {
	Store        Store
	Regions      *region.Directory
	Jurisdiction string           // "" = all Indonesia
	Now          func() time.Time // injectable clock for tests
}

// NewService returns a Service with the real clock.
func NewService(st Store, jurisdiction string) *Service {
	return &Service{Store: st, Regions: region.All(), Jurisdiction: jurisdiction, Now: time.Now}
}

var errNotFound = apperr.New(apperr.NotFound, "Data usaha tidak ditemukan")

// ScopeOf returns the query scope of an actor: an operator its regions, an
// owner its business, others everything.
func ScopeOf(a auth.Actor) Scope {
	switch a.Role {
	case auth.Operator:
		regs := a.Regions
		if len(regs) == 0 {
			regs = []string{"-"} // an operator with no regions sees nothing
		}
		return Scope{Regions: regs}
	case auth.Owner:
		id := a.BusinessID
		if id == 0 {
			id = -1
		}
		return Scope{BusinessID: id}
	}
	return Scope{}
}

// Get returns a business the actor may see, masked as its role requires.
// Archived businesses are visible to admin only. Outside the actor's reach is NotFound.
func (s *Service) Get(ctx context.Context, a auth.Actor, id int64) (*Business, error) {
	b, err := s.get(ctx, a, id)
	if err != nil {
		return nil, err
	}
	s.present(a, b)
	return b, nil
}

func (s *Service) get(ctx context.Context, a auth.Actor, id int64) (*Business, error) {
	b, err := s.Store.GetBusiness(ctx, id)
	if err != nil {
		return nil, err
	}
	if !a.Reaches(b.ID, b.VillageCode) || (b.Status == StatusArchived && a.Role != auth.Admin) {
		return nil, errNotFound
	}
	return b, nil
}

func (s *Service) present(a auth.Actor, b *Business) {
	if !a.SeesPersonalData() {
		b.Mask()
	}
	if b.Products == nil {
		b.Products = []Product{}
	}
}

// List returns one page of the businesses the actor may see.
func (s *Service) List(ctx context.Context, a auth.Actor, f Filter) ([]Business, int, error) {
	f = s.prepare(a, f)
	items, total, err := s.Store.ListBusinesses(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	for i := range items {
		s.present(a, &items[i])
	}
	return items, total, nil
}

// Each streams every business matching f that the actor may see, masked.
func (s *Service) Each(ctx context.Context, a auth.Actor, f Filter, fn func(*Business) error) error {
	f = s.prepare(a, f)
	return s.Store.EachBusiness(ctx, f, func(b *Business) error {
		s.present(a, b)
		return fn(b)
	})
}

// Restrict narrows a filter to what the actor may read and search: its
// scope, active businesses unless it is an admin, and personal data in the
// search only when it sees that data unmasked (see Business.Mask). Every
// query made for an actor, from any entry point, passes through here, so
// that a search, filter or sort is never an oracle for a masked field.
func Restrict(a auth.Actor, f Filter) Filter {
	f.Scope = ScopeOf(a)
	if a.Role != auth.Admin {
		f.Archived = false
	}
	f.Personal = a.SeesPersonalData()
	return f
}

// prepare restricts a filter to the actor and clamps its paging.
func (s *Service) prepare(a auth.Actor, f Filter) Filter {
	f = Restrict(a, f)
	if f.Page < 1 {
		f.Page = 1
	}
	if f.PerPage < 1 {
		f.PerPage = 25
	}
	if f.PerPage > MaxPerPage {
		f.PerPage = MaxPerPage
	}
	if f.Today == "" {
		f.Today = idfmt.Day(s.Now())
	}
	return f
}

// DistrictStats counts businesses per kecamatan within the actor's area.
func (s *Service) DistrictStats(ctx context.Context, a auth.Actor, f Filter) ([]DistrictCount, error) {
	return s.Store.DistrictStats(ctx, s.prepare(a, f))
}

// HomeStats returns the home page totals within the actor's area.
func (s *Service) HomeStats(ctx context.Context, a auth.Actor, f Filter) (HomeStats, error) {
	return s.Store.HomeStats(ctx, s.prepare(a, f))
}

func entry(a auth.Actor, action string, id int64, before, after any) *audit.Entry {
	b, af := audit.Diff(before, after)
	return &audit.Entry{UserID: a.UserID, Username: a.Username, Action: action, Entity: "business", EntityID: id, Before: b, After: af}
}
