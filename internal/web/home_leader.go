package web

import (
	"net/http"

	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/indicators"
	"naikkelas/internal/region"
)

// leaderHome is the part of the home page for admin and pimpinan: key
// figures across the register, the kecamatan map and the report button.
type leaderHome struct {
	Total     indicators.District
	Trends    []indicators.Trend // key figures per calendar year, where they have data
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
	trends, err := s.Indicators.Trends(r.Context(), a)
	if err != nil {
		return nil, err
	}
	today := idfmt.Day(s.Now())
	return &leaderHome{Total: indicators.Totals(ds), Trends: trends, Map: m, Districts: s.districtsFor(a), From: today[:4] + "-01-01", To: today}, nil
}
