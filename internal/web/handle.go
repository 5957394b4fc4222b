package web

import (
	"context"
	"net/http"

	"naikkelas/internal/auth"
)

// pageHandler is a handler that returns its failure instead of writing it,
// as an API answer does: a failed step is `return err`.
type pageHandler func(w http.ResponseWriter, r *http.Request) error

// handle adapts a page handler to a route: a failure goes through fail (an
// error page, or JSON for an API client), in one place.
func (s *Server) handle(h pageHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	}
}

// handleByID is handle for a route with {id}: it reads the id first (a bad
// one is NotFound) and gives it to the handler.
func (s *Server) handleByID(h func(w http.ResponseWriter, r *http.Request, id int64) error) http.HandlerFunc {
	return s.handle(func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r)
		if err != nil {
			return err
		}
		return h(w, r, id)
	})
}

// doThenSee is a page's action on the record of its {id}: the service's
// call for the caller, then the page at path (a failure goes to the error page).
func doThenSee[T any](path string, call func(context.Context, auth.Actor, int64) (T, error)) func(http.ResponseWriter, *http.Request, int64) error {
	return func(w http.ResponseWriter, r *http.Request, id int64) error {
		if _, err := call(r.Context(), actor(r), id); err != nil {
			return err
		}
		http.Redirect(w, r, path, http.StatusSeeOther)
		return nil
	}
}
