package capital

import (
	"context"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// Funnel follows needs to money: how many needs were referred, decided by
// the bank, approved and disbursed, the amounts, and the average days from
// one step to the next (nil when no need took that step).
type Funnel struct {
	Key             string   `json:"key"`
	Name            string   `json:"name"`
	Needs           int      `json:"needs"`
	Referred        int      `json:"referred"`
	Decided         int      `json:"decided"`
	Approved        int      `json:"approved"`
	Disbursed       int      `json:"disbursed"`
	NeedAmount      int64    `json:"need_amount"`
	ApprovedAmount  int64    `json:"approved_amount"`
	DisbursedAmount int64    `json:"disbursed_amount"`
	DaysToReferral  *float64 `json:"days_to_referral"`  // need recorded → first referral
	DaysToDecision  *float64 `json:"days_to_decision"`  // first referral → first bank decision
	DaysToDisbursal *float64 `json:"days_to_disbursal"` // approval → disbursement

	sums   [3]float64
	counts [3]int
}

// Stats is the capital funnel in the actor's reach: in total, per
// kecamatan, per programme (the needs of businesses that completed it) and
// for businesses that never completed a programme, the comparison group.
type Stats struct {
	Total     Funnel   `json:"total"`
	Districts []Funnel `json:"districts"`
	Programs  []Funnel `json:"programs"`
	Untrained Funnel   `json:"untrained"`
}

// Stats returns the funnel for officers and pimpinan.
func (s *Service) Stats(ctx context.Context, a auth.Actor) (*Stats, error) {
	if !a.IsOfficer() && a.Role != auth.Pimpinan {
		return nil, apperr.New(apperr.Forbidden, "Statistik modal hanya untuk petugas dinas dan pimpinan")
	}
	facts, err := s.Store.CapitalFacts(ctx, registry.ScopeOf(a))
	if err != nil {
		return nil, err
	}
	return BuildStats(facts), nil
}

// needSteps is one need's way through the funnel.
type needSteps struct {
	referred, decided, approved, disbursed  bool
	approvedAmount, disbursedAmount         int64
	toReferral, toDecision, toDisbursal     float64
	hasToReferral, hasToDecision, hasToDisb bool
}

// BuildStats computes the funnel from the facts. A need counts once per
// step however many banks it went to: referred when any referral exists,
// decided when a bank approved or rejected, approved and disbursed likewise.
func BuildStats(f *Facts) *Stats {
	steps := map[int64]*needSteps{}
	for _, n := range f.Needs {
		steps[n.ID] = &needSteps{}
	}
	recorded := map[int64]time.Time{}
	for _, n := range f.Needs {
		recorded[n.ID] = n.RecordedAt
	}
	firstRef, firstDec := map[int64]time.Time{}, map[int64]time.Time{}
	for _, r := range f.Referrals {
		st := steps[r.NeedID]
		if st == nil {
			continue
		}
		st.referred = true
		if t, ok := firstRef[r.NeedID]; !ok || r.ReferredAt.Before(t) {
			firstRef[r.NeedID] = r.ReferredAt
		}
		if !r.DecidedAt.IsZero() {
			st.decided = true
			if t, ok := firstDec[r.NeedID]; !ok || r.DecidedAt.Before(t) {
				firstDec[r.NeedID] = r.DecidedAt
			}
		}
		if r.ApprovedAmount > 0 {
			st.approved = true
			st.approvedAmount += r.ApprovedAmount
		}
		if r.DisbursedOn != "" {
			st.disbursed = true
			st.disbursedAmount += r.DisbursedAmount
			if on, err := time.Parse(time.DateOnly, r.DisbursedOn); err == nil && !r.DecidedAt.IsZero() {
				approved, _ := time.Parse(time.DateOnly, idfmt.Day(r.DecidedAt))
				st.toDisbursal, st.hasToDisb = on.Sub(approved).Hours()/24, true
			}
		}
	}
	for id, st := range steps {
		if t, ok := firstRef[id]; ok {
			st.toReferral, st.hasToReferral = t.Sub(recorded[id]).Hours()/24, true
			if d, ok := firstDec[id]; ok {
				st.toDecision, st.hasToDecision = d.Sub(t).Hours()/24, true
			}
		}
	}
	programs := map[int64][]Completion{}
	for _, c := range f.Completions {
		programs[c.BusinessID] = append(programs[c.BusinessID], c)
	}
	out := &Stats{Total: Funnel{Key: "total", Name: "Semua"}, Untrained: Funnel{Key: "untrained", Name: "Belum pernah lulus program"}}
	districts, progs := map[string]*Funnel{}, map[int64]*Funnel{}
	for _, n := range f.Needs {
		st := steps[n.ID]
		out.Total.add(n, st)
		d := districts[n.DistrictCode]
		if d == nil {
			d = &Funnel{Key: n.DistrictCode, Name: region.All().Name(n.DistrictCode)}
			districts[n.DistrictCode] = d
		}
		d.add(n, st)
		done := map[int64]bool{}
		for _, c := range programs[n.BusinessID] {
			if done[c.ProgramID] {
				continue
			}
			done[c.ProgramID] = true
			p := progs[c.ProgramID]
			if p == nil {
				p = &Funnel{Key: strconv.FormatInt(c.ProgramID, 10), Name: c.ProgramName}
				progs[c.ProgramID] = p
			}
			p.add(n, st)
		}
		if len(done) == 0 {
			out.Untrained.add(n, st)
		}
	}
	out.Districts, out.Programs = []Funnel{}, []Funnel{}
	for _, d := range districts {
		out.Districts = append(out.Districts, d.finish())
	}
	for _, p := range progs {
		out.Programs = append(out.Programs, p.finish())
	}
	slices.SortFunc(out.Districts, func(x, y Funnel) int { return strings.Compare(x.Key, y.Key) })
	slices.SortFunc(out.Programs, func(x, y Funnel) int { return strings.Compare(x.Name+x.Key, y.Name+y.Key) })
	out.Total, out.Untrained = out.Total.finish(), out.Untrained.finish()
	return out
}

func count(step bool) int {
	if step {
		return 1
	}
	return 0
}

func (fu *Funnel) add(n NeedFact, st *needSteps) {
	fu.Needs++
	fu.NeedAmount += n.Amount
	fu.Referred += count(st.referred)
	fu.Decided += count(st.decided)
	fu.Approved += count(st.approved)
	fu.Disbursed += count(st.disbursed)
	fu.ApprovedAmount += st.approvedAmount
	fu.DisbursedAmount += st.disbursedAmount
	for i, d := range []struct {
		ok   bool
		days float64
	}{{st.hasToReferral, st.toReferral}, {st.hasToDecision, st.toDecision}, {st.hasToDisb, st.toDisbursal}} {
		if d.ok {
			fu.sums[i] += d.days
			fu.counts[i]++
		}
	}
}

// finish turns the sums of days into averages, to one decimal.
func (fu *Funnel) finish() Funnel {
	out := *fu
	for i, dst := range []**float64{&out.DaysToReferral, &out.DaysToDecision, &out.DaysToDisbursal} {
		if fu.counts[i] > 0 {
			v := math.Round(fu.sums[i]/float64(fu.counts[i])*10) / 10
			*dst = &v
		}
	}
	return out
}
