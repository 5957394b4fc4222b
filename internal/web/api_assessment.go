package web

import (
	"net/http"
	"strconv"

	"naikkelas/internal/apperr"
	"naikkelas/internal/assessment"
)

// The assessment API: the instrument, assessments, verification and the
// business timeline.

func (s *Server) apiInstrumentShow(w http.ResponseWriter, r *http.Request) {
	in, err := assessment.Load(r.URL.Query().Get("version"))
	if err != nil {
		s.fail(w, r, &apperr.Error{Code: apperr.NotFound, Message: err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, in)
}

type assessmentList struct {
	Items []assessment.Assessment `json:"items"`
}

func (s *Server) apiAssessmentList(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	items, err := s.Assessments.List(r.Context(), actor(r), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, assessmentList{Items: items})
}

func (s *Server) apiAssessmentCreate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var in assessment.Input
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	out, err := s.Assessments.Create(r.Context(), actor(r), id, in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, out)
}

// verificationInput is the body of a verification: the visit date and the
// officer's corrections to the owner's answers (may be empty).
type verificationInput struct {
	VisitDate string            `json:"visit_date"`
	Answers   map[string]string `json:"answers"`
}

func (s *Server) apiAssessmentVerify(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	aid, err := strconv.ParseInt(r.PathValue("aid"), 10, 64)
	if err != nil || aid <= 0 {
		s.fail(w, r, apperr.New(apperr.NotFound, "Penilaian tidak ditemukan"))
		return
	}
	var in verificationInput
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	out, err := s.Assessments.Verify(r.Context(), actor(r), id, aid, in.VisitDate, in.Answers)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, out)
}

type prefillView struct {
	InstrumentVersion string            `json:"instrument_version"`
	Answers           map[string]string `json:"answers"`
}

func (s *Server) apiAssessmentPrefill(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ans, err := s.Assessments.Prefill(r.Context(), actor(r), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, prefillView{InstrumentVersion: assessment.CurrentVersion, Answers: ans})
}

type timelineView struct {
	Items []assessment.Event `json:"items"`
}

func (s *Server) apiTimelineShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ev, err := s.Assessments.Timeline(r.Context(), actor(r), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, timelineView{Items: ev})
}
