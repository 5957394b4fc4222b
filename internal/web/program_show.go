package web

import (
	"net/http"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
)

// defaultProgram holds the defaults a new programme form starts from.
var defaultProgram = func() programs.Program {
	p := programs.Program{Kind: programs.KindPelatihan, Capacity: 50, MaxPerDistrict: 5, MinDistricts: 10}
	p.Normalize()
	return p
}()

type programShowView struct {
	P         *programs.Program
	Officer   bool
	Office    bool
	Owner     bool
	Moves     []string
	MyApp     *programs.Application
	NotYet    []string // why the owner's business may not apply (empty: it may)
	Partners  map[int64]string
	CostEach  int64
	Funding   int64
	Applied   int
	Selection *programs.SelectionRecord
}

// programShow is a programme's page: its settings, life-cycle buttons, and
// for an owner the application button.
func (s *Server) programShow(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	p, err := s.pathProgram(r)
	if err != nil {
		return err
	}
	id := p.ID
	if a.Role == auth.Owner && p.Status == programs.StatusDraft {
		return apperr.New(apperr.NotFound, "Program tidak ditemukan")
	}
	v := programShowView{P: p, Officer: a.IsOfficer(), Office: a.IsOfficer() || a.Role == auth.Pimpinan,
		Owner: a.Role == auth.Owner, Partners: map[int64]string{}, Funding: p.FundingTotal(), CostEach: p.CostPerParticipant(0)}
	for _, to := range []string{programs.StatusDraft, programs.StatusOpen, programs.StatusSelected, programs.StatusRunning, programs.StatusFinished} {
		if programs.CanMove(p.Status, to) {
			v.Moves = append(v.Moves, to)
		}
	}
	if v.Office {
		pts, _ := s.Programs.Partners(r.Context(), a)
		for _, pt := range pts {
			v.Partners[pt.ID] = pt.Name
		}
		apps, err := s.Programs.Applications(r.Context(), a, id)
		if err != nil {
			return err
		}
		v.Applied = len(apps)
		_, v.Selection, _ = s.Programs.Selection(r.Context(), a, id)
	}
	if v.Owner && a.BusinessID != 0 {
		if apps, err := s.Programs.Applications(r.Context(), a, id); err == nil && len(apps) > 0 {
			v.MyApp = &apps[0]
		} else if p.Status == programs.StatusOpen {
			if v.NotYet, err = s.Programs.Precheck(r.Context(), a, id); err != nil {
				return err
			}
		}
	}
	s.render(w, r, http.StatusOK, "program_show", page{Title: p.Name, Active: "programs", Data: v})
	return nil
}

// programMove moves a programme along its life cycle from the page.
func (s *Server) programMove(w http.ResponseWriter, r *http.Request, id int64) error {
	if _, err := s.Programs.Move(r.Context(), actor(r), id, r.FormValue("status")); err != nil {
		return err
	}
	http.Redirect(w, r, "/program/"+itoa64(id), http.StatusSeeOther)
	return nil
}

// programApply lets an owner apply with its own business.
func (s *Server) programApply(w http.ResponseWriter, r *http.Request, id int64) error {
	a := actor(r)
	if a.Role != auth.Owner {
		return apperr.New(apperr.Forbidden, "Hanya pemilik usaha yang mendaftar sendiri; petugas memakai nominasi")
	}
	if _, err := s.Programs.Apply(r.Context(), a, id, a.BusinessID); err != nil {
		return err
	}
	http.Redirect(w, r, "/program/"+itoa64(id), http.StatusSeeOther)
	return nil
}

// pathProgram loads the programme named by the {id} path value, as the
// request's actor may see it: a bad id is NotFound.
func (s *Server) pathProgram(r *http.Request) (*programs.Program, error) {
	return callByPathID(r, s.Programs.Get)
}

// pathProgress loads the programme named by the {id} path value with the
// attendance, tests and completion of the participants the actor may see.
func (s *Server) pathProgress(r *http.Request) (*programs.Program, []programs.Progress, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, nil, err
	}
	return s.Programs.Progress(r.Context(), actor(r), id)
}
