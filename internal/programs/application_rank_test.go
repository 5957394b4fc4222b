package programs

import "testing"

// TestApplicationRank: every status has its own rank (a new status fails
// here until placed), and a place taken beats one waited for.
func TestApplicationRank(t *testing.T) {
	seen := map[int]string{}
	for _, s := range AppStatuses {
		r := ApplicationRank(s)
		if r < 0 || seen[r] != "" {
			t.Errorf("status %s: rank %d (shared with %q)", s, r, seen[r])
		}
		seen[r] = s
	}
	for _, c := range [][2]string{{AppCompleted, AppApplied}, {AppSelected, AppApplied}, {AppCompleted, AppAttended},
		{AppApplied, AppNotSelected}, {AppIneligible, AppWithdrawn}} {
		if ApplicationRank(c[0]) <= ApplicationRank(c[1]) {
			t.Errorf("%s does not beat %s", c[0], c[1])
		}
	}
}
