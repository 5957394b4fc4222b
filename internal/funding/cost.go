package funding

import (
	"context"
	"slices"

	"naikkelas/internal/auth"
)

// ProgramCost is what a programme cost, from its allocations, and what that
// bought: per participant, per completer and per outcome (a completer that
// went up a size class since the programme started).
type ProgramCost struct {
	ProgramID          int64        `json:"program_id"`
	ProgramName        string       `json:"program_name"`
	Cost               int64        `json:"cost"`
	Money              int64        `json:"money"`
	InKind             int64        `json:"in_kind"`
	Participants       int          `json:"participants"`
	Completers         int          `json:"completers"`
	Outcomes           *int         `json:"outcomes"` // nil until measurable
	CostPerParticipant int64        `json:"cost_per_participant"`
	CostPerCompleter   int64        `json:"cost_per_completer"`
	CostPerOutcome     int64        `json:"cost_per_outcome"` // 0 without outcomes
	Allocations        []Allocation `json:"allocations"`
}

// BuildCost sums allocations and divides them by the programme's counts,
// rounding to whole rupiah (down); a count of zero gives zero.
func BuildCost(allocs []Allocation, participants, completers int, outcomes *int) ProgramCost {
	pc := ProgramCost{Participants: participants, Completers: completers, Outcomes: outcomes, Allocations: allocs}
	if pc.Allocations == nil {
		pc.Allocations = []Allocation{}
	}
	for _, al := range allocs {
		pc.Cost += al.Amount
		if al.Kind == KindInKind {
			pc.InKind += al.Amount
		} else {
			pc.Money += al.Amount
		}
	}
	per := func(n int) int64 {
		if n <= 0 {
			return 0
		}
		return pc.Cost / int64(n)
	}
	pc.CostPerParticipant, pc.CostPerCompleter = per(participants), per(completers)
	if outcomes != nil {
		pc.CostPerOutcome = per(*outcomes)
	}
	return pc
}

// ProgramCost returns a programme's cost from the ledger with its results.
func (s *Service) ProgramCost(ctx context.Context, a auth.Actor, programID int64) (*ProgramCost, error) {
	if err := reader(a); err != nil {
		return nil, err
	}
	return s.programCost(ctx, programID, true)
}

// ProgramCosts returns the cost of every programme funded from commitments
// of the year (0 = every year), by programme id. Outcomes are left out:
// measuring them reads every business's history once per programme.
func (s *Service) ProgramCosts(ctx context.Context, a auth.Actor, year int) ([]ProgramCost, error) {
	if err := reader(a); err != nil {
		return nil, err
	}
	sums, err := s.Store.AllocationsByProgram(ctx, year)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(sums))
	for id := range sums {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	out := make([]ProgramCost, 0, len(ids))
	for _, id := range ids {
		pc, err := s.programCost(ctx, id, false)
		if err != nil {
			return nil, err
		}
		out = append(out, *pc)
	}
	return out, nil
}

func (s *Service) programCost(ctx context.Context, programID int64, withOutcomes bool) (*ProgramCost, error) {
	p, rep, err := s.Programs.Report(ctx, auth.System, programID)
	if err != nil {
		return nil, err
	}
	allocs, err := s.Store.ListAllocations(ctx, programID, 0)
	if err != nil {
		return nil, err
	}
	var outcomes *int
	if withOutcomes && s.Outcomes != nil && rep.Totals.Completed > 0 {
		n, ok, err := s.Outcomes(ctx, programID)
		if err != nil {
			return nil, err
		}
		if ok {
			outcomes = &n
		}
	}
	pc := BuildCost(allocs, rep.Totals.Selected, rep.Totals.Completed, outcomes)
	pc.ProgramID, pc.ProgramName = p.ID, p.Name
	return &pc, nil
}
