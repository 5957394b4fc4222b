package assessment

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
)

// JudgeYears over SummariseYears gives Judge's verdict for every window of
// whole years, on random evidence with shared days and unranked points.
func TestJudgeYearsEqualsJudge(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 5000 {
		var points []Point
		for range rng.IntN(7) {
			date := fmt.Sprintf("%d-%02d-%02d", 2020+rng.IntN(5), 1+rng.IntN(12), 1+rng.IntN(28))
			if rng.IntN(3) == 0 {
				date = []string{"2021-12-31", "2022-01-01", "2022-06-15"}[rng.IntN(3)]
			}
			points = append(points, Point{Date: date, Rank: rng.IntN(5), Verified: rng.IntN(2) == 0})
		}
		from := 2020 + rng.IntN(5)
		to := from + rng.IntN(3)
		p := Period{From: strconv.Itoa(from) + "-01-01", To: strconv.Itoa(to) + "-12-31"}
		var years []int
		for _, y := range EvidenceYears(points) {
			if y >= from && y <= to {
				years = append(years, y)
			}
		}
		want, got := Judge(points, p), JudgeYears(SummariseYears(points, years))
		if got != want {
			t.Fatalf("trial %d, %v over %v: JudgeYears = %+v, Judge = %+v", trial, points, p, got, want)
		}
		if back := VerdictOf(VerdictCode(want)); back != want {
			t.Fatalf("VerdictOf(VerdictCode(%+v)) = %+v", want, back)
		}
	}
}

func TestYearWindow(t *testing.T) {
	for _, c := range []struct {
		p        Period
		from, to int
		ok       bool
	}{
		{Period{"2025-01-01", "2025-12-31"}, 2025, 2025, true},
		{Period{"2023-01-01", "2025-12-31"}, 2023, 2025, true},
		{Period{"2025-01-02", "2025-12-31"}, 0, 0, false},
		{Period{"2025-01-01", "2025-12-30"}, 0, 0, false},
		{Period{"2026-01-01", "2025-12-31"}, 0, 0, false},
	} {
		from, to, ok := YearWindow(c.p)
		if ok != c.ok || (ok && (from != c.from || to != c.to)) {
			t.Errorf("YearWindow(%v) = %d, %d, %v", c.p, from, to, ok)
		}
	}
}
