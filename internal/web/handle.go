package web

import "net/http"

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
