package web

import (
	"net/http"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/region"
)

type regionList struct {
	Items []region.Region `json:"items"`
}

// regionsUnder returns the children of parent that lie in, or contain, the
// jurisdiction. With no parent it returns the jurisdiction's top level: its
// districts for a regency, its regencies for a province, provinces for "".
func (s *Server) regionsUnder(parent string) ([]region.Region, error) {
	dir := region.All()
	if parent == "" {
		parent = s.Jurisdiction
	}
	if parent != "" {
		if _, ok := dir.Get(parent); !ok {
			return nil, apperr.New(apperr.NotFound, "Wilayah tidak dikenal")
		}
	}
	switch {
	case region.Within(parent, s.Jurisdiction):
		return dir.Children(parent), nil
	case region.Within(s.Jurisdiction, parent):
		var out []region.Region
		for _, c := range dir.Children(parent) {
			if region.Within(s.Jurisdiction, c.Code) {
				out = append(out, c)
			}
		}
		return out, nil
	}
	return nil, apperr.New(apperr.NotFound, "Wilayah di luar yurisdiksi instansi ini")
}

func (s *Server) apiRegionList(r *http.Request) (any, error) {
	items, err := s.regionsUnder(strings.TrimSpace(r.URL.Query().Get("parent")))
	if items == nil {
		items = []region.Region{}
	}
	return regionList{Items: items}, err
}
