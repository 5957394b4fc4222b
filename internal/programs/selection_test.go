package programs

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

var t0 = time.Date(2025, 9, 1, 8, 0, 0, 0, time.UTC)

// instance is a random selection problem.
type instance struct {
	cands []Candidate
	rules Rules
}

func randomInstance(rng *rand.Rand, maxN int) instance {
	n := 1 + rng.IntN(maxN)
	nd := 1 + rng.IntN(6)
	cands := make([]Candidate, n)
	for i := range cands {
		cands[i] = Candidate{
			BusinessID: int64(100 + i),
			District:   fmt.Sprintf("36.04.%02d", 1+rng.IntN(nd)),
			AppliedAt:  t0.Add(time.Duration(rng.IntN(4)) * time.Hour), // many equal times
			// few distinct values, so ties are common
			Breakdown: Breakdown{Need: float64(rng.IntN(8)) * 5, WomanOwned: float64(rng.IntN(2)) * 10, Waiting: float64(rng.IntN(3)) * 0.25},
		}
	}
	r := Rules{Capacity: 1 + rng.IntN(n), MaxPerDistrict: rng.IntN(5), MinDistricts: rng.IntN(7)}
	return instance{cands, r}
}

// checkConstraints fails the test when res breaks a rule.
func checkConstraints(t *testing.T, in instance, res *Result) {
	t.Helper()
	if len(res.Selected) > in.rules.Capacity {
		t.Fatalf("selected %d > capacity %d", len(res.Selected), in.rules.Capacity)
	}
	count := map[string]int{}
	for _, s := range res.Selected {
		count[s.DistrictCode]++
	}
	for d, k := range count {
		if in.rules.MaxPerDistrict > 0 && k > in.rules.MaxPerDistrict {
			t.Fatalf("district %s has %d > %d", d, k, in.rules.MaxPerDistrict)
		}
	}
	districts := map[string]bool{}
	for _, c := range in.cands {
		districts[c.District] = true
	}
	want := min(in.rules.MinDistricts, len(districts), in.rules.Capacity)
	if len(count) < want {
		t.Fatalf("covers %d districts, want at least %d", len(count), want)
	}
	if got := len(res.Selected) + len(res.Reserve) + len(res.NotSelected); got != len(in.cands) {
		t.Fatalf("result holds %d applicants, want %d", got, len(in.cands))
	}
}

// bruteForce returns the best total (in hundredths) over every subset.
func bruteForce(in instance) int64 {
	n := len(in.cands)
	idx := map[string]int{}
	dist := make([]int, n)
	for i, c := range in.cands {
		if _, ok := idx[c.District]; !ok {
			idx[c.District] = len(idx)
		}
		dist[i] = idx[c.District]
	}
	want := min(in.rules.MinDistricts, len(idx), in.rules.Capacity)
	best := int64(-1)
	var count [8]int
	for mask := uint32(0); mask < 1<<n; mask++ {
		if bits.OnesCount32(mask) > in.rules.Capacity {
			continue
		}
		count = [8]int{}
		var sum int64
		covered, ok := 0, true
		for i := 0; i < n && ok; i++ {
			if mask&(1<<i) == 0 {
				continue
			}
			d := dist[i]
			if count[d] == 0 {
				covered++
			}
			count[d]++
			ok = in.rules.MaxPerDistrict == 0 || count[d] <= in.rules.MaxPerDistrict
			sum += in.cands[i].Breakdown.centi()
		}
		if ok && covered >= want && sum > best {
			best = sum
		}
	}
	return best
}

func TestSelectOptimalAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 600 {
		maxN := 12
		if trial%30 == 0 {
			maxN = 20
		}
		in := randomInstance(rng, maxN)
		res := Select(in.cands, nil, in.rules, int64(trial))
		checkConstraints(t, in, res)
		want := bruteForce(in)
		if dp := dpBest(in); dp != want {
			t.Fatalf("trial %d: the DP oracle (%d) disagrees with brute force (%d)", trial, dp, want)
		}
		if got := toCenti(res.TotalScore); got != want {
			t.Fatalf("trial %d: total %d, brute force %d (rules %+v, %d applicants)", trial, got, want, in.rules, len(in.cands))
		}
	}
}

func TestSelectDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	for trial := range 200 {
		in := randomInstance(rng, 40)
		a := Select(in.cands, nil, in.rules, 42)
		shuffled := slices.Clone(in.cands)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		b := Select(shuffled, nil, in.rules, 42)
		if fmt.Sprint(a) != fmt.Sprint(b) {
			t.Fatalf("trial %d: same inputs, different results", trial)
		}
	}
}

