package partners

import "naikkelas/internal/assessment"

// Program is what a partner sees of a programme it funds. It has no field
// for a business, its owner or their personal data, by design.
type Program struct {
	ID              int64          `json:"id"`
	Name            string         `json:"name"`
	Kind            string         `json:"kind"`
	Status          string         `json:"status"`
	StartsOn        string         `json:"starts_on"`
	EndsOn          string         `json:"ends_on"`
	Venue           string         `json:"venue"`
	Capacity        int            `json:"capacity"`
	Cost            int64          `json:"cost"`      // the whole programme's, rupiah
	Funding         []Contribution `json:"funding"`   // this partner's lines only
	Allocated       int64          `json:"allocated"` // rupiah allocated to it from this partner's commitments
	TargetDistricts []District     `json:"target_districts"`
	Totals          Counts         `json:"totals"`
	Districts       []District     `json:"districts"` // counts per kecamatan of the participants
	// NaikKelas sets the completers next to a matched comparison group
	// (figures only); it is filled for one programme, not in lists.
	NaikKelas *assessment.ProgramComparison `json:"naik_kelas,omitempty"`
}

// Contribution is one of the partner's funding lines of a programme.
type Contribution struct {
	Kind   string `json:"kind"`
	Amount int64  `json:"amount"`
	InKind string `json:"in_kind"`
}

// District is one kecamatan, with the programme's counts in it where
// they are given.
type District struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Counts
}

// Counts follows applicants through a programme.
type Counts struct {
	Applicants   int `json:"applicants"`
	Participants int `json:"participants"`
	Attended     int `json:"attended"`
	Completed    int `json:"completed"`
}
