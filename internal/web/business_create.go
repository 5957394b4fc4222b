package web

import (
	"net/http"

	"naikkelas/internal/apperr"
	"naikkelas/internal/registry"
)

var errCannotCreate = apperr.New(apperr.Forbidden, "Peran Anda tidak boleh menambah data usaha")

// businessNew shows an empty create form.
func (s *Server) businessNew(w http.ResponseWriter, r *http.Request) error {
	if !actor(r).IsOfficer() {
		return errCannotCreate
	}
	f := &businessForm{Values: map[string]string{"halal_status": registry.HalalNone}, Errors: map[string]string{}}
	s.renderForm(w, r, http.StatusOK, f)
	return nil
}

// businessCreate saves a new business, or shows the form again with every
// field message and everything the user typed.
func (s *Server) businessCreate(w http.ResponseWriter, r *http.Request) error {
	if !actor(r).IsOfficer() {
		return errCannotCreate
	}
	b, f, err := parseBusinessForm(r)
	if err != nil {
		return err
	}
	if len(f.Errors) > 0 {
		s.renderForm(w, r, http.StatusUnprocessableEntity, s.withRuleErrors(f, b))
		return nil
	}
	out, err := s.Registry.Create(r.Context(), actor(r), b)
	if err != nil {
		return s.formError(w, r, f, err)
	}
	http.Redirect(w, r, "/usaha/"+itoa64(out.ID)+"?pesan=tersimpan", http.StatusSeeOther)
	return nil
}

// withRuleErrors adds the domain's validation messages to a form that
// already failed to parse, so the user sees every problem at once.
func (s *Server) withRuleErrors(f *businessForm, b *registry.Business) *businessForm {
	c := *b
	c.Normalize()
	f.mergeErrors(apperr.Validation(c.Validate(s.Registry.Regions, s.Registry.Jurisdiction, s.Now())))
	return f
}

// formError re-renders the form for validation and conflict errors, and
// hands anything else (not found, forbidden, internal) to fail.
func (s *Server) formError(w http.ResponseWriter, r *http.Request, f *businessForm, err error) error {
	switch apperr.CodeOf(err) {
	case apperr.Invalid, apperr.Conflict:
		f.mergeErrors(err)
		s.renderForm(w, r, statusOf(apperr.CodeOf(err)), f)
		return nil
	}
	return err
}

func (s *Server) renderForm(w http.ResponseWriter, r *http.Request, status int, f *businessForm) {
	title := "Tambah usaha"
	if f.ID != 0 {
		title = "Ubah data usaha"
	}
	s.render(w, r, status, "business_form", page{Title: title, Active: "list", Data: s.finish(r, f)})
}
