package web

import (
	"net/http"

	"naikkelas/internal/apperr"
)

// programNew shows an empty programme form with the default weights and
// completion rules filled in.
func (s *Server) programNew(w http.ResponseWriter, r *http.Request) error {
	if !actor(r).IsOfficer() {
		return apperr.New(apperr.Forbidden, "Hanya petugas dinas yang dapat membuat program")
	}
	f := s.newProgramForm(r)
	d := s.programFormFrom(r, &defaultProgram)
	d.Values["name"], d.Values["starts_on"], d.Values["ends_on"], d.Values["version"] = "", "", "", "0"
	f.Values, f.Multi, f.Funding = d.Values, d.Multi, d.Funding
	s.render(w, r, http.StatusOK, "program_form", page{Title: "Program baru", Active: "programs", Data: f})
	return nil
}

// programCreate saves a new programme and opens its page.
func (s *Server) programCreate(w http.ResponseWriter, r *http.Request) error {
	p, f, err := s.parseProgramForm(r)
	if err == nil {
		p, err = s.Programs.Create(r.Context(), actor(r), p)
	}
	if err != nil {
		return s.programFormError(w, r, f, err, "Program baru")
	}
	http.Redirect(w, r, "/program/"+itoa64(p.ID), http.StatusSeeOther)
	return nil
}

// programEdit shows the form for an existing programme.
func (s *Server) programEdit(w http.ResponseWriter, r *http.Request, id int64) error {
	if !actor(r).IsOfficer() {
		return apperr.New(apperr.Forbidden, "Hanya petugas dinas yang dapat mengubah program")
	}
	p, err := s.Programs.Get(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "program_form", page{Title: "Ubah program", Active: "programs", Data: s.programFormFrom(r, p)})
	return nil
}

// programUpdate saves an edited programme.
func (s *Server) programUpdate(w http.ResponseWriter, r *http.Request, id int64) error {
	p, f, err := s.parseProgramForm(r)
	if err == nil {
		p.ID = id
		_, err = s.Programs.Update(r.Context(), actor(r), p)
	}
	if err != nil {
		if f != nil {
			f.ID = id
		}
		return s.programFormError(w, r, f, err, "Ubah program")
	}
	http.Redirect(w, r, "/program/"+itoa64(id), http.StatusSeeOther)
	return nil
}

// programFormError shows the form again with the messages, keeping what
// the user typed. Errors that are not about a field go to the error page.
func (s *Server) programFormError(w http.ResponseWriter, r *http.Request, f *programForm, err error, title string) error {
	code := apperr.CodeOf(err)
	if f == nil || (code != apperr.Invalid && code != apperr.Conflict) {
		return err
	}
	f.mergeErrors(err)
	s.render(w, r, statusOf(code), "program_form", page{Title: title, Active: "programs", Data: f})
	return nil
}
