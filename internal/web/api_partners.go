package web

import (
	"net/http"

	"naikkelas/internal/programs"
)

type partnerList struct {
	Items []programs.Partner `json:"items"`
}

func (s *Server) apiPartnerList(w http.ResponseWriter, r *http.Request) {
	items, err := s.Programs.Partners(r.Context(), actor(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, partnerList{Items: items})
}

func (s *Server) apiPartnerGet(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	pt, err := s.Programs.Partner(r.Context(), actor(r), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, pt)
}

func (s *Server) apiPartnerCreate(w http.ResponseWriter, r *http.Request) {
	var pt programs.Partner
	if err := decodeJSON(r, &pt); err != nil {
		s.fail(w, r, err)
		return
	}
	pt.ID = 0
	out, err := s.Programs.SavePartner(r.Context(), actor(r), &pt)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/partners/"+itoa64(out.ID))
	writeJSON(w, http.StatusCreated, out)
}

func (s *Server) apiPartnerUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var pt programs.Partner
	if err := decodeJSON(r, &pt); err != nil {
		s.fail(w, r, err)
		return
	}
	pt.ID = id
	out, err := s.Programs.SavePartner(r.Context(), actor(r), &pt)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) apiPartnerDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.Programs.DeletePartner(r.Context(), actor(r), id); err != nil {
		s.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
