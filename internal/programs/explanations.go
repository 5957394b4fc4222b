package programs

import (
	"strconv"
	"strings"
)

// Explanation is one applicant's line of a selection's full explanation:
// its place, score and outcome, and the rule that decided it.
type Explanation struct {
	BusinessID   int64      `json:"business_id"`
	BusinessName string     `json:"business_name"`
	DistrictCode string     `json:"district_code"`
	Outcome      string     `json:"outcome"`    // an application status: selected, reserve, not_selected, ineligible, withdrawn
	Rank         int        `json:"rank"`       // 0 for ineligible applicants
	ScoreRank    int        `json:"score_rank"` // 0 for ineligible applicants
	Score        *float64   `json:"score"`      // nil for ineligible applicants
	Breakdown    *Breakdown `json:"score_breakdown"`
	ReasonCode   string     `json:"reason_code"`
	Reason       string     `json:"reason"`
}

// Explain lists every applicant of a result in the order of the outcome:
// selected, reserve, not selected, withdrawn, then the ineligible. names
// gives the business names (from the applications).
func Explain(res *Result, names map[int64]string) []Explanation {
	out := make([]Explanation, 0, len(res.Selected)+len(res.Reserve)+len(res.NotSelected)+len(res.Withdrawn)+len(res.Ineligible))
	for _, part := range []struct {
		outcome string
		list    []Ranked
	}{{AppSelected, res.Selected}, {AppReserve, res.Reserve}, {AppNotSelected, res.NotSelected}, {AppWithdrawn, res.Withdrawn}} {
		for _, r := range part.list {
			score, bd := r.Score, r.ScoreBreakdown
			out = append(out, Explanation{BusinessID: r.BusinessID, BusinessName: names[r.BusinessID], DistrictCode: r.DistrictCode,
				Outcome: part.outcome, Rank: r.Rank, ScoreRank: r.ScoreRank, Score: &score, Breakdown: &bd,
				ReasonCode: r.ReasonCode, Reason: r.Reason})
		}
	}
	for _, r := range res.Ineligible {
		out = append(out, Explanation{BusinessID: r.BusinessID, BusinessName: names[r.BusinessID], DistrictCode: r.DistrictCode,
			Outcome: AppIneligible, ReasonCode: ReasonIneligible, Reason: r.Reason})
	}
	return out
}

// ReasonLabel is the short Indonesian name of a reason code, for filters
// and counts.
func ReasonLabel(code string) string {
	switch code {
	case ReasonBelowCutoff:
		return "Nilai di bawah batas"
	case ReasonDistrictQuota:
		return "Kuota kecamatan penuh"
	case ReasonMinDistricts:
		return "Digeser demi sebaran kecamatan"
	case ReasonTieLater:
		return "Nilai sama, mendaftar lebih lambat"
	case ReasonTieLottery:
		return "Nilai sama, kalah undian"
	case ReasonCapacity:
		return "Kapasitas penuh"
	case ReasonDistrictPick:
		return "Terpilih demi sebaran kecamatan"
	case ReasonIneligible:
		return "Tidak memenuhi syarat"
	case ReasonWithdrawn:
		return "Mengundurkan diri"
	case ReasonReplacement:
		return "Pengganti"
	}
	return code
}

// ApplicantFilter narrows a list of applicants: a word of the name or the
// business ID, an outcome or status, a kecamatan and a reason code. Empty
// fields match everything.
type ApplicantFilter struct {
	Q        string
	Status   string
	District string
	Reason   string
}

// Match reports whether an applicant with these fields passes the filter.
func (f ApplicantFilter) Match(businessID int64, name, status, district, reason string) bool {
	if f.Status != "" && status != f.Status || f.District != "" && district != f.District || f.Reason != "" && reason != f.Reason {
		return false
	}
	q := strings.TrimSpace(f.Q)
	if q == "" {
		return true
	}
	if id, err := strconv.ParseInt(strings.TrimPrefix(q, "#"), 10, 64); err == nil {
		return id == businessID
	}
	name = strings.ToLower(name)
	for _, w := range strings.Fields(strings.ToLower(q)) {
		if !strings.Contains(name, w) {
			return false
		}
	}
	return true
}

// MatchApplication applies the filter to an application; the reason code
// is not known there and only ReasonIneligible is matched by status.
func (f ApplicantFilter) MatchApplication(ap Application) bool {
	reason := ""
	if ap.Status == AppIneligible {
		reason = ReasonIneligible
	}
	return f.Match(ap.BusinessID, ap.BusinessName, ap.Status, ap.DistrictCode, reason)
}

// MatchExplanation applies the filter to a line of the explanation.
func (f ApplicantFilter) MatchExplanation(e Explanation) bool {
	return f.Match(e.BusinessID, e.BusinessName, e.Outcome, e.DistrictCode, e.ReasonCode)
}
