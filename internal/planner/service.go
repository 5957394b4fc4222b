package planner

import (
	"context"
	"strings"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/funding"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/programs"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// Scenario is a saved set of Params with a name.
type Scenario struct {
	ID int64 `json:"id"`
	Params
	Name      string    `json:"name"`
	CreatedBy string    `json:"created_by"`
	CreatedAt time.Time `json:"created_at"`
}

// Store keeps scenarios and counts trained businesses of a group.
type Store interface {
	// TrainedInGroup counts, per kecamatan, active businesses matching f
	// that completed at least one programme.
	TrainedInGroup(ctx context.Context, f registry.Filter) (map[string]int, error)
	// CreateScenario inserts sc (setting ID and CreatedAt) and a.
	CreateScenario(ctx context.Context, sc *Scenario, a *audit.Entry) error
	// ListScenarios returns every saved scenario, oldest first.
	ListScenarios(ctx context.Context) ([]Scenario, error)
	// DeleteScenario removes a scenario; NotFound when absent.
	DeleteScenario(ctx context.Context, id int64, a *audit.Entry) error
}

// Plan is the answer to a scenario.
type Plan struct {
	Params
	GroupLabel    string     `json:"group_label"`
	CostSource    string     `json:"cost_source"` // "given", "ledger" (average cost per participant) or "default"
	Year          int        `json:"year"`        // the budget year whose commitments fund the plan
	Committed     int64      `json:"committed"`
	Budget        int64      `json:"budget"` // committed + extra, a year
	Cohorts       int        `json:"cohorts"`
	PlacesPerYear int        `json:"places_per_year"`
	Businesses    int        `json:"businesses"`
	Trained       int        `json:"trained"`
	Remaining     int        `json:"remaining"`
	Years         *int       `json:"years"`       // nil = not within MaxYears (or no places)
	FinishYear    *int       `json:"finish_year"` // the calendar year the last business is reached
	Districts     []AreaPlan `json:"districts"`
}

// Service computes plans and keeps scenarios.
type Service struct {
	Store        Store
	Registry     *registry.Service
	Programs     *programs.Service
	Funding      *funding.Service
	Regions      *region.Directory
	Jurisdiction string
	Now          func() time.Time
}

// NewService returns a Service with the real clock.
func NewService(st Store, reg *registry.Service, progs *programs.Service, fund *funding.Service, jurisdiction string) *Service {
	return &Service{Store: st, Registry: reg, Programs: progs, Funding: fund, Regions: region.All(), Jurisdiction: jurisdiction, Now: time.Now}
}

var errReaders = apperr.New(apperr.Forbidden, "Perencanaan cakupan hanya untuk dinas dan pimpinan")

// reader allows the office's staff and leadership. A plan is about the
// whole jurisdiction: its budget is the regency's, so it counts every
// kecamatan whoever asks (aggregates only).
func reader(a auth.Actor) error {
	switch a.Role {
	case auth.Admin, auth.Operator, auth.Pimpinan:
		return nil
	}
	return errReaders
}

// Plan answers a scenario.
func (s *Service) Plan(ctx context.Context, a auth.Actor, p Params) (*Plan, error) {
	if err := reader(a); err != nil {
		return nil, err
	}
	if err := apperr.Validation(p.Validate()); err != nil {
		return nil, err
	}
	g, _ := GroupOf(p.Group)
	out := &Plan{Params: p, GroupLabel: g.Label, CostSource: "given", Year: idfmt.Year(s.Now())}
	if out.CohortSize == 0 {
		out.CohortSize = DefaultCohortSize
	}
	if out.CostPerParticipant == 0 {
		if err := s.defaultCost(ctx, out); err != nil {
			return nil, err
		}
	}
	if err := s.budget(ctx, out); err != nil {
		return nil, err
	}
	out.Cohorts, out.PlacesPerYear = PlacesPerYear(out.Budget, out.CostPerParticipant, out.CohortSize)
	areas, err := s.areas(ctx, g)
	if err != nil {
		return nil, err
	}
	out.Districts, out.Years = Simulate(areas, out.PlacesPerYear)
	for _, d := range out.Districts {
		out.Businesses += d.Businesses
		out.Trained += d.Trained
		out.Remaining += d.Remaining
	}
	if out.Years != nil {
		y := idfmt.Year(s.Now()) + max(*out.Years-1, 0) // the plan's first year is this one
		out.FinishYear = &y
	}
	return out, nil
}

// defaultCost is the ledger's average cost per participant over funded
// programmes, else DefaultCostPerParticipant.
func (s *Service) defaultCost(ctx context.Context, out *Plan) error {
	costs, err := s.Funding.ProgramCosts(ctx, auth.System, 0)
	if err != nil {
		return err
	}
	var cost int64
	var people int
	for _, c := range costs {
		if c.Participants > 0 {
			cost += c.Cost
			people += c.Participants
		}
	}
	out.CostPerParticipant, out.CostSource = DefaultCostPerParticipant, "default"
	if people > 0 && cost > 0 {
		out.CostPerParticipant, out.CostSource = cost/int64(people), "ledger"
	}
	return nil
}

// budget is this year's committed funding, or the latest year's with
// commitments, plus the scenario's extra.
func (s *Service) budget(ctx context.Context, out *Plan) error {
	st, err := s.Funding.Stats(ctx, auth.System, 0)
	if err != nil {
		return err
	}
	byYear := map[int]int64{}
	latest := 0
	for _, r := range st.Partners {
		byYear[r.Year] += r.Committed
		if r.Year <= out.Year {
			latest = max(latest, r.Year)
		}
	}
	if byYear[out.Year] == 0 && latest > 0 {
		out.Year = latest
	}
	out.Committed = byYear[out.Year]
	out.Budget = out.Committed + out.ExtraPerYear
	return nil
}

// areas reads each kecamatan's group size, trained businesses and pace.
func (s *Service) areas(ctx context.Context, g Group) ([]Area, error) {
	f := g.filter
	f.Today = idfmt.Day(s.Now())
	rows, err := s.Registry.DistrictStats(ctx, auth.System, f)
	if err != nil {
		return nil, err
	}
	inGroup := map[string]int{}
	for _, r := range rows {
		inGroup[r.Code] = r.Businesses
	}
	trained, err := s.Store.TrainedInGroup(ctx, f)
	if err != nil {
		return nil, err
	}
	cov, err := s.Programs.Coverage(ctx, auth.System)
	if err != nil {
		return nil, err
	}
	pace := map[string]int{}
	for _, c := range cov {
		pace[c.Code] = c.Trained
	}
	var areas []Area
	for _, d := range s.Regions.Districts(s.Jurisdiction) {
		areas = append(areas, Area{Code: d.Code, Name: d.Name, Businesses: inGroup[d.Code], Trained: trained[d.Code],
			Pace: float64(pace[d.Code])})
	}
	return areas, nil
}

// Scenarios lists saved scenarios with their plans, for comparison.
func (s *Service) Scenarios(ctx context.Context, a auth.Actor) ([]Scenario, []*Plan, error) {
	if err := reader(a); err != nil {
		return nil, nil, err
	}
	list, err := s.Store.ListScenarios(ctx)
	if err != nil {
		return nil, nil, err
	}
	plans := make([]*Plan, len(list))
	for i, sc := range list {
		if plans[i], err = s.Plan(ctx, a, sc.Params); err != nil {
			return nil, nil, err
		}
	}
	return list, plans, nil
}

// Save stores a scenario under a name (admin and pimpinan: leaders weigh
// scenarios; operators read them).
func (s *Service) Save(ctx context.Context, a auth.Actor, sc *Scenario) (*Scenario, error) {
	if a.Role != auth.Admin && a.Role != auth.Pimpinan {
		return nil, apperr.New(apperr.Forbidden, "Hanya admin dan pimpinan yang menyimpan skenario")
	}
	sc.Name = strings.TrimSpace(sc.Name)
	f := sc.Params.Validate()
	if sc.Name == "" || len(sc.Name) > 120 {
		f["name"] = "Nama skenario wajib diisi, paling panjang 120 karakter"
	}
	if err := apperr.Validation(f); err != nil {
		return nil, err
	}
	sc.ID, sc.CreatedBy = 0, a.Username
	b, af := audit.Diff(nil, sc)
	ent := &audit.Entry{UserID: a.UserID, Username: a.Username, Action: audit.Create, Entity: "coverage_scenario", Before: b, After: af}
	if err := s.Store.CreateScenario(ctx, sc, ent); err != nil {
		return nil, err
	}
	return sc, nil
}

// Delete removes a saved scenario (admin and pimpinan).
func (s *Service) Delete(ctx context.Context, a auth.Actor, id int64) error {
	if a.Role != auth.Admin && a.Role != auth.Pimpinan {
		return apperr.New(apperr.Forbidden, "Hanya admin dan pimpinan yang menghapus skenario")
	}
	ent := &audit.Entry{UserID: a.UserID, Username: a.Username, Action: audit.Archive, Entity: "coverage_scenario", EntityID: id}
	return s.Store.DeleteScenario(ctx, id, ent)
}
