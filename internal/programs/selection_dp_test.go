package programs

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// dpBest is a second, independent oracle for instances too large for brute
// force: within a kecamatan the best choice of k is always its top k, so a
// dynamic programme over (places used, kecamatan covered) is exact.
func dpBest(in instance) int64 {
	byDistrict := map[string][]int64{}
	for _, c := range in.cands {
		byDistrict[c.District] = append(byDistrict[c.District], c.Breakdown.centi())
	}
	C := in.rules.Capacity
	target := min(in.rules.MinDistricts, len(byDistrict), C)
	const none = -1
	dp := make([][]int64, C+1)
	for j := range dp {
		dp[j] = slices.Repeat([]int64{none}, target+1)
	}
	dp[0][0] = 0
	for _, scores := range byDistrict {
		slices.SortFunc(scores, func(a, b int64) int { return int(b - a) })
		kmax := min(len(scores), C)
		if in.rules.MaxPerDistrict > 0 {
			kmax = min(kmax, in.rules.MaxPerDistrict)
		}
		prefix := make([]int64, kmax+1)
		for k := 1; k <= kmax; k++ {
			prefix[k] = prefix[k-1] + scores[k-1]
		}
		next := make([][]int64, C+1)
		for j := range next {
			next[j] = slices.Repeat([]int64{none}, target+1)
		}
		for j := 0; j <= C; j++ {
			for c := 0; c <= target; c++ {
				if dp[j][c] == none {
					continue
				}
				for k := 0; k <= kmax && j+k <= C; k++ {
					nc := c
					if k > 0 {
						nc = min(target, c+1)
					}
					next[j+k][nc] = max(next[j+k][nc], dp[j][c]+prefix[k])
				}
			}
		}
		dp = next
	}
	best := int64(none)
	for j := 0; j <= C; j++ {
		best = max(best, dp[j][target])
	}
	return best
}

func TestSelectOptimalAgainstDP(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 13))
	for trial := range 300 {
		in := randomInstance(rng, 150)
		// more kecamatan than the brute-force instances, so min_districts binds often
		for i := range in.cands {
			in.cands[i].District = "36.04." + string(rune('A'+rng.IntN(12)))
		}
		in.rules.MinDistricts = rng.IntN(14)
		res := Select(in.cands, nil, in.rules, int64(trial))
		checkConstraints(t, in, res)
		if got, want := toCenti(res.TotalScore), dpBest(in); got != want {
			t.Fatalf("trial %d: total %d, DP optimum %d (rules %+v, %d applicants)", trial, got, want, in.rules, len(in.cands))
		}
	}
}

// TestSelectNoBetterSwap checks fairness in the order: no applicant left out
// could take the place of a lower-ranked selected one without breaking a
// rule. (Were it possible, either the result would not be optimal or a tie
// would have gone to the later, lottery-losing applicant.)
func TestSelectNoBetterSwap(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	for trial := range 400 {
		in := randomInstance(rng, 60)
		res := Select(in.cands, nil, in.rules, int64(trial))
		count := map[string]int{}
		for _, s := range res.Selected {
			count[s.DistrictCode]++
		}
		covered := len(count)
		for _, x := range append(res.Reserve, res.NotSelected...) {
			for _, y := range res.Selected {
				if x.Rank > y.Rank {
					continue
				}
				same := x.DistrictCode == y.DistrictCode
				quotaOK := same || in.rules.MaxPerDistrict == 0 || count[x.DistrictCode] < in.rules.MaxPerDistrict
				after := covered
				if !same && count[y.DistrictCode] == 1 {
					after--
				}
				if !same && count[x.DistrictCode] == 0 {
					after++
				}
				if quotaOK && after >= res.MinDistrictsTarget {
					t.Fatalf("trial %d: %d (rank %d) could replace %d (rank %d) within the rules", trial, x.BusinessID, x.Rank, y.BusinessID, y.Rank)
				}
			}
		}
	}
}
