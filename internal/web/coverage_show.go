package web

import (
	"net/http"

	"naikkelas/internal/programs"
)

type coverageView struct {
	Items             []programs.Coverage
	Businesses, Found int
	Share             float64
}

// coverageShow is the coverage page: per kecamatan, the share of registered
// businesses that ever completed a programme.
func (s *Server) coverageShow(w http.ResponseWriter, r *http.Request) error {
	items, err := s.Programs.Coverage(r.Context(), actor(r))
	if err != nil {
		return err
	}
	v := coverageView{Items: items}
	for _, c := range items {
		v.Businesses += c.Businesses
		v.Found += c.Trained
	}
	if v.Businesses > 0 {
		v.Share = float64(v.Found) * 100 / float64(v.Businesses)
	}
	s.render(w, r, http.StatusOK, "coverage", page{Title: "Cakupan pembinaan", Active: "programs", Data: v})
	return nil
}
