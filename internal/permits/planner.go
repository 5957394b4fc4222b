package permits

import "time"

// MaxPerAssistantDay is how many applications a halal assistant (pendamping
// PPH) may check in one day.
const MaxPerAssistantDay = 10

// Slot is one business's place in a plan: who checks it and on which day.
type Slot struct {
	Assistant string `json:"assistant"`
	Day       string `json:"day"` // YYYY-MM-DD
}

// Load tells how many applications an assistant already has on a day.
type Load func(assistant, day string) int

// Plan spreads n applications over assistants and working days (Monday to
// Friday) from start: each day, one application at a time to the assistant
// with the fewest that day, no one above MaxPerAssistantDay counting what
// they already carry. It returns a slot per application, in order, and the
// day the last one is checked. No assistant, or n = 0, plans nothing.
func Plan(n int, assistants []string, start time.Time, load Load) ([]Slot, string) {
	if n <= 0 || len(assistants) == 0 {
		return nil, ""
	}
	slots := make([]Slot, 0, n)
	last := ""
	for day := start; len(slots) < n; day = day.AddDate(0, 0, 1) {
		if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		d := day.Format(time.DateOnly)
		used := make([]int, len(assistants))
		for i, a := range assistants {
			if load != nil {
				used[i] = load(a, d)
			}
		}
		for len(slots) < n {
			best := -1
			for i := range assistants {
				if used[i] < MaxPerAssistantDay && (best < 0 || used[i] < used[best]) {
					best = i
				}
			}
			if best < 0 {
				break // everyone is full today
			}
			used[best]++
			slots = append(slots, Slot{Assistant: assistants[best], Day: d})
			last = d
		}
	}
	return slots, last
}
