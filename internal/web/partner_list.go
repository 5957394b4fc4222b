package web

import (
	"net/http"

	"naikkelas/internal/auth"
	"naikkelas/internal/market"
	"naikkelas/internal/programs"
)

type partnerView struct {
	Items        []programs.Partner
	Kinds        []string
	Officer      bool
	Admin        bool // may change a retailer's requirements
	Requirements []market.Requirement
	notice
}

// partnerList shows partners with the add form.
func (s *Server) partnerList(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	items, err := s.Programs.Partners(r.Context(), a)
	if err != nil {
		return err
	}
	v := partnerView{Items: items, Kinds: programs.FundingKinds, Officer: a.IsOfficer(),
		Admin: a.Role == auth.Admin, Requirements: market.RequirementCatalogue,
		notice: noticeOf(r)}
	s.render(w, r, http.StatusOK, "partner_list", page{Title: "Mitra", Active: "programs", Data: v})
	return nil
}

// partnerCreate adds a partner.
func (s *Server) partnerCreate(w http.ResponseWriter, r *http.Request) error {
	pt := &programs.Partner{Name: r.FormValue("name"), Kind: r.FormValue("kind"), Contact: r.FormValue("contact")}
	_, err := s.Programs.SavePartner(r.Context(), actor(r), pt)
	return s.back(w, r, "/mitra", "Mitra "+pt.Name+" ditambahkan.", firstFieldError(err))
}

// partnerDelete removes a partner.
func (s *Server) partnerDelete(w http.ResponseWriter, r *http.Request, id int64) error {
	err := s.Programs.DeletePartner(r.Context(), actor(r), id)
	return s.back(w, r, "/mitra", "Mitra dihapus.", err)
}
