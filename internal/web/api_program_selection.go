package web

import (
	"context"
	"io"
	"net/http"

	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
)

// selectionInput is the optional body of a selection run.
type selectionInput struct {
	Seed *int64 `json:"seed"` // lottery seed; absent = the programme's default
}

func (s *Server) apiSelectionRun(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var in selectionInput
	if r.ContentLength != 0 {
		if err := decodeJSON(r, &in); err != nil && !isEmptyBody(err) {
			s.fail(w, r, err)
			return
		}
	}
	res, err := s.Programs.RunSelection(r.Context(), actor(r), id, in.Seed)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// isEmptyBody reports a decode error caused by an empty body, which a
// selection run accepts.
func isEmptyBody(err error) bool {
	for e := err; e != nil; {
		if e == io.EOF {
			return true
		}
		u, ok := e.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		e = u.Unwrap()
	}
	return false
}

func (s *Server) apiSelectionGet(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, _, err := s.Programs.Selection(r.Context(), actor(r), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func (s *Server) apiSelectionLock(w http.ResponseWriter, r *http.Request) {
	s.selectionStep(w, r, s.Programs.LockSelection)
}

func (s *Server) apiSelectionPublish(w http.ResponseWriter, r *http.Request) {
	s.selectionStep(w, r, s.Programs.PublishSelection)
}

func (s *Server) selectionStep(w http.ResponseWriter, r *http.Request, step func(context.Context, auth.Actor, int64) (*programs.SelectionRecord, error)) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := step(r.Context(), actor(r), id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.apiSelectionGet(w, r) // answer with the selection as it now stands
}
