package funding

import (
	"sort"
	"time"
)

// PartnerYear is one partner's ledger for one budget year.
type PartnerYear struct {
	PartnerID   int64  `json:"partner_id"`
	PartnerName string `json:"partner_name"`
	Year        int    `json:"year"`
	Committed   int64  `json:"committed"`
	Realised    int64  `json:"realised"`
	Allocated   int64  `json:"allocated"`
	Unspent     int64  `json:"unspent"`  // realised, not yet allocated
	Expected    int64  `json:"expected"` // what should have arrived by today (see Summarise)
	Lagging     bool   `json:"lagging"`  // realised less than expected
}

// RealisedPct is the share of the commitment realised, in percent.
func (p PartnerYear) RealisedPct() float64 {
	if p.Committed == 0 {
		return 0
	}
	return float64(p.Realised) * 100 / float64(p.Committed)
}

// Stats is the ledger per partner and year, with the totals.
type Stats struct {
	Year     int           `json:"year"` // 0 = every year
	Today    string        `json:"today"`
	Partners []PartnerYear `json:"partners"`
	Totals   PartnerYear   `json:"totals"`
}

// Summarise adds up commitments per partner and year. A commitment is
// expected to arrive evenly over its agreement's term (its starts_on to
// ends_on, by default its budget year), so by today a share of it in
// proportion to the days elapsed should have been realised; a partner
// whose realisations fall short of that is lagging. Rows come by year,
// then partner name.
func Summarise(cs []Commitment, today time.Time) []PartnerYear {
	type key struct {
		partner int64
		year    int
	}
	rows := map[key]*PartnerYear{}
	for _, c := range cs {
		k := key{c.PartnerID, c.Year}
		r := rows[k]
		if r == nil {
			r = &PartnerYear{PartnerID: c.PartnerID, PartnerName: c.PartnerName, Year: c.Year}
			rows[k] = r
		}
		r.Committed += c.Amount
		r.Realised += c.Realised
		r.Allocated += c.Allocated
		r.Expected += Expected(c, today)
	}
	out := make([]PartnerYear, 0, len(rows))
	for _, r := range rows {
		r.Unspent = r.Realised - r.Allocated
		r.Lagging = r.Realised < r.Expected
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Year != out[j].Year {
			return out[i].Year < out[j].Year
		}
		if out[i].PartnerName != out[j].PartnerName {
			return out[i].PartnerName < out[j].PartnerName
		}
		return out[i].PartnerID < out[j].PartnerID
	})
	return out
}

// Total adds up rows; its Lagging says whether realisation as a whole lags.
func Total(rows []PartnerYear) PartnerYear {
	var t PartnerYear
	for _, r := range rows {
		t.Committed += r.Committed
		t.Realised += r.Realised
		t.Allocated += r.Allocated
		t.Unspent += r.Unspent
		t.Expected += r.Expected
	}
	t.Lagging = t.Realised < t.Expected
	return t
}

// Expected is the part of c that should have been realised by today (a
// date in WIB, as a UTC midnight): none before its term, all after it, in
// proportion to whole days elapsed within it (today counted).
func Expected(c Commitment, today time.Time) int64 {
	start := time.Date(c.Year, time.January, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(c.Year, time.December, 31, 0, 0, 0, 0, time.UTC)
	if d, err := time.Parse(time.DateOnly, c.StartsOn); err == nil {
		start = d
	}
	if d, err := time.Parse(time.DateOnly, c.EndsOn); err == nil && !d.Before(start) {
		end = d
	}
	switch {
	case today.Before(start):
		return 0
	case !today.Before(end):
		return c.Amount
	}
	elapsed := int64(today.Sub(start).Hours()/24) + 1
	term := int64(end.Sub(start).Hours()/24) + 1
	// amount ≤ 10^15 and term ≤ a few thousand days: the product fits in int64.
	return c.Amount * elapsed / term
}
