package web

import (
	"net/http"

	"naikkelas/internal/auth"
	"naikkelas/internal/registry"
)

type homeView struct {
	Leader    *leaderHome // admin and pimpinan: key figures, the map, the report
	Stats     registry.HomeStats
	Classes   []classCount
	Districts []registry.DistrictCount
	Unknown   int // businesses without a known size class
}

type classCount struct {
	Class string
	Count int
}

// homeShow is the Beranda: totals by size class and document, and every
// kecamatan of the caller's area with its counts.
func (s *Server) homeShow(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	if a.IsMitra() { // a mitra sees nothing of the register: its home is the portal
		http.Redirect(w, r, "/portal", http.StatusSeeOther)
		return nil
	}
	if a.Role == auth.Owner {
		return s.ownerHome(w, r)
	}
	stats, err := s.Registry.HomeStats(r.Context(), a, registry.Filter{})
	if err != nil {
		return err
	}
	rows, err := s.Registry.DistrictStats(r.Context(), a, registry.Filter{})
	if err != nil {
		return err
	}
	v := homeView{Stats: stats, Unknown: stats.BySizeClass[""]}
	for _, c := range registry.SizeClasses {
		v.Classes = append(v.Classes, classCount{c, stats.BySizeClass[c]})
	}
	v.Districts = s.allDistrictRows(a, rows)
	if a.Role == auth.Admin || a.Role == auth.Pimpinan {
		if v.Leader, err = s.leaderHome(r, a); err != nil {
			return err
		}
	}
	s.render(w, r, http.StatusOK, "home", page{Title: "Beranda", Active: "home", Data: v})
	return nil
}

// allDistrictRows lists every kecamatan of the caller's area, with zero
// counts where the store had no row, in the store's order then the rest.
func (s *Server) allDistrictRows(a auth.Actor, rows []registry.DistrictCount) []registry.DistrictCount {
	byCode := map[string]registry.DistrictCount{}
	for _, d := range rows {
		byCode[d.Code] = d
	}
	districts := s.districtsFor(a)
	if len(districts) > 100 { // a province or all Indonesia: only kecamatan with data
		return rows
	}
	out := make([]registry.DistrictCount, 0, len(districts))
	for _, d := range districts {
		row, ok := byCode[d.Code]
		if !ok {
			row = registry.DistrictCount{Code: d.Code, Name: d.Name}
		}
		if row.Name == "" {
			row.Name = d.Name
		}
		out = append(out, row)
	}
	return out
}
