package web

import (
	"net/http"

	"naikkelas/internal/planner"
)

func (s *Server) apiCoveragePlan(r *http.Request) (any, error) {
	p, err := planner.ParseParams(r.URL.Query())
	if err != nil {
		return nil, err
	}
	return s.Planner.Plan(r.Context(), actor(r), p)
}

type scenarioPlan struct {
	planner.Scenario
	Plan *planner.Plan `json:"plan"`
}

func (s *Server) apiScenarioList(r *http.Request) (any, error) {
	list, plans, err := s.Planner.Scenarios(r.Context(), actor(r))
	if err != nil {
		return nil, err
	}
	out := itemList[scenarioPlan]{Items: make([]scenarioPlan, len(list))}
	for i := range list {
		out.Items[i] = scenarioPlan{Scenario: list[i], Plan: plans[i]}
	}
	return out, nil
}

// planSchemas are the schemas of the coverage planner.
func planSchemas() map[string]any {
	years := map[string]any{"type": "integer", "nullable": true}
	num := map[string]any{"type": "number"}
	return map[string]any{
		"AreaPlan": obj(map[string]any{"code": str, "name": str, "businesses": integer, "trained": integer, "remaining": integer,
			"pace": num, "years": years, "behind": map[string]any{"type": "boolean"}}),
		"CoveragePlan": obj(map[string]any{"cost_per_participant": integer, "cohort_size": integer, "extra_per_year": integer,
			"group": str, "group_label": str, "cost_source": enum("given", "ledger", "default"), "year": integer, "committed": integer,
			"budget": integer, "cohorts": integer, "places_per_year": integer, "businesses": integer, "trained": integer,
			"remaining": integer, "years": years, "finish_year": years, "districts": arrayOf("AreaPlan")}),
		"ScenarioInput": obj(map[string]any{"name": str, "cost_per_participant": integer, "cohort_size": integer,
			"extra_per_year": integer, "group": str}, "name"),
		"Scenario": obj(map[string]any{"id": integer, "name": str, "cost_per_participant": integer, "cohort_size": integer,
			"extra_per_year": integer, "group": str, "created_by": str, "created_at": instant}),
		"ScenarioList": obj(map[string]any{"items": map[string]any{"type": "array", "items": map[string]any{
			"allOf": []any{ref("Scenario"), obj(map[string]any{"plan": ref("CoveragePlan")})}}}}, "items"),
	}
}
