package web

import (
	"net/http"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/planner"
)

type coveragePlanView struct {
	Plan      *planner.Plan
	Groups    []planner.Group
	Scenarios []scenarioPlan
	CanSave   bool
	Query     string
	Errors    map[string]string
	notice
}

// coveragePlanShow is the planner page: a scenario's outlook per kecamatan,
// and the saved scenarios side by side.
func (s *Server) coveragePlanShow(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	v := coveragePlanView{Groups: planner.Groups, CanSave: a.Role == auth.Admin || a.Role == auth.Pimpinan,
		Query: r.URL.RawQuery, notice: noticeOf(r)}
	p, err := planner.ParseParams(r.URL.Query())
	status := http.StatusOK
	if fe := apperr.FieldsOf(err); len(fe) > 0 {
		v.Errors, status, p = fe, http.StatusUnprocessableEntity, planner.Params{}
	} else if err != nil {
		return err
	}
	if v.Plan, err = s.Planner.Plan(r.Context(), a, p); err != nil {
		return err
	}
	list, plans, err := s.Planner.Scenarios(r.Context(), a)
	if err != nil {
		return err
	}
	for i := range list {
		v.Scenarios = append(v.Scenarios, scenarioPlan{Scenario: list[i], Plan: plans[i]})
	}
	s.render(w, r, status, "coverage_plan", page{Title: "Rencana cakupan", Active: "programs", Data: v})
	return nil
}

// coveragePlanSave saves the scenario of the form under a name.
func (s *Server) coveragePlanSave(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return apperr.New(apperr.Invalid, "Formulir tidak terbaca")
	}
	p, err := planner.ParseParams(r.PostForm)
	if err == nil {
		_, err = s.Planner.Save(r.Context(), actor(r), &planner.Scenario{Params: p, Name: r.PostForm.Get("name")})
	}
	return s.back(w, r, "/cakupan/rencana", "Skenario disimpan.", fieldsMessage(err))
}

// coveragePlanDelete removes a saved scenario.
func (s *Server) coveragePlanDelete(w http.ResponseWriter, r *http.Request, id int64) error {
	err := s.Planner.Delete(r.Context(), actor(r), id)
	if apperr.Is(err, apperr.NotFound) {
		return err
	}
	return s.back(w, r, "/cakupan/rencana", "Skenario dihapus.", err)
}
