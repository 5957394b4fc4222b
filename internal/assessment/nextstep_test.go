package assessment

import (
	"context"
	"testing"
)

// openPrograms is a ProgramFacts holding only open programmes.
type openPrograms []ProgramRef

func (o openPrograms) ProgramCohort(context.Context, int64) (*Cohort, error)        { return nil, nil }
func (o openPrograms) ProgramEvents(context.Context, int64) ([]ProgramEvent, error) { return nil, nil }
func (o openPrograms) ProgramRefs(context.Context, string) ([]ProgramRef, error)    { return o, nil }

// Each next step links only to open programmes of its own topic: an SPP-IRT
// or NIB step never to a halal programme, marketing never to a packaging
// course; a programme is named once, on the first step it coaches; a step
// stored with the older, broader topic is matched by its question's topic.
func TestNextStepsMatchProgrammeTopics(t *testing.T) {
	in := Current()
	a := answersAt(in, 1, map[string]string{"leg_nib": "tidak", "leg_izin_edar": "tidak", "leg_halal": "tidak",
		"pas_jangkauan": answersAt(in, 0, nil)["pas_jangkauan"], "pas_saluran": answersAt(in, 0, nil)["pas_saluran"],
		"lbl_komposisi": "tidak", "kms_mutu": answersAt(in, 0, nil)["kms_mutu"]})
	scores, _ := in.Score(a)
	recs := in.Recommend(a, scores, Facts{})
	for i := range recs {
		if recs[i].Question == "leg_izin_edar" {
			recs[i].Topic = "legalitas" // as stored before izin_edar had its own topic
		}
	}
	halal := ProgramRef{ID: 1, Name: "Fasilitasi Halal", Topics: []string{"halal"}}
	pack := ProgramRef{ID: 2, Name: "Pelatihan Kemasan", Topics: []string{"kemasan_label"}}
	market := ProgramRef{ID: 3, Name: "Strategi Pemasaran", Topics: []string{"pemasaran"}}
	clinic := ProgramRef{ID: 4, Name: "Klinik NIB", Topics: []string{"legalitas"}}
	svc := &Service{Programs: openPrograms{halal, pack, market, clinic}}
	if err := svc.AttachPrograms(context.Background(), in, recs); err != nil {
		t.Fatal(err)
	}
	seen, steps := map[int64]int{}, map[string]bool{}
	for _, r := range recs {
		steps[r.Question] = true
		for _, p := range r.Programs {
			seen[p.ID]++
			if !containsTopic(p.Topics, r.Topic) {
				t.Errorf("step %q (%s) links to %s %v", r.Text, r.Topic, p.Name, p.Topics)
			}
		}
		switch r.Question {
		case "leg_izin_edar":
			if r.Topic != "izin_edar" || len(r.Programs) != 0 {
				t.Errorf("SPP-IRT step: topic %q, programmes %v", r.Topic, r.Programs)
			}
		case "leg_nib":
			if r.Topic != "legalitas" {
				t.Errorf("NIB step topic %q", r.Topic)
			}
		}
	}
	if !steps["leg_nib"] || !steps["leg_izin_edar"] || !steps["leg_halal"] {
		t.Fatalf("the legal steps are not all there: %+v", recs)
	}
	for id, n := range seen {
		if n > 1 {
			t.Errorf("programme %d named %d times", id, n)
		}
	}
	if seen[halal.ID] != 1 || seen[pack.ID] != 1 || seen[market.ID] != 1 {
		t.Errorf("programmes named: %v (recommendations %+v)", seen, recs)
	}
}

func containsTopic(topics []string, t string) bool {
	for _, x := range topics {
		if x == t {
			return true
		}
	}
	return false
}

// The result names the level above and each of its thresholds still unmet.
func TestNextLevelOf(t *testing.T) {
	in := Current()
	low := map[string]int{"produksi": 40, "pemasaran": 40, "kemasan_label": 40, "legalitas": 40, "keuangan": 40, "manajemen_sdm": 40}
	next := in.NextLevelOf(low) // level 2 (average 40 ≥ 35, produksi ≥ 30); level 3 needs 55 and more
	if next == nil || next.Level != 3 || next.Name != "Mapan" {
		t.Fatalf("next level of %v: %+v", low, next)
	}
	want := []string{"rata-rata skor 40, perlu minimal 55", "skor Produksi 40, perlu minimal 50"}
	if len(next.Missing) != 2 || next.Missing[0] != want[0] || next.Missing[1] != want[1] {
		t.Errorf("missing %q, want %q", next.Missing, want)
	}
	// A high average held back by one key dimension names only that one.
	held := map[string]int{"produksi": 90, "pemasaran": 90, "kemasan_label": 60, "legalitas": 90, "keuangan": 90, "manajemen_sdm": 90}
	next = in.NextLevelOf(held)
	if next == nil || next.Level != 4 || len(next.Missing) != 1 || next.Missing[0] != "skor Kemasan dan Label 60, perlu minimal 75" {
		t.Errorf("held back: %+v", next)
	}
	top := map[string]int{"produksi": 100, "pemasaran": 100, "kemasan_label": 100, "legalitas": 100, "keuangan": 100, "manajemen_sdm": 100}
	if next := in.NextLevelOf(top); next != nil {
		t.Errorf("top level has a next: %+v", next)
	}
}
