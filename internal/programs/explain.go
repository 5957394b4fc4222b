package programs

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Ranked is one eligible applicant in a selection result.
type Ranked struct {
	BusinessID     int64     `json:"business_id"`
	Rank           int       `json:"rank"` // place among all eligible applicants by score and tie-breaks
	Score          float64   `json:"score"`
	ScoreBreakdown Breakdown `json:"score_breakdown"`
	DistrictCode   string    `json:"district_code"`
	Reason         string    `json:"reason,omitempty"` // why not selected (reserve and not selected)
}

// Rejected is an ineligible applicant and every rule it does not meet.
type Rejected struct {
	BusinessID   int64  `json:"business_id"`
	DistrictCode string `json:"district_code"`
	Reason       string `json:"reason"`
}

// Result is the published outcome of a selection, with an explanation for
// every applicant. Its JSON shape is the API's.
type Result struct {
	Selected    []Ranked   `json:"selected"`
	Reserve     []Ranked   `json:"reserve"`
	NotSelected []Ranked   `json:"not_selected"`
	Ineligible  []Rejected `json:"ineligible"`
	Withdrawn   []Ranked   `json:"withdrawn,omitempty"` // left after the selection was locked
	Seed        int64      `json:"seed"`
	Locked      bool       `json:"locked"`
	Published   bool       `json:"published"`
	Capacity    int        `json:"capacity"`
	// MinDistrictsTarget is the number of kecamatan the result had to cover:
	// min_districts, lowered when fewer kecamatan have eligible applicants.
	MinDistrictsTarget int       `json:"min_districts_target"`
	DistrictsCovered   int       `json:"districts_covered"`
	TotalScore         float64   `json:"total_score"`
	RunAt              time.Time `json:"run_at"`
}

// Select runs the selection over the eligible candidates and explains it;
// ineligible applicants are carried through with their reasons. The same
// candidates, rules and seed always give the same result.
func Select(cands []Candidate, ineligible []Rejected, r Rules, seed int64) *Result {
	ch := choose(cands, r, seed)
	res := &Result{Selected: []Ranked{}, Reserve: []Ranked{}, NotSelected: []Ranked{}, Ineligible: ineligible,
		Seed: seed, Capacity: r.Capacity, MinDistrictsTarget: ch.target}
	if res.Ineligible == nil {
		res.Ineligible = []Rejected{}
	}
	reserveSize := r.ReserveSize
	if reserveSize <= 0 {
		reserveSize = r.Capacity
	}
	var last *ranked // the lowest-placed selected candidate
	var total int64
	for i, c := range ch.all {
		if ch.selected[i] {
			last = c
			total += c.score
			res.Selected = append(res.Selected, rankedOf(c, ""))
		}
	}
	for _, k := range ch.count {
		if k > 0 {
			res.DistrictsCovered++
		}
	}
	res.TotalScore = float64(total) / 100
	res.Reserve = make([]Ranked, 0, min(reserveSize, len(ch.all)-len(res.Selected)))
	res.NotSelected = make([]Ranked, 0, max(0, len(ch.all)-len(res.Selected)-reserveSize))
	reasons := map[reasonKey]string{} // the same few reasons repeat over thousands of applicants
	for i, c := range ch.all {
		if ch.selected[i] {
			continue
		}
		k := ch.reasonKey(c, last, r)
		why, ok := reasons[k]
		if !ok {
			why = ch.reason(c, last, r)
			reasons[k] = why
		}
		if len(res.Reserve) < reserveSize {
			res.Reserve = append(res.Reserve, rankedOf(c, why))
		} else {
			res.NotSelected = append(res.NotSelected, rankedOf(c, why))
		}
	}
	return res
}

func rankedOf(c *ranked, why string) Ranked {
	return Ranked{BusinessID: c.BusinessID, Rank: c.rank, Score: float64(c.score) / 100, ScoreBreakdown: c.Breakdown,
		DistrictCode: c.District, Reason: why}
}

// reasonKey identifies what reason would say about c: its kecamatan when
// the quota binds, otherwise the comparison with the last selected.
type reasonKey struct {
	district string
	kind     int
	score    int64
}

func (ch *choice) reasonKey(c, last *ranked, r Rules) reasonKey {
	switch {
	case r.MaxPerDistrict > 0 && ch.count[c.District] >= r.MaxPerDistrict:
		return reasonKey{district: c.District, kind: 1}
	case last == nil:
		return reasonKey{kind: 2}
	case c.rank < last.rank:
		return reasonKey{kind: 3}
	case c.score == last.score && c.AppliedAt.After(last.AppliedAt):
		return reasonKey{kind: 4}
	case c.score == last.score:
		return reasonKey{kind: 5}
	}
	return reasonKey{kind: 6, score: c.score}
}

// reason names the constraint that kept c out, in Indonesian.
func (ch *choice) reason(c, last *ranked, r Rules) string {
	full := fmt.Sprintf("kapasitas program penuh (%d/%d)", r.Capacity, r.Capacity)
	switch {
	case r.MaxPerDistrict > 0 && ch.count[c.District] >= r.MaxPerDistrict:
		return fmt.Sprintf("kuota kecamatan %s penuh (%d/%d)", districtName(c.District), ch.count[c.District], r.MaxPerDistrict)
	case last == nil:
		return full
	case c.rank < last.rank:
		return fmt.Sprintf("%s; tempat diberikan kepada peserta dari kecamatan lain agar minimal %d kecamatan terwakili",
			full, ch.target)
	case c.score == last.score && c.AppliedAt.After(last.AppliedAt):
		return fmt.Sprintf("nilai sama dengan peserta terpilih terakhir (%s), tetapi mendaftar lebih lambat", points(last.score))
	case c.score == last.score:
		return fmt.Sprintf("nilai sama dengan peserta terpilih terakhir (%s) dan mendaftar pada waktu yang sama; kalah undian", points(last.score))
	}
	return "nilai " + points(c.score) + " di bawah peserta terpilih terakhir (" + points(last.score) + "); " + full
}

// points writes hundredths of a point the Indonesian way: 72,50.
func points(centi int64) string {
	return strings.Replace(strconv.FormatFloat(float64(centi)/100, 'f', 2, 64), ".", ",", 1)
}

// FormatScore writes a score the Indonesian way, with two decimals.
func FormatScore(v float64) string { return points(toCenti(v)) }
