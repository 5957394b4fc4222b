package programs

import "testing"

// An open task is overdue from the day after its due day; a done task never is.
func TestFollowUpOverdue(t *testing.T) {
	cases := []struct {
		status, due, today string
		overdue            bool
		days               int
	}{
		{TaskOpen, "2026-11-01", "2026-12-05", true, 34},
		{TaskOpen, "2026-12-04", "2026-12-05", true, 1},
		{TaskOpen, "2026-12-05", "2026-12-05", false, 0},
		{TaskOpen, "2027-01-03", "2026-12-05", false, 0},
		{TaskDone, "2026-11-01", "2026-12-05", false, 0},
		{TaskOpen, "bukan tanggal", "2026-12-05", false, 0},
	}
	for _, c := range cases {
		f := FollowUp{Status: c.status, DueOn: c.due, Overdue: true}
		f.markOverdue(c.today)
		if f.Overdue != c.overdue || f.OverdueDays != c.days {
			t.Errorf("%s due %s on %s: overdue %v (%d days), want %v (%d)", c.status, c.due, c.today, f.Overdue, f.OverdueDays, c.overdue, c.days)
		}
	}
}
