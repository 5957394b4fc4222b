package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/programs"
)

type scoresView struct {
	P              *programs.Program
	Rows           []programs.Progress
	CanEdit        bool
	Message, Error string
}

// programScores lists participants with their tests and completion, and a
// small form per participant for the pre-test and post-test.
func (s *Server) programScores(w http.ResponseWriter, r *http.Request) {
	a := actor(r)
	p, prog, err := s.pathProgress(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := scoresView{P: p, Rows: prog, Message: r.URL.Query().Get("pesan"), Error: r.URL.Query().Get("galat"),
		CanEdit: a.IsOfficer() && (p.Status == programs.StatusSelected || p.Status == programs.StatusRunning)}
	s.render(w, r, http.StatusOK, "program_scores", page{Title: "Nilai " + p.Name, Active: "programs", Data: v})
}

// programScoresSet saves one participant's tests.
func (s *Server) programScoresSet(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	bid, _ := strconv.ParseInt(r.FormValue("business_id"), 10, 64)
	sc := &programs.Scores{ProgramID: id, BusinessID: bid}
	var bad error
	for field, dst := range map[string]**float64{"pre_test": &sc.PreTest, "post_test": &sc.PostTest} {
		v := strings.ReplaceAll(strings.TrimSpace(r.FormValue(field)), ",", ".")
		if v == "" {
			continue
		}
		n, err := strconv.ParseFloat(v, 64)
		if err != nil {
			bad = apperr.New(apperr.Invalid, "Nilai harus angka 0–100")
			continue
		}
		*dst = &n
	}
	if bad == nil {
		_, bad = s.Programs.SetScores(r.Context(), actor(r), sc)
	}
	if apperr.Is(bad, apperr.Forbidden) {
		s.fail(w, r, bad)
		return
	}
	if fe := apperr.FieldsOf(bad); len(fe) > 0 {
		for _, m := range fe {
			bad = apperr.New(apperr.Invalid, "%s", m)
		}
	}
	s.back(w, r, fmt.Sprintf("/program/%d/nilai", id), "Nilai disimpan.", bad)
}
