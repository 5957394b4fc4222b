// Package planner answers how long it takes until every business (or
// every business of a group) has been trained once: from the register (who
// is in the group per kecamatan, who already completed a programme), the
// cost per participant, the cohort size and the funding per year. Leaders
// try scenarios (another partner with Rp X a year, larger cohorts, a
// cheaper format, a target group), save them and compare. It knows
// neither HTTP nor SQL.
package planner

// MaxYears is how far the planner looks ahead; a plan that needs longer is
// reported as not reaching everyone.
const MaxYears = 100

// Area is one kecamatan's starting point.
type Area struct {
	Code, Name string
	Businesses int // in the group
	Trained    int // of those, completed at least one programme
	// Pace is the kecamatan's share of past training (completions); the
	// yearly places are shared out in these proportions, so a kecamatan
	// that was served little so far is served little in the plan too.
	Pace float64
}

// AreaPlan is one kecamatan's outlook.
type AreaPlan struct {
	Code       string  `json:"code"`
	Name       string  `json:"name"`
	Businesses int     `json:"businesses"`
	Trained    int     `json:"trained"`
	Remaining  int     `json:"remaining"`
	Pace       float64 `json:"pace"`  // percent of the yearly places
	Years      *int    `json:"years"` // years until all are trained; nil = beyond MaxYears
	Behind     bool    `json:"behind"`
}

// Simulate shares perYear places out each year among the kecamatan still
// holding untrained businesses, in proportion to their Pace (equal shares
// when no kecamatan has any pace), handing what a kecamatan cannot use to
// the others, and returns each kecamatan's years and the years until all
// are done (nil when perYear is 0 or MaxYears do not suffice). A kecamatan
// is behind when its share of the places is smaller than its share of the
// businesses still waiting: it is served slower than its need, and
// finishes after the others.
func Simulate(areas []Area, perYear int) (plans []AreaPlan, years *int) {
	left := make([]float64, len(areas))
	total := 0
	plans = make([]AreaPlan, len(areas))
	var paceSum float64
	for _, a := range areas {
		paceSum += a.Pace
	}
	for i, a := range areas {
		rem := max(a.Businesses-a.Trained, 0)
		left[i] = float64(rem)
		total += rem
		p := AreaPlan{Code: a.Code, Name: a.Name, Businesses: a.Businesses, Trained: a.Trained, Remaining: rem}
		switch {
		case paceSum > 0:
			p.Pace = a.Pace * 100 / paceSum
		case rem > 0:
			p.Pace = -1 // equal shares; set below
		}
		if rem == 0 {
			zero := 0
			p.Years = &zero
		}
		plans[i] = p
	}
	waiting := 0
	for _, p := range plans {
		if p.Pace < 0 {
			waiting++
		}
	}
	for i := range plans {
		if plans[i].Pace < 0 {
			plans[i].Pace = 100 / float64(waiting)
		}
	}
	for i := range plans {
		plans[i].Behind = total > 0 && plans[i].Remaining > 0 && plans[i].Pace < float64(plans[i].Remaining)*100/float64(total)
	}
	if perYear <= 0 {
		return plans, nil
	}
	for y := 1; y <= MaxYears; y++ {
		share(areas, left, float64(perYear), paceSum > 0)
		for i := range plans {
			if plans[i].Years == nil && left[i] < 0.5 {
				n := y
				plans[i].Years = &n
			}
		}
		if finished(plans) {
			break
		}
	}
	if !finished(plans) {
		return plans, nil
	}
	worst := 0
	for _, p := range plans {
		worst = max(worst, *p.Years)
	}
	return plans, &worst
}

func finished(plans []AreaPlan) bool {
	for _, p := range plans {
		if p.Years == nil {
			return false
		}
	}
	return true
}

// share hands places out among kecamatan with something left, by pace (or
// equally), repeatedly giving what a kecamatan cannot use to the rest.
func share(areas []Area, left []float64, places float64, byPace bool) {
	for places > 1e-9 {
		var weight float64
		for i, a := range areas {
			if left[i] > 1e-9 {
				weight += areaWeight(a, byPace)
			}
		}
		if weight == 0 {
			return
		}
		spare := 0.0
		for i, a := range areas {
			if left[i] <= 1e-9 {
				continue
			}
			give := places * areaWeight(a, byPace) / weight
			if give > left[i] {
				spare += give - left[i]
				give = left[i]
			}
			left[i] -= give
		}
		places = spare
	}
}

// areaWeight is a kecamatan's claim on the places: its pace, or 1 when no
// kecamatan has a pace. A kecamatan never trained gets a small claim so
// that it is reached at all.
func areaWeight(a Area, byPace bool) float64 {
	if !byPace {
		return 1
	}
	return max(a.Pace, 0.01)
}
