package web

import (
	"net/http"

	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
)

type programListView struct {
	Items   []programs.Program
	Status  string
	Officer bool
	Office  bool
}

// programList is the programme list page.
func (s *Server) programList(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	st := r.URL.Query().Get("status")
	items, _, err := s.Programs.List(r.Context(), a, programs.ProgramFilter{Status: st, PerPage: 500})
	if err != nil {
		return err
	}
	v := programListView{Items: items, Status: st, Officer: a.IsOfficer(), Office: a.IsOfficer() || a.Role == auth.Pimpinan}
	s.render(w, r, http.StatusOK, "program_list", page{Title: "Program pembinaan", Active: "programs", Data: v})
	return nil
}
