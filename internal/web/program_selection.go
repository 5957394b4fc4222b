package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
)

// pageListCap bounds the not-selected and ineligible tables of the page;
// GET /api/v1/programs/{id}/selection holds every applicant.
const pageListCap = 300

// selectionRow is one applicant in the explained result.
type selectionRow struct {
	programs.Ranked
	Name string
}

type selectionView struct {
	P                                *programs.Program
	Res                              *programs.Result
	Rec                              *programs.SelectionRecord
	Selected, Reserve, Out, Withdrew []selectionRow
	Ineligible                       []programs.Rejected
	MoreOut, MoreIneligible          int // rows left off the page (the API has them all)
	Names                            map[int64]string
	Officer                          bool
	Message, Error                   string
}

// programSelection shows the selection with the explanation of every
// applicant (office only), and the run, lock and publish buttons.
func (s *Server) programSelection(w http.ResponseWriter, r *http.Request) {
	a := actor(r)
	p, err := s.pathProgram(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	id := p.ID
	v := selectionView{P: p, Officer: a.IsOfficer(), Names: map[int64]string{}, Message: r.URL.Query().Get("pesan"),
		Error: r.URL.Query().Get("galat")}
	res, rec, err := s.Programs.Selection(r.Context(), a, id)
	if err != nil && !apperr.Is(err, apperr.NotFound) {
		s.fail(w, r, err)
		return
	}
	if res != nil {
		apps, err := s.Programs.Applications(r.Context(), a, id)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, ap := range apps {
			v.Names[ap.BusinessID] = ap.BusinessName
		}
		rows := func(list []programs.Ranked) []selectionRow {
			out := make([]selectionRow, len(list))
			for i, x := range list {
				out[i] = selectionRow{x, v.Names[x.BusinessID]}
			}
			return out
		}
		v.Res, v.Rec = res, rec
		v.Selected, v.Reserve, v.Withdrew = rows(res.Selected), rows(res.Reserve), rows(res.Withdrawn)
		v.Out, v.Ineligible = rows(res.NotSelected[:min(len(res.NotSelected), pageListCap)]), res.Ineligible[:min(len(res.Ineligible), pageListCap)]
		v.MoreOut, v.MoreIneligible = len(res.NotSelected)-len(v.Out), len(res.Ineligible)-len(v.Ineligible)
	}
	s.render(w, r, http.StatusOK, "program_selection", page{Title: "Seleksi " + p.Name, Active: "programs", Data: v})
}

// programSelectionRun runs the selection from the page (optional seed).
func (s *Server) programSelectionRun(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var seed *int64
	if v := strings.TrimSpace(r.FormValue("seed")); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			s.back(w, r, fmt.Sprintf("/program/%d/seleksi", id), "", apperr.New(apperr.Invalid, "Seed harus bilangan bulat"))
			return
		}
		seed = &n
	}
	res, err := s.Programs.RunSelection(r.Context(), actor(r), id, seed)
	if apperr.Is(err, apperr.Forbidden) {
		s.fail(w, r, err)
		return
	}
	msg := ""
	if res != nil {
		msg = fmt.Sprintf("Seleksi selesai: %d terpilih dari %d kecamatan, %d cadangan.", len(res.Selected), res.DistrictsCovered, len(res.Reserve))
	}
	s.back(w, r, fmt.Sprintf("/program/%d/seleksi", id), msg, err)
}

// programSelectionLock locks the result.
func (s *Server) programSelectionLock(w http.ResponseWriter, r *http.Request) {
	s.selectionPageStep(w, r, "Hasil seleksi dikunci.", s.Programs.LockSelection)
}

// programSelectionPublish publishes the locked result.
func (s *Server) programSelectionPublish(w http.ResponseWriter, r *http.Request) {
	s.selectionPageStep(w, r, "Hasil seleksi diumumkan.", s.Programs.PublishSelection)
}

func (s *Server) selectionPageStep(w http.ResponseWriter, r *http.Request, msg string,
	step func(context.Context, auth.Actor, int64) (*programs.SelectionRecord, error)) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	_, err = step(r.Context(), actor(r), id)
	if apperr.Is(err, apperr.Forbidden) {
		s.fail(w, r, err)
		return
	}
	s.back(w, r, fmt.Sprintf("/program/%d/seleksi", id), msg, err)
}
