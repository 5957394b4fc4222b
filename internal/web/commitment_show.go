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
