package web

import (
	"net/http"

	"naikkelas/internal/programs"
)

type reportView struct {
	P   *programs.Program
	Rep *programs.Report
}

// pathReport computes the report of the programme named by the {id} path
// value, as the request's actor may see it.
func (s *Server) pathReport(r *http.Request) (*programs.Program, *programs.Report, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, nil, err
	}
	return s.Programs.Report(r.Context(), actor(r), id)
}

// programReport shows a programme's results and links the XLSX export.
func (s *Server) programReport(w http.ResponseWriter, r *http.Request) error {
	p, rep, err := s.pathReport(r)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "program_report", page{Title: "Laporan " + p.Name, Active: "programs", Data: reportView{p, rep}})
	return nil
}