func TestSelectGreedyIsNotEnough(t *testing.T) {
	// Four strong applicants in Cikande, one weaker in Kibin: greedy would take
	// the four from Cikande; min_districts 2 forces Kibin in for the weakest.
	cands := []Candidate{
		{BusinessID: 1, District: "36.04.15", AppliedAt: t0, Breakdown: Breakdown{Need: 90}},
		{BusinessID: 2, District: "36.04.15", AppliedAt: t0, Breakdown: Breakdown{Need: 80}},
		{BusinessID: 3, District: "36.04.15", AppliedAt: t0, Breakdown: Breakdown{Need: 70}},
		{BusinessID: 4, District: "36.04.15", AppliedAt: t0, Breakdown: Breakdown{Need: 60}},
		{BusinessID: 5, District: "36.04.16", AppliedAt: t0, Breakdown: Breakdown{Need: 10}},
	}
	res := Select(cands, nil, Rules{Capacity: 3, MinDistricts: 2}, 1)
	var ids []int64
	for _, s := range res.Selected {
		ids = append(ids, s.BusinessID)
	}
	if !slices.Equal(ids, []int64{1, 2, 5}) {
		t.Fatalf("selected %v, want [1 2 5]", ids)
	}
	if r := res.Reserve[0]; r.BusinessID != 3 || r.Rank != 4 || r.ScoreRank != 3 || r.ReasonCode != ReasonMinDistricts {
		t.Fatalf("first reserve %+v, want business 3 at place 4, third by score, displaced for the kecamatan minimum", r)
	}
	want := "nilai 70 cukup untuk terpilih, tetapi tempatnya diberikan kepada pendaftar terbaik dari kecamatan lain agar minimal 2 kecamatan terwakili"
	if res.Reserve[0].Reason != want {
		t.Fatalf("reason %q", res.Reserve[0].Reason)
	}
}

func TestSelectLotteryDependsOnSeed(t *testing.T) {
	var cands []Candidate
	for i := range 30 {
		cands = append(cands, Candidate{BusinessID: int64(i + 1), District: "36.04.15", AppliedAt: t0, Breakdown: Breakdown{Need: 50}})
	}
	a := Select(cands, nil, Rules{Capacity: 5}, 1)
	b := Select(cands, nil, Rules{Capacity: 5}, 2)
	if fmt.Sprint(a.Selected) == fmt.Sprint(b.Selected) {
		t.Fatal("a full tie should be settled by the lottery, which must depend on the seed")
	}
	if a.Seed != 1 || b.Seed != 2 {
		t.Fatal("seed not recorded with the result")
	}
	if a.Reserve[0].Reason != "nilai 50 sama dengan batas terpilih dan mendaftar pada waktu yang sama; kalah undian (kode undian 1)" {
		t.Fatalf("reason %q", a.Reserve[0].Reason)
	}
}

// benchInstance is the office's scale: 48,000 applicants over 29 kecamatan,
// where a few kecamatan score higher so that min_districts binds.
func benchInstance() []Candidate {
	rng := rand.New(rand.NewPCG(3, 4))
	cands := make([]Candidate, 48000)
	for i := range cands {
		d := rng.IntN(29)
		bias := 0.0
		if d < 4 {
			bias = 30
		}
		cands[i] = Candidate{BusinessID: int64(i + 1), District: fmt.Sprintf("36.04.%02d", d+1),
			AppliedAt: t0.Add(time.Duration(rng.IntN(90*24)) * time.Hour),
			Breakdown: Breakdown{Need: round2(rng.Float64()*35 + bias), Readiness: round2(rng.Float64() * 20),
				NeverTrained: float64(rng.IntN(2)) * 25, WomanOwned: float64(rng.IntN(2)) * 10}}
	}
	return cands
}

func BenchmarkSelect48000(b *testing.B) {
	cands := benchInstance()
	r := Rules{Capacity: 500, MinDistricts: 10}
	res := Select(cands, nil, r, 1)
	if res.DistrictsCovered < 10 {
		b.Fatalf("covered %d", res.DistrictsCovered)
	}
	b.ResetTimer()
	for b.Loop() {
		Select(cands, nil, r, 1)
	}
}

func BenchmarkSelect48000Quota(b *testing.B) {
	cands := benchInstance()
	r := Rules{Capacity: 500, MaxPerDistrict: 40, MinDistricts: 10}
	if res := Select(cands, nil, r, 1); res.DistrictsCovered < 10 { // also loads the region names once
		b.Fatalf("covered %d", res.DistrictsCovered)
	}
	for b.Loop() {
		Select(cands, nil, r, 1)
	}
}
