package web

import (
	"net/http"

	"naikkelas/internal/apperr"
)

var errReadOnly = apperr.New(apperr.Forbidden, "Peran Anda hanya boleh membaca data")

// businessEdit shows the edit form filled from the stored record.
func (s *Server) businessEdit(w http.ResponseWriter, r *http.Request) error {
	b, err := s.pathBusinessIf(r, actor(r).CanWrite(), errReadOnly)
	if err != nil {
		return err
	}
	s.renderForm(w, r, http.StatusOK, formFrom(b))
	return nil
}

// businessUpdate saves the edit form. A stale version re-shows the form
// with a 409 message and the user's input, overwriting nothing.
func (s *Server) businessUpdate(w http.ResponseWriter, r *http.Request) error {
	cur, err := s.pathBusinessIf(r, actor(r).CanWrite(), errReadOnly)
	if err != nil {
		return err // out of area is 404 before anything is parsed
	}
	id := cur.ID
	b, f, err := parseBusinessForm(r)
	if err != nil {
		return err
	}
	b.ID, f.ID = id, id
	if len(f.Errors) > 0 {
		s.renderForm(w, r, http.StatusUnprocessableEntity, s.withRuleErrors(f, b))
		return nil
	}
	if _, err := s.Registry.Update(r.Context(), actor(r), b); err != nil {
		return s.formError(w, r, f, err)
	}
	http.Redirect(w, r, "/usaha/"+itoa64(id)+"?pesan=tersimpan", http.StatusSeeOther)
	return nil
}
