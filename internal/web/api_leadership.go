package web

import (
	"io"
	"net/http"
	"strings"

	"naikkelas/internal/leadership"
)

// apiLeadershipReport serves "Laporan Pimpinan" as a PDF; the home page's
// button links here.
func (s *Server) apiLeadershipReport(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	d, err := s.Leadership.Build(r.Context(), actor(r), leadership.Query{From: q.Get("from"), To: q.Get("to"), District: q.Get("district")})
	if err != nil {
		return err
	}
	name := "laporan-pimpinan-" + d.From + "-" + d.To
	if d.District != "" {
		name += "-" + strings.ReplaceAll(d.District, ".", "")
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Last-Modified", d.GeneratedAt.UTC().Format(http.TimeFormat))
	return servePDF(w, name, func(out io.Writer) error { return leadership.Render(out, d) })
}
