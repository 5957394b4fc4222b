package web

import (
	"net/http"

	"naikkelas/internal/registry"
)

func (s *Server) apiBusinessList(r *http.Request) (any, error) {
	f, err := parseFilter(r)
	if err != nil {
		return nil, err
	}
	items, total, err := s.Registry.List(r.Context(), actor(r), f)
	if items == nil {
		items = []registry.Business{}
	}
	return itemPage[registry.Business]{Items: items, Total: total, Page: f.Page, PerPage: f.PerPage}, err
}

func (s *Server) apiBusinessUpdate(r *http.Request, id int64, b *registry.Business) (any, error) {
	b.ID = id
	return s.Registry.Update(r.Context(), actor(r), b)
}
