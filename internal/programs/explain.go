package programs

import (
	"fmt"
	"time"

	"naikkelas/internal/idfmt"
)

// Ranked is one eligible applicant in a selection result.
type Ranked struct {
	BusinessID int64 `json:"business_id"`
	// Rank is the place in the outcome: the selected 1…S by score, then the
	// reserve in order, then the others; no gaps.
	Rank int `json:"rank"`
	// ScoreRank is the place among all eligible applicants by score and
	// tie-breaks, before the quota and the kecamatan minimum.
	ScoreRank      int       `json:"score_rank"`
	Score          float64   `json:"score"`
	ScoreBreakdown Breakdown `json:"score_breakdown"`
	DistrictCode   string    `json:"district_code"`
	ReasonCode     string    `json:"reason_code,omitempty"` // one of the Reason* codes
	Reason         string    `json:"reason,omitempty"`      // the same in plain Indonesian
}

// Reason codes name the rule that decided an applicant's outcome, so that
// lists can be filtered by it. Each comes with a sentence in Indonesian.
const (
	ReasonBelowCutoff   = "below_cutoff"   // score under the lowest score selected on merit
	ReasonDistrictQuota = "district_quota" // score would pass, but its kecamatan's quota is full
	ReasonMinDistricts  = "min_districts"  // place given to another kecamatan to reach the minimum
	ReasonTieLater      = "tie_later"      // same score as the cut-off, applied later
	ReasonTieLottery    = "tie_lottery"    // same score and time as the cut-off, lost the draw
	ReasonCapacity      = "capacity"       // every place taken
	ReasonDistrictPick  = "district_pick"  // selected as its kecamatan's best to reach the minimum
	ReasonIneligible    = "ineligible"     // a rule of the programme is not met
	ReasonWithdrawn     = "withdrawn"      // left after the selection was locked
	ReasonReplacement   = "replacement"    // took the place of one who withdrew
)

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
	// Cutoff is the lowest score selected on merit: an applicant under it
	// was not selected because of its score.
	Cutoff float64 `json:"cutoff"`
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
	bar := ch.cutoff()
	if bar != nil {
		res.Cutoff = float64(bar.score) / 100
	}
	ex := explainer{ch: ch, bar: bar, rules: r, seed: seed, texts: map[reasonKey]string{}}
	var total int64
	for i, c := range ch.all {
		if ch.selected[i] {
			total += c.score
			code, why := ex.explain(i)
			res.Selected = append(res.Selected, rankedOf(c, len(res.Selected)+1, code, why))
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
	place := len(res.Selected)
	for i, c := range ch.all {
		if ch.selected[i] {
			continue
		}
		place++
		code, why := ex.explain(i)
		if len(res.Reserve) < reserveSize {
			res.Reserve = append(res.Reserve, rankedOf(c, place, code, why))
		} else {
			res.NotSelected = append(res.NotSelected, rankedOf(c, place, code, why))
		}
	}
	return res
}

func rankedOf(c *ranked, place int, code, why string) Ranked {
	return Ranked{BusinessID: c.BusinessID, Rank: place, ScoreRank: c.rank, Score: float64(c.score) / 100,
		ScoreBreakdown: c.Breakdown, DistrictCode: c.District, ReasonCode: code, Reason: why}
}

// cutoff is the lowest-placed candidate selected on merit, that is not
// brought in to cover a kecamatan; nil when nobody was.
func (ch *choice) cutoff() *ranked {
	for i := len(ch.all) - 1; i >= 0; i-- {
		if ch.selected[i] && !ch.brought[i] {
			return ch.all[i]
		}
	}
	return nil
}

// explainer finds, for each candidate, the rule that decided its outcome.
// The same few sentences repeat over thousands of applicants, so each is
// written once.
type explainer struct {
	ch    *choice
	bar   *ranked
	rules Rules
	seed  int64
	texts map[reasonKey]string
}

// reasonKey is what a reason's sentence depends on besides the result.
type reasonKey struct {
	code     string
	district string
	score    int64
}

// explain returns the reason code and sentence of the candidate at index i
// of the total order: for a selected one only when it was brought in to
// cover its kecamatan; for the others the binding rule. A candidate placed
// before the cut-off lost its place to the quota of its kecamatan or to the
// kecamatan minimum; one after it to its score or a tie-break.
func (ex *explainer) explain(i int) (string, string) {
	ch, c, bar := ex.ch, ex.ch.all[i], ex.bar
	full := ex.rules.MaxPerDistrict > 0 && ch.count[c.District] >= ex.rules.MaxPerDistrict
	var k reasonKey
	switch {
	case ch.selected[i] && ch.brought[i]:
		k = reasonKey{code: ReasonDistrictPick, district: c.District}
	case ch.selected[i]:
		return "", ""
	case bar == nil:
		k = reasonKey{code: ReasonCapacity}
	case ch.displaced[i] || c.rank < bar.rank && !full:
		k = reasonKey{code: ReasonMinDistricts, score: c.score}
	case c.rank < bar.rank:
		k = reasonKey{code: ReasonDistrictQuota, district: c.District, score: c.score}
	case c.score < bar.score:
		k = reasonKey{code: ReasonBelowCutoff, score: c.score}
	case c.sec != bar.sec || c.nsec != bar.nsec:
		k = reasonKey{code: ReasonTieLater}
	default:
		k = reasonKey{code: ReasonTieLottery}
	}
	why, ok := ex.texts[k]
	if !ok {
		why = ex.sentence(k)
		ex.texts[k] = why
	}
	return k.code, why
}

// sentence writes a reason in plain Indonesian, readable by the office and
// by the business owner alike.
func (ex *explainer) sentence(k reasonKey) string {
	r, ch := ex.rules, ex.ch
	var cut string
	if ex.bar != nil {
		cut = points(ex.bar.score)
	}
	switch k.code {
	case ReasonDistrictPick:
		return fmt.Sprintf("terpilih sebagai pendaftar dengan nilai tertinggi dari Kecamatan %s agar minimal %d kecamatan terwakili",
			districtName(k.district), ch.target)
	case ReasonCapacity:
		return fmt.Sprintf("semua %s tempat sudah terisi", idfmt.Number(int64(r.Capacity)))
	case ReasonMinDistricts:
		return fmt.Sprintf("nilai %s cukup untuk terpilih, tetapi tempatnya diberikan kepada pendaftar terbaik dari kecamatan lain agar minimal %d kecamatan terwakili",
			points(k.score), ch.target)
	case ReasonDistrictQuota:
		return fmt.Sprintf("nilai %s cukup untuk terpilih (batas %s), tetapi kuota Kecamatan %s sudah penuh (%s dari %s peserta)",
			points(k.score), cut, districtName(k.district), idfmt.Number(int64(ch.count[k.district])), idfmt.Number(int64(r.MaxPerDistrict)))
	case ReasonBelowCutoff:
		return fmt.Sprintf("nilai %s berada %s poin di bawah batas terpilih %s", points(k.score), points(ex.bar.score-k.score), cut)
	case ReasonTieLater:
		return fmt.Sprintf("nilai %s sama dengan batas terpilih, tetapi mendaftar lebih lambat daripada peserta terpilih dengan nilai yang sama", cut)
	}
	return fmt.Sprintf("nilai %s sama dengan batas terpilih dan mendaftar pada waktu yang sama; kalah undian (kode undian %d)", cut, ex.seed)
}

// points writes hundredths of a point the Indonesian way, without needless
// decimals: 72,5 and 80.
func points(centi int64) string { return idfmt.Decimal(float64(centi)/100, 2) }

// FormatScore writes a score the Indonesian way, rounded to two decimals
// without needless zeros: 75 → "75", 78.456 → "78,46", 3972.374 → "3.972,37".
func FormatScore(v float64) string { return idfmt.Decimal(float64(toCenti(v))/100, 2) }
