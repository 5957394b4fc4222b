package programs

import (
	"context"
	"strings"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/registry"
)

// MaxBulk caps how many businesses one bulk addition may bring in.
const MaxBulk = 50000

var errNoBusiness = apperr.New(apperr.NotFound, "Data usaha tidak ditemukan")

// Apply enters one business into an open programme: an owner applies for
// its own business (channel online), an officer nominates one in its area
// (channel nominasi). The application is checked at once; an ineligible one
// is kept with its reasons.
func (s *Service) Apply(ctx context.Context, a auth.Actor, programID, businessID int64) (*Application, error) {
	channel := ChannelNominasi
	switch {
	case a.Role == auth.Owner:
		if a.BusinessID == 0 || a.BusinessID != businessID {
			return nil, apperr.New(apperr.Forbidden, "Pemilik usaha hanya dapat mendaftarkan usahanya sendiri")
		}
		channel = ChannelOnline
	case !a.IsOfficer():
		return nil, errReadOnly
	}
	p, err := s.openProgram(ctx, programID)
	if err != nil {
		return nil, err
	}
	b, err := s.Registry.GetBusiness(ctx, businessID)
	if err != nil || !a.Reaches(b.ID, b.VillageCode) || b.Status == registry.StatusArchived {
		return nil, errNoBusiness
	}
	if _, err := s.Store.GetApplication(ctx, programID, businessID); err == nil {
		return nil, apperr.New(apperr.Conflict, "Usaha ini sudah terdaftar di program ini")
	}
	apps, err := s.check(ctx, p, []*registry.Business{b}, channel, a.Username)
	if err != nil {
		return nil, err
	}
	if err := s.Store.AddApplications(ctx, apps, who(a)); err != nil {
		return nil, err
	}
	return apps[0], nil
}

// AddBulk enters every business matching a registry filter (within the
// officer's area) that has not applied yet. It returns how many were added
// and how many of those are ineligible.
func (s *Service) AddBulk(ctx context.Context, a auth.Actor, programID int64, f registry.Filter) (added, ineligible int, err error) {
	if err := officer(a); err != nil {
		return 0, 0, err
	}
	p, err := s.openProgram(ctx, programID)
	if err != nil {
		return 0, 0, err
	}
	existing, err := s.Store.ListApplications(ctx, programID)
	if err != nil {
		return 0, 0, err
	}
	have := make(map[int64]bool, len(existing))
	for _, ap := range existing {
		have[ap.BusinessID] = true
	}
	f.Scope, f.Archived, f.Today = registry.ScopeOf(a), false, s.today().Format(time.DateOnly)
	var bs []*registry.Business
	err = s.Registry.EachBusiness(ctx, f, func(b *registry.Business) error {
		if !have[b.ID] {
			if len(bs) >= MaxBulk {
				return apperr.New(apperr.TooLarge, "Terlalu banyak usaha sekaligus (maks. %d). Persempit saringan.", MaxBulk)
			}
			c := *b
			bs = append(bs, &c)
		}
		return nil
	})
	if err != nil || len(bs) == 0 {
		return 0, 0, err
	}
	apps, err := s.check(ctx, p, bs, ChannelBulk, a.Username)
	if err != nil {
		return 0, 0, err
	}
	if err := s.Store.AddApplications(ctx, apps, who(a)); err != nil {
		return 0, 0, err
	}
	for _, ap := range apps {
		if ap.Status == AppIneligible {
			ineligible++
		}
	}
	return len(apps), ineligible, nil
}

func (s *Service) openProgram(ctx context.Context, id int64) (*Program, error) {
	p, err := s.Store.GetProgram(ctx, id)
	if err != nil {
		return nil, err
	}
	if p.Status != StatusOpen {
		return nil, apperr.New(apperr.Conflict, "Pendaftaran program ini tidak sedang dibuka (status: %s)", StatusLabel(p.Status))
	}
	return p, nil
}

// check builds applications for businesses, judged against the programme now.
func (s *Service) check(ctx context.Context, p *Program, bs []*registry.Business, channel, by string) ([]*Application, error) {
	now := s.Now().UTC()
	facts, err := s.factsFor(ctx, p, bs, nil)
	if err != nil {
		return nil, err
	}
	apps := make([]*Application, len(bs))
	for i, b := range bs {
		ap := &Application{ProgramID: p.ID, BusinessID: b.ID, BusinessName: b.Name, VillageCode: b.VillageCode,
			DistrictCode: b.DistrictCode, Channel: channel, Status: AppApplied, AppliedAt: now, AppliedBy: by}
		f := facts[b.ID]
		f.AppliedAt = now
		if why := Eligible(p, f, s.today()); len(why) > 0 {
			ap.Status, ap.Reason = AppIneligible, strings.Join(why, "; ")
		}
		apps[i] = ap
	}
	return apps, nil
}

// factsFor gathers history and assessments for businesses. applied gives
// each one's application time when known.
func (s *Service) factsFor(ctx context.Context, p *Program, bs []*registry.Business, applied map[int64]time.Time) (map[int64]*Facts, error) {
	ids := make([]int64, len(bs))
	for i, b := range bs {
		ids[i] = b.ID
	}
	hist, err := s.Store.ApplicantHistory(ctx, p.ID, ids)
	if err != nil {
		return nil, err
	}
	dims, err := s.Needs.LatestDimensionScores(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]*Facts, len(bs))
	for _, b := range bs {
		h := hist[b.ID]
		f := &Facts{Business: b, AppliedAt: applied[b.ID], LastCompletedOn: h.LastCompletedOn,
			LastCompletedProgram: h.LastCompletedProgram, Dimensions: dims[b.ID]}
		if h.WaitingSince != "" {
			f.WaitingSince, _ = time.Parse(time.RFC3339Nano, h.WaitingSince)
		}
		out[b.ID] = f
	}
	return out, nil
}

// Applications returns a programme's applications that the actor may see:
// the office sees all (an operator those in its area), an owner its own.
func (s *Service) Applications(ctx context.Context, a auth.Actor, programID int64) ([]Application, error) {
	if _, err := s.Get(ctx, a, programID); err != nil { // a draft is NotFound for an owner
		return nil, err
	}
	apps, err := s.Store.ListApplications(ctx, programID)
	if err != nil {
		return nil, err
	}
	out := []Application{}
	for _, ap := range apps {
		if a.Reaches(ap.BusinessID, ap.VillageCode) {
			out = append(out, ap)
		}
	}
	return out, nil
}

// ApplicationHistory returns the status moves of one application the actor may see.
func (s *Service) ApplicationHistory(ctx context.Context, a auth.Actor, programID, businessID int64) ([]StatusChange, error) {
	ap, err := s.Store.GetApplication(ctx, programID, businessID)
	if err != nil {
		return nil, err
	}
	if !a.Reaches(ap.BusinessID, ap.VillageCode) {
		return nil, apperr.New(apperr.NotFound, "Pendaftaran tidak ditemukan")
	}
	return s.Store.ApplicationHistory(ctx, ap.ID)
}

// BusinessApplications lists a business's applications, for its detail page.
func (s *Service) BusinessApplications(ctx context.Context, a auth.Actor, businessID int64) ([]Application, error) {
	b, err := s.Registry.GetBusiness(ctx, businessID)
	if err != nil || !a.Reaches(b.ID, b.VillageCode) || (b.Status == registry.StatusArchived && a.Role != auth.Admin) {
		return nil, errNoBusiness // as registry.Service.Get: an archived business is admin's only
	}
	return s.Store.BusinessApplications(ctx, businessID)
}
