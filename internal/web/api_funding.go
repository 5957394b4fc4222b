package web

import (
	"net/http"
	"strconv"

	"naikkelas/internal/apperr"
	"naikkelas/internal/funding"
)

type commitmentList struct {
	Items []funding.Commitment `json:"items"`
}

func (s *Server) apiCommitmentList(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	items, err := s.Funding.Commitments(r.Context(), actor(r), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, commitmentList{Items: items})
}

func (s *Server) apiCommitmentCreate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var c funding.Commitment
	if err := decodeJSON(r, &c); err != nil {
		s.fail(w, r, err)
		return
	}
	out, err := s.Funding.Commit(r.Context(), actor(r), id, &c)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/commitments/"+itoa64(out.ID))
	writeJSON(w, http.StatusCreated, out)
}

func (s *Server) apiCommitmentGet(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d, err := s.Funding.Commitment(r.Context(), actor(r), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}

func (s *Server) apiRealisationCreate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var in funding.Realisation
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	out, err := s.Funding.Realise(r.Context(), actor(r), id, &in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, out)
}

func (s *Server) apiAllocationCreate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var in funding.Allocation
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	out, err := s.Funding.Allocate(r.Context(), actor(r), id, &in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, out)
}

func (s *Server) apiProgramCost(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	pc, err := s.Funding.ProgramCost(r.Context(), actor(r), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, pc)
}

func (s *Server) apiStatsFunding(w http.ResponseWriter, r *http.Request) {
	year, err := yearParam(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	st, err := s.Funding.Stats(r.Context(), actor(r), year)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// yearParam reads ?year= (absent or empty = 0, every year).
func yearParam(r *http.Request) (int, error) {
	v := r.URL.Query().Get("year")
	if v == "" {
		return 0, nil
	}
	y, err := strconv.Atoi(v)
	if err != nil || y < funding.MinYear || y > funding.MaxYear {
		return 0, apperr.Validation(map[string]string{"year": "Tahun harus angka antara 2000 dan 2100"})
	}
	return y, nil
}
