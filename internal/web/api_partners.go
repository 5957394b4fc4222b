package web

import (
	"net/http"

	"naikkelas/internal/programs"
)

// The partner API; listing, reading and deleting are wired in the route table (routes_*.go).

func (s *Server) apiPartnerCreate(r *http.Request, pt *programs.Partner) (any, error) {
	pt.ID = 0
	out, err := s.Programs.SavePartner(r.Context(), actor(r), pt)
	if err != nil {
		return nil, err
	}
	return created{at: "/api/v1/partners/" + itoa64(out.ID), value: out}, nil
}

func (s *Server) apiPartnerUpdate(r *http.Request, id int64, pt *programs.Partner) (any, error) {
	pt.ID = id
	return s.Programs.SavePartner(r.Context(), actor(r), pt)
}
