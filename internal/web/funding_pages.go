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

type commitmentView struct {
	*funding.CommitmentDetail
	Programs []programs.Program // for the admin's allocation form
	Admin    bool
	Today    string
	notice
}

// commitmentShow is one commitment with its realisations and allocations,
// and for the admin the forms to add them.
func (s *Server) commitmentShow(w http.ResponseWriter, r *http.Request, id int64) error {
	a := actor(r)
	d, err := s.Funding.Commitment(r.Context(), a, id)
	if err != nil {
		return err
	}
	v := commitmentView{CommitmentDetail: d, Admin: a.Role == auth.Admin, Today: idfmt.Day(s.Now()),
		notice: noticeOf(r)}
	if v.Admin {
		if v.Programs, _, err = s.Programs.List(r.Context(), a, programs.ProgramFilter{PerPage: 500}); err != nil {
			return err
		}
	}
	s.render(w, r, http.StatusOK, "commitment", page{Title: "Komitmen " + d.PartnerName, Active: "funding", Data: v})
	return nil
}

// realisationCreate records value received against a commitment.
func (s *Server) realisationCreate(w http.ResponseWriter, r *http.Request, id int64) error {
	amount, _ := idfmt.ParseRupiah(r.FormValue("amount"))
	in := &funding.Realisation{Amount: amount, Date: r.FormValue("date"), Note: r.FormValue("note")}
	_, err := s.Funding.Realise(r.Context(), actor(r), id, in)
	return s.back(w, r, "/dana/komitmen/"+itoa64(id), "Realisasi "+idfmt.Rupiah(amount)+" dicatat.", fieldsMessage(err))
}

// allocationCreate gives realised value of a commitment to a programme.
func (s *Server) allocationCreate(w http.ResponseWriter, r *http.Request, id int64) error {
	amount, _ := idfmt.ParseRupiah(r.FormValue("amount"))
	programID, _ := strconv.ParseInt(r.FormValue("program_id"), 10, 64)
	in := &funding.Allocation{CommitmentID: id, Amount: amount, Note: r.FormValue("note")}
	_, err := s.Funding.Allocate(r.Context(), actor(r), programID, in)
	if apperr.Is(err, apperr.NotFound) {
		err = apperr.New(apperr.Invalid, "Pilih program yang ada")
	}
	return s.back(w, r, "/dana/komitmen/"+itoa64(id), "Alokasi "+idfmt.Rupiah(amount)+" dicatat.", fieldsMessage(err))
}
