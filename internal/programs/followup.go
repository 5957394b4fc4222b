package programs

import (
	"time"
)

// FollowUpMonths are the months after a programme ends at which each
// participant is visited or called.
var FollowUpMonths = []int{1, 3, 6}

// Follow-up task statuses.
const (
	TaskOpen = "open"
	TaskDone = "done"
)

// FollowUp is one pendampingan task: a visit or call to a participant some
// months after the programme, logged with notes and optionally a new
// measurement of the business.
type FollowUp struct {
	ID           int64      `json:"id"`
	ProgramID    int64      `json:"program_id"`
	ProgramName  string     `json:"program_name"`
	BusinessID   int64      `json:"business_id"`
	BusinessName string     `json:"business_name"`
	DistrictCode string     `json:"district_code"`
	VillageCode  string     `json:"village_code"`
	Month        int        `json:"month"` // 1, 3 or 6
	DueOn        string     `json:"due_on"`
	Status       string     `json:"status"`
	Method       string     `json:"method"` // kunjungan | telepon
	Notes        string     `json:"notes"`
	DoneAt       *time.Time `json:"done_at"`
	DoneBy       string     `json:"done_by"`

	// Phone is the owner's phone (+628…), masked for a role that may not
	// see personal data; Overdue says an open task is past its due day.
	Phone       string `json:"phone"`
	Overdue     bool   `json:"overdue"`
	OverdueDays int    `json:"overdue_days"`
}

// markOverdue sets Overdue and OverdueDays of an open task due before
// today (YYYY-MM-DD, the office's day).
func (t *FollowUp) markOverdue(today string) {
	t.Overdue, t.OverdueDays = false, 0
	if t.Status != TaskOpen || t.DueOn >= today {
		return
	}
	due, err1 := time.Parse(time.DateOnly, t.DueOn)
	now, err2 := time.Parse(time.DateOnly, today)
	if err1 != nil || err2 != nil {
		return
	}
	t.Overdue, t.OverdueDays = true, int(now.Sub(due).Hours()/24)
}

// FollowUpMethods are the ways a follow-up is made.
var FollowUpMethods = []string{"kunjungan", "telepon"}

// PlanFollowUps returns the +1, +3 and +6 month tasks for each participant
// of a programme that has ended.
func PlanFollowUps(p *Program, participants []Application) []FollowUp {
	end, err := time.Parse(time.DateOnly, p.EndsOn)
	if err != nil {
		return nil
	}
	var out []FollowUp
	for _, a := range participants {
		for _, m := range FollowUpMonths {
			out = append(out, FollowUp{ProgramID: p.ID, ProgramName: p.Name, BusinessID: a.BusinessID,
				BusinessName: a.BusinessName, DistrictCode: a.DistrictCode, VillageCode: a.VillageCode,
				Month: m, DueOn: end.AddDate(0, m, 0).Format(time.DateOnly), Status: TaskOpen})
		}
	}
	return out
}
