package programs

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// cand is a candidate of the reason tests: a business in a kecamatan with a
// score, applying at t0 plus some minutes.
func cand(id int64, district string, score float64, minutes int) Candidate {
	return Candidate{BusinessID: id, District: district, AppliedAt: t0.Add(time.Duration(minutes) * time.Minute),
		Breakdown: Breakdown{Need: score}}
}

const (
	dCikande  = "36.04.15"
	dKibin    = "36.04.16"
	dCarenang = "36.04.17"
	dBinuang  = "36.04.18"
)

// reasonsOf runs a selection and returns every eligible applicant by business.
func reasonsOf(t *testing.T, cands []Candidate, inel []Rejected, r Rules) (*Result, map[int64]Ranked) {
	t.Helper()
	res := Select(cands, inel, r, 7)
	got := map[int64]Ranked{}
	for _, list := range [][]Ranked{res.Selected, res.Reserve, res.NotSelected} {
		for _, x := range list {
			got[x.BusinessID] = x
		}
	}
	return res, got
}

// TestSelectReasons gives every applicant of a selection the rule that
// decided it, with the sentence the office and the owner read.
func TestSelectReasons(t *testing.T) {
	res, got := reasonsOf(t, []Candidate{
		cand(1, dCikande, 95, 0),   // selected
		cand(2, dCikande, 90, 0),   // selected: Cikande is now full (2 of 2)
		cand(3, dCikande, 88, 0),   // would pass on its score: the quota stopped it
		cand(4, dKibin, 85, 0),     // selected
		cand(5, dKibin, 80, 0),     // selected: the cut-off
		cand(6, dCarenang, 80, 30), // same score as the cut-off, applied later
		cand(7, dCarenang, 61, 0),  // far below the cut-off
		cand(8, dCikande, 61, 0),   // far below, in a full kecamatan: its score binds, not the quota
	}, []Rejected{{BusinessID: 10, DistrictCode: dKibin, Reason: "belum memiliki NIB"}}, Rules{Capacity: 4, MaxPerDistrict: 2})
	if res.Cutoff != 80 {
		t.Fatalf("cut-off %v, want 80 (the lowest score selected on merit)", res.Cutoff)
	}
	tests := []struct {
		id         int64
		code, text string
	}{
		{1, "", ""},
		{3, ReasonDistrictQuota, "nilai 88 cukup untuk terpilih (batas 80), tetapi kuota Kecamatan Cikande sudah penuh (2 dari 2 peserta)"},
		{6, ReasonTieLater, "nilai 80 sama dengan batas terpilih, tetapi mendaftar lebih lambat daripada peserta terpilih dengan nilai yang sama"},
		{7, ReasonBelowCutoff, "nilai 61 berada 19 poin di bawah batas terpilih 80"},
		{8, ReasonBelowCutoff, "nilai 61 berada 19 poin di bawah batas terpilih 80"},
	}
	for _, tc := range tests {
		if r := got[tc.id]; r.ReasonCode != tc.code || r.Reason != tc.text {
			t.Errorf("business %d: %s %q, want %s %q", tc.id, r.ReasonCode, r.Reason, tc.code, tc.text)
		}
	}
	if len(res.Ineligible) != 1 || res.Ineligible[0].Reason != "belum memiliki NIB" {
		t.Fatalf("ineligible applicants keep their reasons: %+v", res.Ineligible)
	}
	// Places follow the outcome without gaps; the score order stays beside them.
	if r := got[3]; r.Rank != 5 || r.ScoreRank != 3 {
		t.Errorf("business 3: place %d, score rank %d; want 5 and 3", r.Rank, r.ScoreRank)
	}

	// The kecamatan minimum: Binuang's best is brought in and the weakest
	// pick of a kecamatan with several gives up its place.
	res, got = reasonsOf(t, []Candidate{
		cand(1, dCikande, 95, 0), cand(2, dCikande, 90, 0), cand(3, dCikande, 88, 0), cand(11, dCikande, 87, 0),
		cand(4, dKibin, 85, 0), cand(5, dKibin, 80, 0), cand(9, dBinuang, 40, 0),
	}, nil, Rules{Capacity: 5, MaxPerDistrict: 3, MinDistricts: 3})
	if res.Cutoff != 85 {
		t.Fatalf("cut-off %v, want 85 (business 9 is in for its kecamatan, not its score)", res.Cutoff)
	}
	tests = []struct {
		id         int64
		code, text string
	}{
		{9, ReasonDistrictPick, "terpilih sebagai pendaftar dengan nilai tertinggi dari Kecamatan Binuang agar minimal 3 kecamatan terwakili"},
		{5, ReasonMinDistricts, "nilai 80 cukup untuk terpilih, tetapi tempatnya diberikan kepada pendaftar terbaik dari kecamatan lain agar minimal 3 kecamatan terwakili"},
		{11, ReasonDistrictQuota, "nilai 87 cukup untuk terpilih (batas 85), tetapi kuota Kecamatan Cikande sudah penuh (3 dari 3 peserta)"},
	}
	for _, tc := range tests {
		if r := got[tc.id]; r.ReasonCode != tc.code || r.Reason != tc.text {
			t.Errorf("minimum: business %d: %s %q, want %s %q", tc.id, r.ReasonCode, r.Reason, tc.code, tc.text)
		}
	}
}

