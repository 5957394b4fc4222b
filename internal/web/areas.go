package web

import (
	"naikkelas/internal/auth"
	"naikkelas/internal/region"
)

// districtsFor lists the kecamatan of the jurisdiction that the actor may
// see, for filter selects and the home table.
func (s *Server) districtsFor(a auth.Actor) []region.Region {
	all := region.All().Districts(s.Jurisdiction)
	switch a.Role {
	case auth.Admin, auth.Pimpinan:
		return all
	case auth.Operator:
		var out []region.Region
		for _, d := range all {
			for _, reg := range a.Regions {
				if region.Within(reg, d.Code) || region.Within(d.Code, reg) {
					out = append(out, d)
					break
				}
			}
		}
		return out
	}
	return nil
}

// villagesFor lists the desa of a kecamatan that the actor may see.
func (s *Server) villagesFor(a auth.Actor, district string) []region.Region {
	if district == "" || !region.Within(district, s.Jurisdiction) {
		return nil
	}
	var out []region.Region
	for _, v := range region.All().Children(district) {
		if a.Role == auth.Owner || a.InArea(v.Code) {
			out = append(out, v)
		}
	}
	return out
}
