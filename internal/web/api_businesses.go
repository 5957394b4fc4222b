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

func (s *Server) apiBusinessList(r *http.Request) (any, error) {
	f, err := parseFilter(r)
	if err != nil {
		return nil, err
	}
	items, total, err := s.Registry.List(r.Context(), actor(r), f)
	if items == nil {
		items = []registry.Business{}
	}
	return businessPage{Items: items, Total: total, Page: f.Page, PerPage: f.PerPage}, err
}

func (s *Server) apiBusinessCreate(r *http.Request, b *registry.Business) (any, error) {
	out, err := s.Registry.Create(r.Context(), actor(r), b)
	if err != nil {
		return nil, err
	}
	return created{at: "/api/v1/businesses/" + itoa64(out.ID), value: out}, nil
}

func (s *Server) apiBusinessUpdate(r *http.Request, id int64, b *registry.Business) (any, error) {
	b.ID = id
	return s.Registry.Update(r.Context(), actor(r), b)
}
