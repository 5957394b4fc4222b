package programs

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
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
	apps, _, err := s.check(ctx, p, []*registry.Business{b}, channel, a.Username)
	if err != nil {
		return nil, err
	}
	if err := s.Store.AddApplications(ctx, apps, who(a)); err != nil {
		return nil, err
	}
	return apps[0], nil
}

// Precheck tells an owner, before it applies, whether its business meets
// the rules of an open programme: the reasons it does not, none when it
// may apply. It writes nothing; Apply judges again when it applies.
func (s *Service) Precheck(ctx context.Context, a auth.Actor, programID int64) ([]string, error) {
	if a.Role != auth.Owner || a.BusinessID == 0 {
		return nil, apperr.New(apperr.Forbidden, "Hanya pemilik usaha yang mendaftarkan usahanya sendiri")
	}
	p, err := s.openProgram(ctx, programID)
	if err != nil {
		return nil, err
	}
	b, err := s.Registry.GetBusiness(ctx, a.BusinessID)
	if err != nil || b.Status == registry.StatusArchived {
		return []string{"data usaha Anda tidak aktif"}, nil
	}
	apps, _, err := s.check(ctx, p, []*registry.Business{b}, ChannelOnline, a.Username)
	if err != nil {
		return nil, err
	}
	if apps[0].Status != AppIneligible {
		return []string{}, nil
	}
	return strings.Split(apps[0].Reason, "; "), nil
}

// BulkResult is the outcome of a bulk addition: how many businesses were
// added, how many were left out because they do not meet the programme's
// rules (counted per rule, a business may fail several) and how many had
// applied already. Ineligible holds the first of those left out, for the
// page that shows why.
type BulkResult struct {
	Added      int            `json:"added"`
	Ineligible int            `json:"ineligible"`
	Already    int            `json:"already_applied"`
	Reasons    []ReasonCount  `json:"reasons"`
	Examples   []BulkRejected `json:"examples"`
	DryRun     bool           `json:"dry_run"`
}

// ReasonCount is how many businesses one rule left out.
type ReasonCount struct {
	Reason string `json:"reason"`
	Count  int    `json:"count"`
}

// BulkRejected is one business a bulk addition left out, with its reasons.
type BulkRejected struct {
	BusinessID   int64  `json:"business_id"`
	BusinessName string `json:"business_name"`
	DistrictCode string `json:"district_code"`
	Reason       string `json:"reason"`
}

// maxBulkExamples bounds the businesses a bulk result names.
const maxBulkExamples = 200

