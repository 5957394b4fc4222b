package programs

import (
	"fmt"

	"naikkelas/internal/idfmt"
)

// Progress is one participant's attendance, tests and completion, as the
// programme's rules judge them.
type Progress struct {
	BusinessID    int64   `json:"business_id"`
	BusinessName  string  `json:"business_name"`
	DistrictCode  string  `json:"district_code"`
	Status        string  `json:"status"`
	Present       []int   `json:"present"` // session numbers attended
	AttendancePct float64 `json:"attendance_pct"`
	// AttendanceMet says whether the attendance reaches the programme's
	// completion threshold: a participant at 40% of a 75% rule is not
	// "hadir" in the programme's sense, whatever it did at one session.
	AttendanceMet bool     `json:"attendance_met"`
	PreTest       *float64 `json:"pre_test"`
	PostTest      *float64 `json:"post_test"`
	Completed     bool     `json:"completed"`
	Unmet         []string `json:"unmet"` // rules not met, in Indonesian
}

// Evaluate judges one participant against the programme's completion rules.
// present holds the sessions it attended; sc may be nil when no test was
// recorded.
func Evaluate(p *Program, present map[int]bool, sc *Scores) (pct float64, unmet []string) {
	if n := len(p.Sessions); n > 0 {
		k := 0
		for _, s := range p.Sessions {
			if present[s.Number] {
				k++
			}
		}
		pct = round2(float64(k) * 100 / float64(n))
	}
	c := p.Completion
	if pct < c.MinAttendancePct {
		unmet = append(unmet, fmt.Sprintf("kehadiran %s%% di bawah syarat %s%%", idfmt.Decimal(pct, 2), idfmt.Decimal(c.MinAttendancePct, 2)))
	}
	if c.MinPostTest > 0 {
		switch {
		case sc == nil || sc.PostTest == nil:
			unmet = append(unmet, "nilai post-test belum diisi")
		case *sc.PostTest < c.MinPostTest:
			unmet = append(unmet, fmt.Sprintf("nilai post-test %s di bawah syarat %s", idfmt.Decimal(*sc.PostTest, 2), idfmt.Decimal(c.MinPostTest, 2)))
		}
	}
	return pct, unmet
}

// BuildProgress evaluates every participant of a programme from its
// applications, attendance and scores.
func BuildProgress(p *Program, apps []Application, att []Attendance, scores []Scores) []Progress {
	present := map[int64]map[int]bool{}
	for _, a := range att {
		if a.Present {
			if present[a.BusinessID] == nil {
				present[a.BusinessID] = map[int]bool{}
			}
			present[a.BusinessID][a.Session] = true
		}
	}
	byBiz := map[int64]*Scores{}
	for i := range scores {
		byBiz[scores[i].BusinessID] = &scores[i]
	}
	out := []Progress{}
	for _, a := range apps {
		if !IsParticipant(a.Status) {
			continue
		}
		pr := Progress{BusinessID: a.BusinessID, BusinessName: a.BusinessName, DistrictCode: a.DistrictCode,
			Status: a.Status, Present: []int{}}
		for _, s := range p.Sessions {
			if present[a.BusinessID][s.Number] {
				pr.Present = append(pr.Present, s.Number)
			}
		}
		sc := byBiz[a.BusinessID]
		if sc != nil {
			pr.PreTest, pr.PostTest = sc.PreTest, sc.PostTest
		}
		pr.AttendancePct, pr.Unmet = Evaluate(p, present[a.BusinessID], sc)
		pr.AttendanceMet = pr.AttendancePct >= p.Completion.MinAttendancePct
		pr.Completed = len(pr.Unmet) == 0
		if pr.Unmet == nil {
			pr.Unmet = []string{}
		}
		out = append(out, pr)
	}
	return out
}
