package programs

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/registry"
)

// Report returns a programme's results for the office.
func (s *Service) Report(ctx context.Context, a auth.Actor, programID int64) (*Program, *Report, error) {
	p, prog, err := s.Progress(ctx, a, programID)
	if err != nil {
		return nil, nil, err
	}
	apps, err := s.Applications(ctx, a, programID)
	if err != nil {
		return nil, nil, err
	}
	rep := BuildReport(p, apps, prog)
	if a.Role == auth.Operator {
		// The cost is the whole programme's: divide it by all its
		// participants, not by the operator's share of them.
		_, all, err := s.Progress(ctx, auth.System, programID)
		if err != nil {
			return nil, nil, err
		}
		allApps, err := s.Store.ListApplications(ctx, programID)
		if err != nil {
			return nil, nil, err
		}
		whole := BuildReport(p, allApps, all)
		rep.CostPerParticipant, rep.CostPerCompleter = whole.CostPerParticipant, whole.CostPerCompleter
	}
	return p, rep, nil
}

// Coverage returns, per kecamatan in the actor's area, how many registered
// businesses ever completed a programme.
func (s *Service) Coverage(ctx context.Context, a auth.Actor) ([]Coverage, error) {
	if err := office(a); err != nil {
		return nil, err
	}
	scope := registry.ScopeOf(a)
	stats, err := s.Registry.DistrictStats(ctx, registry.Filter{Scope: scope, Today: s.today().Format(time.DateOnly)})
	if err != nil {
		return nil, err
	}
	trained, err := s.Store.TrainedPerDistrict(ctx, scope) // an operator of some desa counts only theirs
	if err != nil {
		return nil, err
	}
	reg := map[string]int{}
	for _, d := range stats {
		reg[d.Code] = d.Businesses
	}
	for _, d := range s.Regions.Districts(s.Jurisdiction) {
		if _, ok := reg[d.Code]; !ok && a.InArea(d.Code) {
			reg[d.Code] = 0
		}
	}
	return BuildCoverage(reg, trained), nil
}

