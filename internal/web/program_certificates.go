package web

import (
	"net/http"

	"naikkelas/internal/programs"
)

type certificatesView struct {
	P    *programs.Program
	Rows []programs.Progress
	Done int
}

// programCertificates lists participants with a link to each certificate
// of those who completed, and the ZIP of all of them.
func (s *Server) programCertificates(w http.ResponseWriter, r *http.Request) error {
	p, prog, err := s.pathProgress(r)
	if err != nil {
		return err
	}
	v := certificatesView{P: p, Rows: prog}
	for _, pr := range prog {
		if pr.Completed {
			v.Done++
		}
	}
	s.render(w, r, http.StatusOK, "program_certificates", page{Title: "Sertifikat " + p.Name, Active: "programs", Data: v})
	return nil
}
