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
