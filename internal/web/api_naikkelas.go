package web

import (
	"net/http"

	"naikkelas/internal/apperr"
	"naikkelas/internal/assessment"
)

// statsQuery reads from, to, district, program (and series) from the URL.
func statsQuery(r *http.Request) (assessment.StatsQuery, error) {
	v := r.URL.Query()
	q := assessment.StatsQuery{From: v.Get("from"), To: v.Get("to"), District: v.Get("district"), Series: v.Get("series") == "1"}
	var err error
	q.ProgramID, err = queryID(r, "program", "program")
	return q, err
}

// statsCell reads which number of the statistics is asked for.
func statsCell(r *http.Request) (assessment.Cell, error) {
	v := r.URL.Query()
	c := assessment.Cell{District: v.Get("district"), Group: v.Get("group"), Kind: v.Get("kind"),
		Change: assessment.Change(v.Get("change")), Source: v.Get("source")}
	f := map[string]string{}
	if c.Kind != assessment.KindSize && c.Kind != assessment.KindLevel {
		f["kind"] = "Harus size atau level"
	}
	switch c.Change {
	case "", assessment.Up, assessment.Down, assessment.Unchanged, assessment.NoData:
	default:
		f["change"] = "Harus up, down, unchanged atau no_data"
	}
	if c.Source != "" && c.Source != "verified" && c.Source != "self_reported" {
		f["source"] = "Harus verified atau self_reported"
	}
	if c.Group != "" && c.Group != assessment.GroupCompleters && c.Group != assessment.GroupComparison {
		f["group"] = "Harus completers atau comparison"
	}
	return c, apperr.Validation(f)
}

// seriesStats reads the statistics query from the URL and computes the
// statistics with the per-year series, as the report page and export show.
func (s *Server) seriesStats(r *http.Request) (assessment.StatsQuery, *assessment.Stats, error) {
	q, err := statsQuery(r)
	if err != nil {
		return q, nil, err
	}
	q.Series = true
	st, err := s.Assessments.Stats(r.Context(), actor(r), q)
	return q, st, err
}

// cellIDs reads the statistics query and one of its cells from the URL and
// returns the ids of the businesses counted in that cell, with the cell.
func (s *Server) cellIDs(r *http.Request) ([]int64, assessment.Cell, error) {
	q, err := statsQuery(r)
	if err != nil {
		return nil, assessment.Cell{}, err
	}
	c, err := statsCell(r)
	if err != nil {
		return nil, c, err
	}
	ids, err := s.Assessments.StatsIDs(r.Context(), actor(r), q, c)
	return ids, c, err
}

func (s *Server) apiStatsNaikKelas(r *http.Request) (any, error) {
	q, err := statsQuery(r)
	if err != nil {
		return nil, err
	}
	return s.Assessments.Stats(r.Context(), actor(r), q)
}

type idList struct {
	Items []int64 `json:"items"`
	Total int     `json:"total"`
}

func (s *Server) apiStatsNaikKelasBusinesses(r *http.Request) (any, error) {
	ids, _, err := s.cellIDs(r)
	if ids == nil {
		ids = []int64{}
	}
	return idList{Items: ids, Total: len(ids)}, err
}
