package web

import (
	"net/http"

	"naikkelas/internal/registry"
)

type businessPage struct {
	Items   []registry.Business `json:"items"`
	Total   int                 `json:"total"`
	Page    int                 `json:"page"`
	PerPage int                 `json:"per_page"`
}

func (s *Server) apiBusinessList(w http.ResponseWriter, r *http.Request) {
	f, err := parseFilter(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	items, total, err := s.Registry.List(r.Context(), actor(r), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if items == nil {
		items = []registry.Business{}
	}
	writeJSON(w, http.StatusOK, businessPage{Items: items, Total: total, Page: f.Page, PerPage: f.PerPage})
}

func (s *Server) apiBusinessGet(w http.ResponseWriter, r *http.Request) {
	b, err := s.pathBusiness(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, b)
}

func (s *Server) apiBusinessCreate(w http.ResponseWriter, r *http.Request) {
	var b registry.Business
	if err := decodeJSON(r, &b); err != nil {
		s.fail(w, r, err)
		return
	}
	out, err := s.Registry.Create(r.Context(), actor(r), &b)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/businesses/"+itoa64(out.ID))
	writeJSON(w, http.StatusCreated, out)
}

func (s *Server) apiBusinessUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var b registry.Business
	if err := decodeJSON(r, &b); err != nil {
		s.fail(w, r, err)
		return
	}
	b.ID = id
	out, err := s.Registry.Update(r.Context(), actor(r), &b)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) apiBusinessArchive(w http.ResponseWriter, r *http.Request) {
	if _, err := s.archivePath(r); err != nil {
		s.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
