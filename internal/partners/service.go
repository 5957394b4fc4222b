// Package partners answers what a partner (a retailer, bank, CSR fund, BUMN,
// university…) may see through its mitra accounts: only records addressed to
// that partner, never the register. Today that is the programmes it funds,
// as figures: dates, kecamatan, how many took part, completed and moved up
// a class. Names, NIK and phone numbers never leave this package, because
// no type here has a field for them. Like the other domain packages it
// knows neither HTTP nor SQL.
package partners

import (
	"context"
	"slices"

	"naikkelas/internal/apperr"
	"naikkelas/internal/assessment"
	"naikkelas/internal/auth"
	"naikkelas/internal/funding"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/programs"
	"naikkelas/internal/region"
)

// Service serves a mitra's view of its partner.
type Service struct {
	Programs    *programs.Service
	Assessments *assessment.Service
	Funding     *funding.Service
}

// NewService returns a Service reading through the programme, assessment
// and funding services.
func NewService(prog *programs.Service, as *assessment.Service, fund *funding.Service) *Service {
	return &Service{Programs: prog, Assessments: as, Funding: fund}
}

// office is the actor this service reads programmes with once it has
// checked the mitra: the figures it returns are aggregates the office
// itself computes, cut down to what a partner may see.
var office = auth.Actor{Username: "portal-mitra", Role: auth.Admin}

var (
	errMitraOnly = apperr.New(apperr.Forbidden, "Hanya akun mitra yang melihat program mitranya")
	errNotFunded = apperr.New(apperr.NotFound, "Program tidak ditemukan")
)

// FundedPrograms lists the programmes past draft that the actor's partner funds
// (by a funding line or an allocation from its commitments), newest start
// first, with their counts. Forbidden unless a is a mitra.
func (s *Service) FundedPrograms(ctx context.Context, a auth.Actor) ([]Program, error) {
	if !a.IsMitra() {
		return nil, errMitraOnly
	}
	allocated, err := s.allocatedTo(ctx, a)
	if err != nil {
		return nil, err
	}
	out := []Program{}
	for page := 1; ; page++ {
		list, total, err := s.Programs.List(ctx, office, programs.ProgramFilter{Page: page, PerPage: 500})
		if err != nil {
			return nil, err
		}
		for i := range list {
			sum, isAllocated := allocated[list[i].ID]
			if list[i].Status == programs.StatusDraft || !(fundedBy(&list[i], a) || isAllocated) {
				continue
			}
			pp, err := s.summary(ctx, a, &list[i], sum)
			if err != nil {
				return nil, err
			}
			out = append(out, *pp)
		}
		if len(list) == 0 || page*500 >= total {
			return out, nil
		}
	}
}

// FundedProgram returns one programme the actor's partner funds, with its
// naik-kelas figures. NotFound for a programme it does not fund (or a
// draft), so that a mitra cannot learn which other programmes exist.
func (s *Service) FundedProgram(ctx context.Context, a auth.Actor, id int64) (*Program, error) {
	if !a.IsMitra() {
		return nil, errMitraOnly
	}
	allocated, err := s.allocatedTo(ctx, a)
	if err != nil {
		return nil, err
	}
	p, err := s.Programs.Get(ctx, office, id)
	sum, isAllocated := allocated[id]
	if apperr.Is(err, apperr.NotFound) || (err == nil && (p.Status == programs.StatusDraft || !(fundedBy(p, a) || isAllocated))) {
		return nil, errNotFunded
	}
	if err != nil {
		return nil, err
	}
	out, err := s.summary(ctx, a, p, sum)
	if err != nil {
		return nil, err
	}
	if p.StartsOn > idfmt.Day(s.Programs.Now()) {
		return out, nil // nothing to compare before the programme starts
	}
	st, err := s.Assessments.Stats(ctx, office, assessment.StatsQuery{ProgramID: p.ID})
	if err != nil {
		return nil, err
	}
	out.NaikKelas = st.Program
	return out, nil
}

// fundedBy reports whether one of p's funding lines names a's partner.
func fundedBy(p *programs.Program, a auth.Actor) bool {
	return slices.ContainsFunc(p.Funding, func(f programs.FundingLine) bool { return a.ForPartner(f.PartnerID) })
}

// summary builds what a partner sees of p: the programme's own facts, its
// partner's share (funding lines, and allocated from its commitments) and
// the counts of its report.
func (s *Service) summary(ctx context.Context, a auth.Actor, p *programs.Program, allocated int64) (*Program, error) {
	out := &Program{ID: p.ID, Name: p.Name, Kind: p.Kind, Status: p.Status, StartsOn: p.StartsOn, EndsOn: p.EndsOn,
		Venue: p.Venue, Capacity: p.Capacity, Cost: p.Cost(), TargetDistricts: []District{}, Districts: []District{},
		Funding: []Contribution{}, Allocated: allocated}
	for _, code := range p.Districts {
		out.TargetDistricts = append(out.TargetDistricts, District{Code: code, Name: region.All().Name(code)})
	}
	for _, f := range p.Funding {
		if a.ForPartner(f.PartnerID) {
			out.Funding = append(out.Funding, Contribution{Kind: f.Kind, Amount: f.Amount, InKind: f.InKindDescription})
		}
	}
	_, rep, err := s.Programs.Report(ctx, office, p.ID)
	if err != nil {
		return nil, err
	}
	out.Totals = countsOf(rep.Totals)
	for _, d := range rep.Districts {
		out.Districts = append(out.Districts, District{Code: d.Code, Name: d.Name, Counts: countsOf(d)})
	}
	return out, nil
}

func countsOf(d programs.DistrictReport) Counts {
	return Counts{Applicants: d.Applicants, Participants: d.Selected, Attended: d.Attended, Completed: d.Completed}
}
