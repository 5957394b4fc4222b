package web

import (
	"net/http"
	"net/url"
	"strings"

	"naikkelas/internal/apperr"
)

// notice is what back leaves for the page it returns to, in the query: the
// message of a step that went through (?pesan=) or of one refused (?galat=).
type notice struct {
	Message, Error string
}

// noticeOf reads the notice back left in the query.
func noticeOf(r *http.Request) notice {
	q := r.URL.Query()
	return notice{Message: q.Get("pesan"), Error: q.Get("galat")}
}

// back redirects to a page with a message, or with the error's
// message when the input was refused (Invalid, Conflict). Other errors
// (forbidden, out of area) are returned, for the error page with their status.
// A #fragment of path stays last, after the message.
func (s *Server) back(w http.ResponseWriter, r *http.Request, path, msg string, err error) error {
	path, fragment, _ := strings.Cut(path, "#")
	if fragment != "" {
		fragment = "#" + fragment
	}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	if err != nil {
		code := apperr.CodeOf(err)
		if code != apperr.Invalid && code != apperr.Conflict {
			return err
		}
		http.Redirect(w, r, path+sep+"galat="+url.QueryEscape(apperr.MessageOf(err))+fragment, http.StatusSeeOther)
		return nil
	}
	http.Redirect(w, r, path+sep+"pesan="+url.QueryEscape(msg)+fragment, http.StatusSeeOther)
	return nil
}