// AddBulk enters every eligible business that matches a registry filter,
// within the officer's area and the programme's own kecamatan, and has not
// applied yet. A kecamatan outside the programme's is refused. Businesses
// that do not meet the rules are not added; the result counts them by rule.
// With dryRun nothing is written: the result says what an addition would do.
func (s *Service) AddBulk(ctx context.Context, a auth.Actor, programID int64, f registry.Filter, dryRun bool) (*BulkResult, error) {
	if err := officer(a); err != nil {
		return nil, err
	}
	p, err := s.openProgram(ctx, programID)
	if err != nil {
		return nil, err
	}
	if f.District != "" && len(p.Districts) > 0 && !slices.Contains(p.Districts, f.District) {
		return nil, apperr.Validation(map[string]string{"district": fmt.Sprintf("Kecamatan %s di luar sasaran program",
			districtName(f.District))})
	}
	existing, err := s.Store.ListApplications(ctx, programID)
	if err != nil {
		return nil, err
	}
	have := make(map[int64]bool, len(existing))
	for _, ap := range existing {
		have[ap.BusinessID] = true
	}
	res := &BulkResult{Reasons: []ReasonCount{}, Examples: []BulkRejected{}, DryRun: dryRun}
	f = registry.Restrict(a, f)
	f.Archived, f.Today = false, idfmt.Day(s.Now())
	var bs []*registry.Business
	err = s.Registry.EachBusiness(ctx, f, func(b *registry.Business) error {
		switch {
		case len(p.Districts) > 0 && !slices.Contains(p.Districts, b.DistrictCode):
		case have[b.ID]:
			res.Already++
		case len(bs) >= MaxBulk:
			return apperr.New(apperr.TooLarge, "Terlalu banyak usaha sekaligus (maks. %s). Persempit saringan.", idfmt.Number(MaxBulk))
		default:
			c := *b
			bs = append(bs, &c)
		}
		return nil
	})
	if err != nil || len(bs) == 0 {
		return res, err
	}
	apps, unmet, err := s.check(ctx, p, bs, ChannelBulk, a.Username)
	if err != nil {
		return nil, err
	}
	eligible := apps[:0]
	count := map[string]int{}
	for _, ap := range apps {
		if ap.Status != AppIneligible {
			eligible = append(eligible, ap)
			continue
		}
		res.Ineligible++
		for _, u := range unmet[ap.BusinessID] {
			count[u.Rule]++
		}
		if len(res.Examples) < maxBulkExamples {
			res.Examples = append(res.Examples, BulkRejected{BusinessID: ap.BusinessID, BusinessName: ap.BusinessName,
				DistrictCode: ap.DistrictCode, Reason: ap.Reason})
		}
	}
	for why, n := range count {
		res.Reasons = append(res.Reasons, ReasonCount{Reason: why, Count: n})
	}
	slices.SortFunc(res.Reasons, func(x, y ReasonCount) int { return cmp.Or(y.Count-x.Count, strings.Compare(x.Reason, y.Reason)) })
	res.Added = len(eligible)
	if dryRun || len(eligible) == 0 {
		return res, nil
	}
	return res, s.Store.AddApplications(ctx, eligible, who(a))
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

// check builds applications for businesses, judged against the programme
// now, and returns the rules each ineligible one does not meet.
func (s *Service) check(ctx context.Context, p *Program, bs []*registry.Business, channel, by string) ([]*Application, map[int64][]Unmet, error) {
	now := s.Now().UTC()
	facts, err := s.factsFor(ctx, p, bs, nil)
	if err != nil {
		return nil, nil, err
	}
	apps := make([]*Application, len(bs))
	unmet := map[int64][]Unmet{}
	for i, b := range bs {
		ap := &Application{ProgramID: p.ID, BusinessID: b.ID, BusinessName: b.Name, VillageCode: b.VillageCode,
			DistrictCode: b.DistrictCode, Channel: channel, Status: AppApplied, AppliedAt: now, AppliedBy: by}
		f := facts[b.ID]
		f.AppliedAt = now
		if why := Unmets(p, f, s.today()); len(why) > 0 {
			texts := make([]string, len(why))
			for k, u := range why {
				texts[k] = u.Text
			}
			ap.Status, ap.Reason = AppIneligible, strings.Join(texts, "; ")
			unmet[b.ID] = why
		}
		apps[i] = ap
	}
	return apps, unmet, nil
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

// Nominee is a business an officer found to nominate, with its application
// to the programme (if any) and the rules it does not meet (none: eligible).
type Nominee struct {
	Business registry.Business `json:"business"`
	Status   string            `json:"status"` // of its application; "" = not applied
	Unmet    []string          `json:"unmet"`
}

// FindNominees searches the officer's area with the register's search
// (name, brand, owner, NIB, …) for businesses to nominate to an open
// programme, and says of each whether it applied already and which rules
// it does not meet, so that nobody needs a business's numeric ID.
func (s *Service) FindNominees(ctx context.Context, a auth.Actor, programID int64, q string, limit int) ([]Nominee, error) {
	if err := officer(a); err != nil {
		return nil, err
	}
	p, err := s.openProgram(ctx, programID)
	if err != nil {
		return nil, err
	}
	q = strings.TrimSpace(q)
	if q == "" {
		return []Nominee{}, nil
	}
	found, _, err := s.Registry.ListBusinesses(ctx, registry.Restrict(a, registry.Filter{Q: q, Today: idfmt.Day(s.Now()),
		Page: 1, PerPage: limit}))
	if err != nil {
		return nil, err
	}
	bs := make([]*registry.Business, len(found))
	for i := range found {
		bs[i] = &found[i]
	}
	facts, err := s.factsFor(ctx, p, bs, nil)
	if err != nil {
		return nil, err
	}
	out := make([]Nominee, len(found))
	for i, b := range bs {
		out[i] = Nominee{Business: *b, Unmet: Eligible(p, facts[b.ID], s.today())}
		if ap, err := s.Store.GetApplication(ctx, programID, b.ID); err == nil {
			out[i].Status = ap.Status
		}
	}
	return out, nil
}