// TestSelectReasonDisplaced: a pick taken out so that another kecamatan is
// covered is told so, and so is one its quota stopped while the kecamatan
// minimum then freed a place of that kecamatan.
func TestSelectReasonDisplaced(t *testing.T) {
	cands := []Candidate{
		cand(1, dCikande, 90, 0), cand(2, dCikande, 80, 0), cand(3, dCikande, 70, 0), cand(4, dCikande, 65, 0),
		cand(5, dKibin, 10, 0),
	}
	res := Select(cands, nil, Rules{Capacity: 3, MaxPerDistrict: 3, MinDistricts: 2}, 1)
	want := map[int64]string{3: ReasonMinDistricts, 4: ReasonBelowCutoff}
	for _, r := range append(res.Reserve, res.NotSelected...) {
		if r.ReasonCode != want[r.BusinessID] {
			t.Errorf("business %d: %s (%s), want %s", r.BusinessID, r.ReasonCode, r.Reason, want[r.BusinessID])
		}
	}
	// With a quota of 2, business 3 is stopped by the quota; the minimum then
	// takes business 2's place too, leaving Cikande at 1 of 2: both are told
	// that their places went to another kecamatan.
	res = Select(cands, nil, Rules{Capacity: 2, MaxPerDistrict: 2, MinDistricts: 2}, 1)
	for _, r := range append(res.Reserve, res.NotSelected...) {
		if r.BusinessID == 2 && r.ReasonCode != ReasonMinDistricts {
			t.Errorf("business 2: %s (%s), want %s", r.ReasonCode, r.Reason, ReasonMinDistricts)
		}
	}
}

// TestSelectReasonsHoldEverywhere checks, over many random selections, that
// ranks have no gaps and that each reason is true of its applicant: nobody
// under the cut-off is told its kecamatan's quota stopped it, nobody at or
// above it is told its score was too low.
func TestSelectReasonsHoldEverywhere(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for trial := range 500 {
		in := randomInstance(rng, 40)
		res := Select(in.cands, nil, in.rules, 3)
		all := slices.Concat(res.Selected, res.Reserve, res.NotSelected)
		places, scoreRanks := make([]int, len(all)), make([]int, len(all))
		for i, r := range all {
			places[i], scoreRanks[i] = r.Rank, r.ScoreRank
		}
		slices.Sort(scoreRanks)
		for i := range all {
			if places[i] != i+1 || scoreRanks[i] != i+1 {
				t.Fatalf("trial %d: places %v / score ranks %v are not 1…%d", trial, places, scoreRanks, len(all))
			}
		}
		count := map[string]int{}
		for _, r := range res.Selected {
			count[r.DistrictCode]++
			if r.ReasonCode != "" && r.ReasonCode != ReasonDistrictPick {
				t.Fatalf("trial %d: selected business %d has reason %s", trial, r.BusinessID, r.ReasonCode)
			}
		}
		for _, r := range slices.Concat(res.Reserve, res.NotSelected) {
			switch r.ReasonCode {
			case ReasonBelowCutoff:
				if r.Score >= res.Cutoff {
					t.Fatalf("trial %d: business %d at %v told it is below the cut-off %v", trial, r.BusinessID, r.Score, res.Cutoff)
				}
			case ReasonDistrictQuota:
				if r.Score < res.Cutoff || count[r.DistrictCode] < in.rules.MaxPerDistrict {
					t.Fatalf("trial %d: business %d at %v (cut-off %v) told the quota of %s (%d of %d) stopped it",
						trial, r.BusinessID, r.Score, res.Cutoff, r.DistrictCode, count[r.DistrictCode], in.rules.MaxPerDistrict)
				}
			case ReasonTieLater, ReasonTieLottery:
				if r.Score != res.Cutoff {
					t.Fatalf("trial %d: business %d at %v lost a tie-break at cut-off %v", trial, r.BusinessID, r.Score, res.Cutoff)
				}
			case ReasonMinDistricts:
				if res.MinDistrictsTarget < 2 {
					t.Fatalf("trial %d: business %d displaced while no kecamatan minimum binds", trial, r.BusinessID)
				}
			case ReasonCapacity:
			default:
				t.Fatalf("trial %d: business %d not selected without a reason: %+v", trial, r.BusinessID, r)
			}
			if r.Reason == "" {
				t.Fatalf("trial %d: business %d has a code but no sentence", trial, r.BusinessID)
			}
		}
	}
}
