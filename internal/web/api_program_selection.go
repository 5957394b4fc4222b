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

func (s *Server) apiSelectionRun(r *http.Request) (any, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	var in selectionInput
	if r.ContentLength != 0 {
		if err := decodeJSON(r, &in); err != nil && !isEmptyBody(err) {
			return nil, err
		}
	}
	return s.Programs.RunSelection(r.Context(), actor(r), id, in.Seed)
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

func (s *Server) apiSelectionGet(r *http.Request) (any, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	res, _, err := s.Programs.Selection(r.Context(), actor(r), id)
	return res, err
}

// selectionStep answers a step of the selection (lock, publish) with the
// selection as it then stands.
func (s *Server) selectionStep(step func(context.Context, auth.Actor, int64) (*programs.SelectionRecord, error)) answer {
	return func(r *http.Request) (any, error) {
		id, err := pathID(r)
		if err != nil {
			return nil, err
		}
		if _, err := step(r.Context(), actor(r), id); err != nil {
			return nil, err
		}
		return s.apiSelectionGet(r)
	}
}
