package programs

import (
	"cmp"
	"slices"
	"time"
)

// Candidate is one eligible applicant as the selection sees it.
type Candidate struct {
	BusinessID int64
	District   string
	AppliedAt  time.Time
	Breakdown  Breakdown
}

// Rules are the constraints of a selection.
type Rules struct {
	Capacity       int
	MaxPerDistrict int // 0 = no limit
	MinDistricts   int
	ReserveSize    int // 0 = as many as the capacity
}

// RulesOf returns the selection rules of a programme.
func RulesOf(p *Program) Rules {
	return Rules{Capacity: p.Capacity, MaxPerDistrict: p.MaxPerDistrict, MinDistricts: p.MinDistricts}
}

// ranked is a candidate with its place in the total order.
type ranked struct {
	Candidate
	score   int64 // hundredths of a point
	sec     int64 // AppliedAt, split so that comparing is cheap
	nsec    int32
	lottery uint64
	rank    int // 1-based position in the total order
}

// order is the total order of candidates: higher score, then earlier
// application, then the seeded lottery, then the business ID (which only
// decides if two lottery draws collide).
func order(a, b *ranked) int {
	if c := cmp.Compare(b.score, a.score); c != 0 {
		return c
	}
	if c := cmp.Compare(a.sec, b.sec); c != 0 {
		return c
	}
	if c := cmp.Compare(a.nsec, b.nsec); c != 0 {
		return c
	}
	if c := cmp.Compare(a.lottery, b.lottery); c != 0 {
		return c
	}
	return cmp.Compare(a.BusinessID, b.BusinessID)
}

// lottery draws a business's ticket from the seed (SplitMix64), so the draw
// is reproducible by anyone who knows the seed.
func lottery(seed, id int64) uint64 {
	z := uint64(seed) ^ (uint64(id) * 0x9E3779B97F4A7C15)
	z += 0x9E3779B97F4A7C15
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// choice is the outcome of the optimisation before it is explained.
type choice struct {
	all      []*ranked // in total order
	selected []bool    // by index in all
	count    map[string]int
	target   int // distinct kecamatan the result had to reach
	// brought and displaced are the swaps made to cover target kecamatan:
	// a kecamatan's best applicant brought in, a weaker pick of a kecamatan
	// with several taken out. Indexes in all.
	brought, displaced map[int]bool
}

// choose finds the set of candidates with the highest total score such that
// at most Capacity are chosen, at most MaxPerDistrict from one kecamatan,
// and at least min(MinDistricts, kecamatan with candidates, Capacity)
// distinct kecamatan are covered.
//
// The feasible sets form a laminar matroid (per-kecamatan and total caps);
// a kecamatan's first pick is "red". Greedy by the total order gives the best
// base overall. For a base with exactly k+1 red elements, the best one
// follows from the best with k by the best single swap (Gabow & Tarjan,
// 1984): bring in the best first pick of an uncovered kecamatan, drop the
// worst pick that is not the only one of its kecamatan. Equal scores are
// settled by the total order, so the result is deterministic. Runs in
// O(n log n).
func choose(cands []Candidate, r Rules, seed int64) *choice {
	block := make([]ranked, len(cands))
	all := make([]*ranked, len(cands))
	for i := range cands {
		c := &cands[i]
		block[i] = ranked{Candidate: *c, score: c.Breakdown.centi(), sec: c.AppliedAt.Unix(),
			nsec: int32(c.AppliedAt.Nanosecond()), lottery: lottery(seed, c.BusinessID)}
		all[i] = &block[i]
	}
	slices.SortFunc(all, order)
	ch := &choice{all: all, selected: make([]bool, len(all)), count: map[string]int{}, brought: map[int]bool{},
		displaced: map[int]bool{}}
	limit := r.MaxPerDistrict
	if limit <= 0 {
		limit = len(all) + 1
	}
	var reps []int // index of each kecamatan's best candidate, in order
	n := 0
	for i, c := range all {
		c.rank = i + 1
		if _, seen := ch.count[c.District]; !seen {
			ch.count[c.District] = 0
			reps = append(reps, i)
		}
		if n < r.Capacity && ch.count[c.District] < limit {
			ch.selected[i] = true
			ch.count[c.District]++
			n++
		}
	}
	ch.target = min(r.MinDistricts, len(reps), r.Capacity)
	covered := 0
	for _, k := range ch.count {
		if k > 0 {
			covered++
		}
	}
	nextRep, worst := 0, len(all)-1
	for covered < ch.target {
		for ch.count[all[reps[nextRep]].District] > 0 {
			nextRep++
		}
		in := reps[nextRep]
		if n >= r.Capacity {
			for !ch.selected[worst] || ch.count[all[worst].District] < 2 {
				worst--
			}
			ch.selected[worst] = false
			ch.displaced[worst] = true
			ch.count[all[worst].District]--
			n--
		}
		ch.selected[in] = true
		ch.brought[in] = true
		ch.count[all[in].District]++
		n++
		covered++
	}
	return ch
}
