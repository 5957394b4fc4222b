package web

import (
	"net/http"
	"strconv"

	"naikkelas/internal/apperr"
	"naikkelas/internal/assessment"
)

// The assessment API: the instrument, assessments, verification and the
// business timeline. Lists and the timeline are wired in the route table (routes_*.go).

func (s *Server) apiInstrumentShow(r *http.Request) (any, error) {
	in, err := assessment.Load(r.URL.Query().Get("version"))
	if err != nil {
		return nil, &apperr.Error{Code: apperr.NotFound, Message: err.Error()}
	}
	return in, nil
}

func (s *Server) apiAssessmentCreate(r *http.Request, id int64, in *assessment.Input) (any, error) {
	return s.Assessments.Create(r.Context(), actor(r), id, *in)
}

// verificationInput is the body of a verification: the visit date and the
// officer's corrections to the owner's answers (may be empty).
type verificationInput struct {
	VisitDate string            `json:"visit_date"`
	Answers   map[string]string `json:"answers"`
}

// apiAssessmentVerify reads {aid} before the body, as it always did: an
// unknown assessment is NotFound whatever the body holds.
func (s *Server) apiAssessmentVerify(r *http.Request) (any, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	aid, err := strconv.ParseInt(r.PathValue("aid"), 10, 64)
	if err != nil || aid <= 0 {
		return nil, apperr.New(apperr.NotFound, "Penilaian tidak ditemukan")
	}
	var in verificationInput
	if err := decodeJSON(r, &in); err != nil {
		return nil, err
	}
	return s.Assessments.Verify(r.Context(), actor(r), id, aid, in.VisitDate, in.Answers)
}

type prefillView struct {
	InstrumentVersion string            `json:"instrument_version"`
	Answers           map[string]string `json:"answers"`
}

func (s *Server) apiAssessmentPrefill(r *http.Request) (any, error) {
	ans, err := callByPathID(r, s.Assessments.Prefill)
	return prefillView{InstrumentVersion: assessment.CurrentVersion, Answers: ans}, err
}
