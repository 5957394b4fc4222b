package assessment

import (
	"fmt"
	"math"
	"strconv"
)

// Groups of a programme comparison.
const (
	GroupCompleters = "completers"
	GroupComparison = "comparison"
)

// SmallGroup is the group size under which a rate is flagged as too small to read as a trend.
const SmallGroup = 30

// Cohort is who took part in a programme: Completers finished it;
// Participants (a superset) were selected or attended at any stage.
type Cohort struct {
	ProgramID    int64
	Name         string
	StartsOn     string // YYYY-MM-DD; size class "at the start" is the latest before this date
	Completers   []int64
	Participants []int64
}

// GroupResult is one side of a programme comparison.
type GroupResult struct {
	Businesses int `json:"businesses"`
	Counts
	SizeUpRate    *float64 `json:"size_up_rate"`    // percent of SizeRateBase, nil without data
	SizeRateBase  int      `json:"size_rate_base"`  // businesses the size rate rests on
	LevelUpRate   *float64 `json:"level_up_rate"`   // percent of LevelRateBase
	LevelRateBase int      `json:"level_rate_base"` // businesses the level rate rests on
}

// ProgramComparison sets a programme's completers next to a comparison
// group of businesses that did not take part, matched exactly on kecamatan,
// sector and size class at the programme's start. Only strata holding both
// completers and comparison businesses count. The comparison rate is
// weighted stratum by stratum to the completers' mix, so a difference is
// not an artefact of where the completers come from.
type ProgramComparison struct {
	ProgramID         int64       `json:"program_id"`
	Name              string      `json:"name"`
	StartsOn          string      `json:"starts_on"`
	Completers        int         `json:"completers"`           // completers among the businesses counted
	Unmatched         int         `json:"unmatched_completers"` // no class at start, or no comparison business alike
	CompletersGroup   GroupResult `json:"completers_group"`
	ComparisonGroup   GroupResult `json:"comparison_group"`
	SizeUpDifference  *float64    `json:"size_up_difference"`  // percentage points, completers − comparison
	LevelUpDifference *float64    `json:"level_up_difference"` // percentage points
	Note              string      `json:"note"`
	// Market is the share of each group that reached each market step,
	// absent without market data.
	Market []MarketShare `json:"market,omitempty"`
	// MarketFigures are the label scores, curation pass rate, sales and
	// money owed of each group, present with Market.
	MarketFigures []MarketFigure `json:"market_figures,omitempty"`
}

type member struct {
	id      int64
	changes [2]Change // size, level
}

type comparison struct {
	cohort       *Cohort
	completers   map[int64]bool
	participants map[int64]bool
	treated      map[string][]member
	control      map[string][]member
	seen         int
}

func newComparison(c *Cohort) *comparison {
	cmp := &comparison{cohort: c, completers: map[int64]bool{}, participants: map[int64]bool{},
		treated: map[string][]member{}, control: map[string][]member{}}
	for _, id := range c.Completers {
		cmp.completers[id] = true
	}
	for _, id := range c.Participants {
		cmp.participants[id] = true
	}
	return cmp
}

func (c *comparison) add(f *BusinessFacts, p Period) {
	isT := c.completers[f.BusinessID]
	if isT {
		c.seen++
	} else if c.participants[f.BusinessID] {
		return
	}
	rank := RankAt(f.Sizes, c.cohort.StartsOn)
	if rank == 0 {
		return
	}
	key := f.District + "|" + f.Sector + "|" + strconv.Itoa(rank)
	s, _ := Compare(f.Sizes, p)
	l, _ := Compare(f.Levels, p)
	m := member{id: f.BusinessID, changes: [2]Change{s, l}}
	if isT {
		c.treated[key] = append(c.treated[key], m)
	} else {
		c.control[key] = append(c.control[key], m)
	}
}

