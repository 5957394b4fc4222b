package web

import (
	"net/http"
	"strconv"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/funding"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/programs"
)

type fundingView struct {
	Year        int
	Years       []int
	Stats       *funding.Stats
	Commitments []funding.Commitment
	Costs       []funding.ProgramCost
	Partners    []programs.Partner // for the admin's form
	Admin       bool
	ThisYear    int
	notice
}

// fundingShow is the ledger page: per partner and year committed,
// realised, allocated and unspent, the commitments, and programme costs.
func (s *Server) fundingShow(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	year, err := yearParam(r)
	if err != nil {
		return err
	}
	v := fundingView{Year: year, Admin: a.Role == auth.Admin, ThisYear: idfmt.Year(s.Now()),
		notice: noticeOf(r)}
	if v.Stats, err = s.Funding.Stats(r.Context(), a, year); err != nil {
		return err
	}
	if v.Commitments, err = s.Funding.AllCommitments(r.Context(), a, year); err != nil {
		return err
	}
	if v.Costs, err = s.Funding.ProgramCosts(r.Context(), a, year); err != nil {
		return err
	}
	for y := v.ThisYear + 1; y >= v.ThisYear-4; y-- {
		v.Years = append(v.Years, y)
	}
	if v.Admin {
		if v.Partners, err = s.Programs.Partners(r.Context(), a); err != nil {
			return err
		}
	}
	s.render(w, r, http.StatusOK, "funding", page{Title: "Dana mitra", Active: "funding", Data: v})
	return nil
}

// commitmentCreate books a partner's commitment from the ledger page's form.
func (s *Server) commitmentCreate(w http.ResponseWriter, r *http.Request) error {
	partnerID, _ := strconv.ParseInt(r.FormValue("partner_id"), 10, 64)
	amount, _ := idfmt.ParseRupiah(r.FormValue("amount"))
	year, _ := strconv.Atoi(r.FormValue("year"))
	c := &funding.Commitment{Kind: r.FormValue("kind"), Amount: amount, Year: year, Reference: r.FormValue("reference"),
		Description: r.FormValue("description"), StartsOn: r.FormValue("starts_on"), EndsOn: r.FormValue("ends_on")}
	_, err := s.Funding.Commit(r.Context(), actor(r), partnerID, c)
	if apperr.Is(err, apperr.NotFound) {
		err = apperr.New(apperr.Invalid, "Pilih mitra yang ada")
	}
	return s.back(w, r, "/dana", "Komitmen dicatat.", fieldsMessage(err))
}
