package web

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"testing"

	"naikkelas/internal/assessment"
	"naikkelas/internal/programs"
)

// TestSelectionNeedFromAssessment checks that the need criterion reads the
// latest assessment when there is one, and falls back to the size
// class when there is none.
func TestSelectionNeedFromAssessment(t *testing.T) {
	f := newFixture(t)
	in := assessment.Current()
	answers := map[string]string{}
	for _, d := range in.Dimensions {
		for _, q := range d.Questions {
			low := q.Options[0]
			for _, o := range q.Options {
				if o.Score < low.Score {
					low = o
				}
			}
			answers[q.ID] = low.ID
		}
	}
	raw, _ := json.Marshal(map[string]any{"answers": answers, "assessed_on": "2026-06-01"})
	f.call(t, "POST", fmt.Sprintf("/api/v1/businesses/%d/assessments", f.In.ID), "admin", string(raw), 201)
	dims, err := f.st.(programs.NeedSource).LatestDimensionScores(context.Background(), []int64{f.In.ID})
	if err != nil || dims[f.In.ID] == nil {
		t.Fatalf("need source: %v %v", dims, err)
	}

	p := f.call(t, "POST", "/api/v1/programs", "admin", programJSON, 201)
	base := fmt.Sprintf("/api/v1/programs/%d", int64(p["id"].(float64)))
	f.call(t, "PATCH", base, "admin", `{"status":"open"}`, 200)
	for _, id := range []int64{f.In.ID, f.Out.ID} {
		f.call(t, "POST", base+"/applications", "admin", fmt.Sprintf(`{"business_id":%d}`, id), 201)
	}
	res := f.call(t, "POST", base+"/selection", "admin", "", 200)
	need := map[int64]float64{}
	for _, x := range res["selected"].([]any) {
		m := x.(map[string]any)
		need[int64(m["business_id"].(float64))] = m["score_breakdown"].(map[string]any)["need"].(float64)
	}
	sum := 0.0
	for _, topic := range []string{"kemasan_label", "pemasaran"} {
		sum += dims[f.In.ID][topic]
	}
	want := math.Round(35*(1-sum/2/100)*100) / 100
	if need[f.In.ID] != want {
		t.Errorf("assessed business: need %v, want %v from its assessment %v", need[f.In.ID], want, dims[f.In.ID])
	}
	if need[f.Out.ID] != 28 { // mikro without assessment: 0.8 × 35
		t.Errorf("business without assessment: need %v, want 28 from its size class", need[f.Out.ID])
	}
}
