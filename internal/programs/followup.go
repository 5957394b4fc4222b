package programs

import (
	"crypto/rand"
	"strings"
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

// codeAlphabet leaves out letters and digits that are easy to confuse when a
// code is read aloud or typed from paper (0/O, 1/I/L).
const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// NewCertificateCode returns a random verification code such as
// "NK-7QX4-M2PA-9HZ3": 12 characters of a 31-letter alphabet (~59 bits).
func NewCertificateCode() string {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	var s strings.Builder
	s.WriteString("NK")
	for i, c := range b {
		if i%4 == 0 {
			s.WriteByte('-')
		}
		s.WriteByte(codeAlphabet[int(c)%len(codeAlphabet)])
	}
	return s.String()
}

// NormalizeCode turns a code as a person types it off paper ("nk 4bef jzn8
// 47bs", "NK4BEFJZN847BS", "nk-4bef–jzn8 47bs") into the stored form
// "NK-4BEF-JZN8-47BS": case, spaces and dashes do not matter. Text that is
// not twelve code characters after "NK" is only upper-cased and stripped of
// separators, so that it still fails to match.
func NormalizeCode(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	c := b.String()
	body, ok := strings.CutPrefix(c, "NK")
	if !ok || len(body) != 12 {
		return c
	}
	return "NK-" + body[:4] + "-" + body[4:8] + "-" + body[8:]
}
