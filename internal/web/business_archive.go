package web

import (
	"net/http"

	"naikkelas/internal/apperr"
)

var errCannotArchive = apperr.New(apperr.Forbidden, "Peran Anda tidak boleh mengarsipkan data usaha")

// businessArchiveConfirm asks before archiving; it works without JavaScript.
func (s *Server) businessArchiveConfirm(w http.ResponseWriter, r *http.Request) error {
	b, err := s.pathBusinessIf(r, actor(r).IsOfficer(), errCannotArchive)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "business_archive", page{Title: "Arsipkan usaha", Active: "list", Data: b})
	return nil
}

// businessArchive archives; the business leaves lists and statistics.
func (s *Server) businessArchive(w http.ResponseWriter, r *http.Request, id int64) error {
	if err := s.Registry.Archive(r.Context(), actor(r), id); err != nil {
		return err
	}
	http.Redirect(w, r, "/usaha?diarsipkan="+itoa64(id), http.StatusSeeOther)
	return nil
}
