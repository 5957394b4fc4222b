package web

import (
	"net/http"

	"naikkelas/internal/apperr"

	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/indicators"
	"naikkelas/internal/region"
)

// leaderHome is the part of the home page for admin and pimpinan: key
// figures across the register, the kecamatan map and the report button.
type leaderHome struct {
	Total     indicators.District
	Map       *mapView
	Districts []region.Region // for the report's kecamatan choice
	From, To  string          // the report's default period
}

func (s *Server) leaderHome(r *http.Request, a auth.Actor) (*leaderHome, error) {
	ds, err := s.Indicators.Districts(r.Context(), a)
	if err != nil {
		return nil, err
	}
	m, err := buildMap(ds, r.URL.Query().Get("indikator"))
	if err != nil {
		return nil, err
	}
	today := idfmt.Day(s.Now())
	return &leaderHome{Total: indicators.Totals(ds), Map: m, Districts: s.districtsFor(a), From: today[:4] + "-01-01", To: today}, nil
}

// homeTrends draws the leaders' key figures per calendar year. The home page
// fetches it after it has shown, since the yearly series cost more than the
// rest of the page; without scripts it is a page of its own.
func (s *Server) homeTrends(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	if a.Role != auth.Admin && a.Role != auth.Pimpinan {
		return apperr.New(apperr.Forbidden, "Tren per tahun hanya untuk admin dan pimpinan")
	}
	trends, err := s.Indicators.Trends(r.Context(), a)
	if err != nil {
		return err
	}
	if s.swapped(w, r, "home_trends", "trends", trends) {
		return nil
	}
	s.render(w, r, http.StatusOK, "home_trends", page{Title: "Tren per tahun", Active: "home", Data: trends})
	return nil
}