func (c *comparison) result() *ProgramComparison {
	r := &ProgramComparison{ProgramID: c.cohort.ProgramID, Name: c.cohort.Name, StartsOn: c.cohort.StartsOn, Completers: c.seen}
	for k, ts := range c.treated {
		cs := c.control[k]
		if len(cs) == 0 {
			continue
		}
		r.CompletersGroup.Businesses += len(ts)
		r.ComparisonGroup.Businesses += len(cs)
		for _, m := range ts {
			r.CompletersGroup.Counts.Add(KindSize, m.changes[0])
			r.CompletersGroup.Counts.Add(KindLevel, m.changes[1])
		}
		for _, m := range cs {
			r.ComparisonGroup.Counts.Add(KindSize, m.changes[0])
			r.ComparisonGroup.Counts.Add(KindLevel, m.changes[1])
		}
	}
	r.Unmatched = r.Completers - r.CompletersGroup.Businesses
	for kind := range 2 {
		tRate, cRate, tN, cN := c.rates(kind)
		if kind == 0 {
			r.CompletersGroup.SizeUpRate, r.ComparisonGroup.SizeUpRate = tRate, cRate
			r.CompletersGroup.SizeRateBase, r.ComparisonGroup.SizeRateBase = tN, cN
			r.SizeUpDifference = diff(tRate, cRate)
		} else {
			r.CompletersGroup.LevelUpRate, r.ComparisonGroup.LevelUpRate = tRate, cRate
			r.CompletersGroup.LevelRateBase, r.ComparisonGroup.LevelRateBase = tN, cN
			r.LevelUpDifference = diff(tRate, cRate)
		}
	}
	base := min(r.CompletersGroup.SizeRateBase, r.ComparisonGroup.SizeRateBase)
	if base < SmallGroup {
		r.Note = fmt.Sprintf("Kelompok kecil (%d usaha peserta dan %d pembanding dengan data): angka ini belum dapat dibaca sebagai tren.",
			r.CompletersGroup.SizeRateBase, r.ComparisonGroup.SizeRateBase)
	}
	return r
}

// rates returns the completers' up-rate and the stratum-weighted comparison
// up-rate (percent) for one kind, over strata where both groups have data,
// and the number of businesses each rests on.
func (c *comparison) rates(kind int) (tRate, cRate *float64, tN, cN int) {
	tUp, weighted := 0, 0.0
	for k, ts := range c.treated {
		tn, tu := withData(ts, kind)
		cn, cu := withData(c.control[k], kind)
		if tn == 0 || cn == 0 {
			continue
		}
		tN += tn
		cN += cn
		tUp += tu
		weighted += float64(tn) * float64(cu) / float64(cn)
	}
	if tN == 0 {
		return nil, nil, 0, 0
	}
	return pct(float64(tUp) / float64(tN)), pct(weighted / float64(tN)), tN, cN
}

func withData(ms []member, kind int) (n, up int) {
	for _, m := range ms {
		if m.changes[kind] != NoData {
			n++
			if m.changes[kind] == Up {
				up++
			}
		}
	}
	return n, up
}

func pct(share float64) *float64 {
	v := math.Round(share*1000) / 10
	return &v
}

func diff(a, b *float64) *float64 {
	if a == nil || b == nil {
		return nil
	}
	v := math.Round((*a-*b)*10) / 10
	return &v
}

// ids returns the members of the wanted group in matched strata whose
// change matches the cell.
func (c *comparison) ids(w *Cell) []int64 {
	var out []int64
	for k, ts := range c.treated {
		cs := c.control[k]
		if len(cs) == 0 {
			continue
		}
		ms := ts
		if w.Group == GroupComparison {
			ms = cs
		}
		for _, m := range ms {
			ch := m.changes[0]
			if w.Kind == KindLevel {
				ch = m.changes[1]
			}
			if w.Change == "" || w.Change == ch {
				out = append(out, m.id)
			}
		}
	}
	return out
}
