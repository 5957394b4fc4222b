package web

import (
	"net/http"
	"slices"
	"strings"

	"naikkelas/internal/programs"
	"naikkelas/internal/region"
)

// explanationsPerPage bounds one page of the full explanation.
const explanationsPerPage = 50

type explanationView struct {
	P         *programs.Program
	Res       *programs.Result
	Rows      []programs.Explanation
	Total     int // applicants of the selection the caller may see
	Shown     int // of which match the filter
	Filter    programs.ApplicantFilter
	Districts []region.Region // kecamatan with applicants
	Outcomes  []string
	Reasons   []string
	Pager     pagerView
}

// programSelectionExplain is the selection's full explanation as a page:
// every applicant with its place, score, outcome and the rule that decided
// it, searchable by name or ID and filtered by outcome, kecamatan and reason.
func (s *Server) programSelectionExplain(w http.ResponseWriter, r *http.Request) error {
	p, err := s.pathProgram(r)
	if err != nil {
		return err
	}
	res, _, names, err := s.selectionWithNames(r, p.ID)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	v := explanationView{P: p, Res: res, Filter: programs.ApplicantFilter{Q: q.Get("q"), Status: q.Get("hasil"),
		District: q.Get("kecamatan"), Reason: q.Get("alasan")},
		Outcomes: []string{programs.AppSelected, programs.AppReserve, programs.AppNotSelected, programs.AppIneligible, programs.AppWithdrawn},
		Reasons: []string{programs.ReasonBelowCutoff, programs.ReasonDistrictQuota, programs.ReasonMinDistricts, programs.ReasonTieLater,
			programs.ReasonTieLottery, programs.ReasonDistrictPick, programs.ReasonIneligible, programs.ReasonReplacement}}
	var shown []programs.Explanation
	if res != nil {
		all := programs.Explain(res, names)
		v.Total = len(all)
		seen := map[string]bool{}
		for _, e := range all {
			seen[e.DistrictCode] = e.DistrictCode != ""
			if v.Filter.MatchExplanation(e) {
				shown = append(shown, e)
			}
		}
		v.Districts = districtsAmong(seen)
	}
	v.Shown = len(shown)
	v.Rows, v.Pager = pageOf(r, shown, explanationsPerPage)
	s.render(w, r, http.StatusOK, "program_selection_explain", page{Title: "Penjelasan seleksi " + p.Name, Active: "programs", Data: v})
	return nil
}

// districtsAmong returns the kecamatan of a set of codes, by name.
func districtsAmong(codes map[string]bool) []region.Region {
	dir := region.All()
	var out []region.Region
	for code := range codes {
		if rg, ok := dir.Get(code); ok {
			out = append(out, rg)
		}
	}
	slices.SortFunc(out, func(a, b region.Region) int { return strings.Compare(a.Name, b.Name) })
	return out
}
