package web

import (
	"net/http"

	"naikkelas/internal/apperr"
)

// programNew shows an empty programme form with the default weights and
// completion rules filled in.
func (s *Server) programNew(w http.ResponseWriter, r *http.Request) {
	if !actor(r).IsOfficer() {
		s.fail(w, r, apperr.New(apperr.Forbidden, "Hanya petugas dinas yang dapat membuat program"))
		return
	}
	f := s.newProgramForm(r)
	d := s.programFormFrom(r, &defaultProgram)
	d.Values["name"], d.Values["starts_on"], d.Values["ends_on"], d.Values["version"] = "", "", "", "0"
	f.Values, f.Multi, f.Funding = d.Values, d.Multi, d.Funding
	s.render(w, r, http.StatusOK, "program_form", page{Title: "Program baru", Active: "programs", Data: f})
}

// programCreate saves a new programme and opens its page.
func (s *Server) programCreate(w http.ResponseWriter, r *http.Request) {
	p, f, err := s.parseProgramForm(r)
	if err == nil {
		p, err = s.Programs.Create(r.Context(), actor(r), p)
	}
	if err != nil {
		s.programFormError(w, r, f, err, "Program baru")
		return
	}
	http.Redirect(w, r, "/program/"+itoa64(p.ID), http.StatusSeeOther)
}

// programEdit shows the form for an existing programme.
func (s *Server) programEdit(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !actor(r).IsOfficer() {
		s.fail(w, r, apperr.New(apperr.Forbidden, "Hanya petugas dinas yang dapat mengubah program"))
		return
	}
	p, err := s.Programs.Get(r.Context(), actor(r), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "program_form", page{Title: "Ubah program", Active: "programs", Data: s.programFormFrom(r, p)})
}

// programUpdate saves an edited programme.
func (s *Server) programUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, f, err := s.parseProgramForm(r)
	if err == nil {
		p.ID = id
		_, err = s.Programs.Update(r.Context(), actor(r), p)
	}
	if err != nil {
		if f != nil {
			f.ID = id
		}
		s.programFormError(w, r, f, err, "Ubah program")
		return
	}
	http.Redirect(w, r, "/program/"+itoa64(id), http.StatusSeeOther)
}

// programFormError shows the form again with the messages, keeping what
// the user typed. Errors that are not about a field go to the error page.
func (s *Server) programFormError(w http.ResponseWriter, r *http.Request, f *programForm, err error, title string) {
	code := apperr.CodeOf(err)
	if f == nil || (code != apperr.Invalid && code != apperr.Conflict) {
		s.fail(w, r, err)
		return
	}
	f.mergeErrors(err)
	s.render(w, r, statusOf(code), "program_form", page{Title: title, Active: "programs", Data: f})
}