// FollowUps lists the tasks in the actor's area; dueBefore ("" = any)
// limits them to those due by that day.
func (s *Service) FollowUps(ctx context.Context, a auth.Actor, f FollowUpFilter) ([]FollowUp, int, error) {
	if err := office(a); err != nil {
		return nil, 0, err
	}
	if f.Status != "" && f.Status != TaskOpen && f.Status != TaskDone {
		return nil, 0, apperr.Validation(map[string]string{"status": "Status harus open, done atau all"})
	}
	f.Regions = nil
	if a.Role == auth.Operator {
		f.Regions = a.Regions
		if len(f.Regions) == 0 {
			return []FollowUp{}, 0, nil
		}
	}
	items, total, err := s.Store.ListFollowUps(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	today := s.Now().In(idfmt.WIB).Format(time.DateOnly)
	for i := range items {
		items[i].markOverdue(today)
		if !a.SeesPersonalData() {
			b := registry.Business{Phone: items[i].Phone}
			b.Mask()
			items[i].Phone = b.Phone
		}
	}
	return items, total, nil
}

// FollowUpReport is what an officer logs after a visit or call.
type FollowUpReport struct {
	Method        string `json:"method"`
	Notes         string `json:"notes"`
	AnnualRevenue *int64 `json:"annual_revenue"` // optional new measurement
	Capital       *int64 `json:"capital"`
	Employees     *int   `json:"employees"`
}

// CompleteFollowUp logs a follow-up as done, with notes and, when any money
// or staff figure is given, a new officer-verified measurement.
func (s *Service) CompleteFollowUp(ctx context.Context, a auth.Actor, id int64, r FollowUpReport) (*FollowUp, error) {
	if err := officer(a); err != nil {
		return nil, err
	}
	t, err := s.Store.GetFollowUp(ctx, id)
	if err != nil || !a.InArea(t.VillageCode) {
		return nil, apperr.New(apperr.NotFound, "Tugas pendampingan tidak ditemukan")
	}
	r.Notes, r.Method = strings.TrimSpace(r.Notes), strings.TrimSpace(r.Method)
	f := map[string]string{}
	if !slices.Contains(FollowUpMethods, r.Method) {
		f["method"] = "Pilih kunjungan atau telepon"
	}
	if r.Notes == "" {
		f["notes"] = "Catatan wajib diisi"
	}
	if err := apperr.Validation(f); err != nil {
		return nil, err
	}
	if r.AnnualRevenue != nil || r.Capital != nil || r.Employees != nil {
		if err := s.measure(ctx, a, t.BusinessID, r); err != nil {
			return nil, err
		}
	}
	before := *t
	now := s.Now().UTC()
	t.Status, t.Method, t.Notes, t.DoneAt, t.DoneBy = TaskDone, r.Method, r.Notes, &now, a.Username
	if err := s.Store.CompleteFollowUp(ctx, t, entry(a, audit.Update, "follow_up", id, before, t)); err != nil {
		return nil, err
	}
	return t, nil
}

func (s *Service) measure(ctx context.Context, a auth.Actor, businessID int64, r FollowUpReport) error {
	b, err := s.Registry.GetBusiness(ctx, businessID)
	if err != nil {
		return err
	}
	m := &registry.Measurement{BusinessID: businessID, Year: idfmt.Year(s.Now()), AnnualRevenue: registry.NonZero(b.AnnualRevenue),
		Capital: registry.NonZero(b.Capital), Employees: b.Employees, Source: registry.SourceOfficerVerified, RecordedBy: a.Username}
	if r.AnnualRevenue != nil {
		m.AnnualRevenue = r.AnnualRevenue
	}
	if r.Capital != nil {
		m.Capital = r.Capital
	}
	if r.Employees != nil {
		m.Employees = *r.Employees
	}
	if err := apperr.Validation(m.Validate(s.Now())); err != nil {
		return err
	}
	m.Classify()
	ent := entry(a, audit.Create, "measurement", businessID, nil, m)
	return s.Registry.AddMeasurement(ctx, m, true, ent)
}

// Partners lists partners for the office.
func (s *Service) Partners(ctx context.Context, a auth.Actor) ([]Partner, error) {
	if err := office(a); err != nil {
		return nil, err
	}
	return s.Store.ListPartners(ctx)
}

// Partner returns one partner.
func (s *Service) Partner(ctx context.Context, a auth.Actor, id int64) (*Partner, error) {
	if err := office(a); err != nil {
		return nil, err
	}
	return s.Store.GetPartner(ctx, id)
}

var errRequirementsAdmin = apperr.New(apperr.Forbidden, "Syarat kurasi ritel hanya diubah oleh admin")

// SavePartner creates (ID 0) or updates a partner.
func (s *Service) SavePartner(ctx context.Context, a auth.Actor, pt *Partner) (*Partner, error) {
	if err := officer(a); err != nil {
		return nil, err
	}
	if err := apperr.Validation(pt.Validate()); err != nil {
		return nil, err
	}
	if pt.ID == 0 {
		if pt.Requirements != nil && a.Role != auth.Admin {
			return nil, errRequirementsAdmin
		}
		return pt, s.Store.CreatePartner(ctx, pt, entry(a, audit.Create, "partner", 0, nil, pt))
	}
	old, err := s.Store.GetPartner(ctx, pt.ID)
	if err != nil {
		return nil, err
	}
	if !reflect.DeepEqual(pt.Requirements, old.Requirements) && a.Role != auth.Admin {
		return nil, errRequirementsAdmin
	}
	pt.CreatedAt = old.CreatedAt
	return pt, s.Store.UpdatePartner(ctx, pt, entry(a, audit.Update, "partner", pt.ID, old, pt))
}

// DeletePartner removes a partner.
func (s *Service) DeletePartner(ctx context.Context, a auth.Actor, id int64) error {
	if err := officer(a); err != nil {
		return err
	}
	old, err := s.Store.GetPartner(ctx, id)
	if err != nil {
		return err
	}
	return s.Store.DeletePartner(ctx, id, entry(a, audit.Archive, "partner", id, old, nil))
}
