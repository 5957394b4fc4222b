package web

import (
	"net/http"

	"naikkelas/internal/auth"
	"naikkelas/internal/permits"
	"naikkelas/internal/region"
)

type permitListView struct {
	Expiry    *permits.Expiry
	Filter    permits.Filter
	Days      int
	Kinds     []string
	Districts []region.Region
}

// permitListPage lists the permits to renew in the caller's area: expired or
// expiring within the chosen days, counted per kecamatan.
func (s *Server) permitListPage(w http.ResponseWriter, r *http.Request) error {
	ex, q, err := s.permitExpiry(r)
	if err != nil {
		return err
	}
	v := permitListView{Expiry: ex, Filter: q.Filter, Days: q.Days, Kinds: permits.Kinds, Districts: s.districtsOf(actor(r))}
	s.render(w, r, http.StatusOK, "permit_list", page{Title: "Izin yang perlu diperpanjang", Active: "permits", Data: v})
	return nil
}

type halalPageView struct {
	Obligation *permits.Obligation
	Quotas     []permits.Quota
}

// halalPage shows the halal obligation per kecamatan and the SEHATI quotas.
func (s *Server) halalPage(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	ob, err := s.Permits.HalalObligation(r.Context(), a, r.URL.Query().Get("date"), "")
	if err != nil {
		return err
	}
	qs, err := s.Permits.Quotas(r.Context(), a, ob.Date)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "permit_halal", page{Title: "Kewajiban halal", Active: "permits", Data: halalPageView{Obligation: ob, Quotas: qs}})
	return nil
}

// districtsOf lists the kecamatan a filter may offer the actor.
func (s *Server) districtsOf(a auth.Actor) []region.Region {
	var out []region.Region
	for _, d := range region.All().Districts(s.Jurisdiction) {
		if a.Role != auth.Operator || a.InArea(d.Code) {
			out = append(out, d)
		}
	}
	return out
}
