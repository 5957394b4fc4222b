package assessment

import (
	"fmt"
	"math"
	"sort"

	"naikkelas/internal/apperr"
)

// Result is what an instrument makes of a set of answers.
type Result struct {
	Scores          map[string]int   `json:"scores"` // dimension id → 0–100
	Average         int              `json:"average"`
	Level           int              `json:"level"`
	LevelName       string           `json:"level_name"`
	Recommendations []Recommendation `json:"recommendations"`
}

// ValidateAnswers checks that answers name only known questions and options
// and that every question is answered. It returns per-question Indonesian
// reasons, empty when the answers are complete and valid.
func (in *Instrument) ValidateAnswers(answers map[string]string) map[string]string {
	f := map[string]string{}
	for qid, oid := range answers {
		_, q := in.Question(qid)
		switch {
		case q == nil:
			f[qid] = fmt.Sprintf("Pertanyaan %q tidak ada di instrumen versi %s", qid, in.Version)
		case q.Option(oid) == nil:
			f[qid] = fmt.Sprintf("Pilihan %q tidak ada untuk pertanyaan ini", oid)
		}
	}
	for _, d := range in.Dimensions {
		for _, q := range d.Questions {
			if _, ok := answers[q.ID]; !ok {
				f[q.ID] = "Pertanyaan ini belum dijawab"
			}
		}
	}
	return f
}

// Score computes the dimension scores and the level of complete, valid
// answers (see ValidateAnswers). A dimension scores the sum of its chosen
// options' scores as a share of the highest possible sum, rounded to 0–100.
func (in *Instrument) Score(answers map[string]string) (map[string]int, int) {
	scores := make(map[string]int, len(in.Dimensions))
	for _, d := range in.Dimensions {
		got, most := 0, 0
		for i := range d.Questions {
			q := &d.Questions[i]
			most += q.MaxScore()
			if o := q.Option(answers[q.ID]); o != nil {
				got += o.Score
			}
		}
		if most > 0 {
			scores[d.ID] = int(math.Round(100 * float64(got) / float64(most)))
		}
	}
	return scores, in.LevelOf(scores)
}

// Average is the rounded mean of the instrument's dimension scores.
func (in *Instrument) Average(scores map[string]int) int {
	if len(in.Dimensions) == 0 {
		return 0
	}
	sum := 0
	for _, d := range in.Dimensions {
		sum += scores[d.ID]
	}
	return int(math.Round(float64(sum) / float64(len(in.Dimensions))))
}

// LevelOf is the highest level whose thresholds all hold: the average of the
// dimension scores and the minimum score of each key dimension. A level
// whose key dimension falls short is not reached however high the average.
func (in *Instrument) LevelOf(scores map[string]int) int {
	avg := in.Average(scores)
	level := 1
	for _, l := range in.Levels {
		if avg < l.MinAverage {
			break
		}
		ok := true
		for dim, min := range l.MinScores {
			if scores[dim] < min {
				ok = false
			}
		}
		if !ok {
			break
		}
		level = l.Level
	}
	return level
}

// Evaluate validates answers and returns the full result, with
// recommendations for the weakest dimensions given the business facts f.
func (in *Instrument) Evaluate(answers map[string]string, f Facts) (Result, error) {
	if err := apperr.Validation(in.ValidateAnswers(answers)); err != nil {
		return Result{}, err
	}
	scores, level := in.Score(answers)
	return Result{Scores: scores, Average: in.Average(scores), Level: level, LevelName: in.LevelName(level),
		Recommendations: in.Recommend(answers, scores, f)}, nil
}

// weakest returns the ids of the dimensions below 100, lowest score first
// (ties in instrument order), at most n of them.
func (in *Instrument) weakest(scores map[string]int, n int) []string {
	var ids []string
	for _, d := range in.Dimensions {
		if scores[d.ID] < 100 {
			ids = append(ids, d.ID)
		}
	}
	sort.SliceStable(ids, func(i, j int) bool { return scores[ids[i]] < scores[ids[j]] })
	if len(ids) > n {
		ids = ids[:n]
	}
	return ids
}
