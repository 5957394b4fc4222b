package web

import (
	"net/http"

	"naikkelas/internal/programs"
)

type reportView struct {
	P   *programs.Program
	Rep *programs.Report
}

// programReport shows a programme's results and links the XLSX export.
func (s *Server) programReport(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, rep, err := s.Programs.Report(r.Context(), actor(r), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "program_report", page{Title: "Laporan " + p.Name, Active: "programs", Data: reportView{p, rep}})
}
