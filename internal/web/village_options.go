package web

import (
	"net/http"

	"naikkelas/internal/region"
)

type villageOptions struct {
	Villages []region.Region
	Selected string
	Empty    string // label of the empty option
}

// villageOptions answers the kecamatan select's htmx request with the
// <option>s of its desa, so that the desa list follows the kecamatan.
func (s *Server) villageOptions(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	empty := "Semua desa"
	if q.Get("for") == "form" {
		empty = "— pilih desa —"
	}
	s.renderPartial(w, r, http.StatusOK, "", "village_options", villageOptions{
		Villages: s.villagesFor(actor(r), q.Get("district")),
		Selected: q.Get("selected"),
		Empty:    empty,
	})
}
