package assessment

import (
	"fmt"
	"sort"
)

// NextLevel is what a result lacks for the level above it: each threshold
// of that level not yet met, in plain Indonesian.
type NextLevel struct {
	Level   int      `json:"level"`
	Name    string   `json:"name"`
	Missing []string `json:"missing"`
}

// NextLevelOf names the level above the one scores reach and the
// thresholds it still misses (the average, then each key dimension in
// instrument order). It is nil at the top level.
func (in *Instrument) NextLevelOf(scores map[string]int) *NextLevel {
	current := in.LevelOf(scores)
	for _, l := range in.Levels {
		if l.Level <= current {
			continue
		}
		next := &NextLevel{Level: l.Level, Name: l.Name, Missing: []string{}}
		if avg := in.Average(scores); avg < l.MinAverage {
			next.Missing = append(next.Missing, fmt.Sprintf("rata-rata skor %d, perlu minimal %d", avg, l.MinAverage))
		}
		var dims []string
		for dim := range l.MinScores {
			dims = append(dims, dim)
		}
		sort.Slice(dims, func(i, j int) bool { return in.dimensionIndex(dims[i]) < in.dimensionIndex(dims[j]) })
		for _, dim := range dims {
			if got, want := scores[dim], l.MinScores[dim]; got < want {
				name := dim
				if d := in.Dimension(dim); d != nil {
					name = d.Name
				}
				next.Missing = append(next.Missing, fmt.Sprintf("skor %s %d, perlu minimal %d", name, got, want))
			}
		}
		return next
	}
	return nil
}

func (in *Instrument) dimensionIndex(id string) int {
	for i, d := range in.Dimensions {
		if d.ID == id {
			return i
		}
	}
	return len(in.Dimensions)
}
