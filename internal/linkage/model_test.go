package linkage

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestEMRecoversParameters draws comparison vectors from known m, u and
// lambda and checks that EM, started from a uniform u, finds them again,
// with a log-likelihood that never decreases.
func TestEMRecoversParameters(t *testing.T) {
	kinds := []Kind{Exact, Identifier, Name}
	lambda := 0.2
	m := [][]float64{{0.1, 0.9}, {0.05, 0.15, 0.8}, {0.02, 0.03, 0.1, 0.25, 0.6}}
	u := [][]float64{{0.9, 0.1}, {0.85, 0.1, 0.05}, {0.5, 0.3, 0.1, 0.07, 0.03}}
	rng := rand.New(rand.NewPCG(1, 2))
	draw := func(p []float64) int8 {
		x := rng.Float64()
		for l, v := range p {
			if x < v {
				return int8(l)
			}
			x -= v
		}
		return int8(len(p) - 1)
	}
	counts := map[uint64]float64{}
	for range 200_000 {
		p := u
		if rng.Float64() < lambda {
			p = m
		}
		lv := make([]int8, len(kinds))
		for f := range kinds {
			lv[f] = draw(p[f])
		}
		counts[encode(lv)]++
	}
	var pats []pattern
	for c, n := range counts {
		lv := decode(c, len(kinds))
		p := pattern{count: n}
		for _, l := range lv {
			p.levels = append(p.levels, int8(l))
		}
		pats = append(pats, p)
	}
	start := [][]float64{{0.5, 0.5}, {1. / 3, 1. / 3, 1. / 3}, {0.2, 0.2, 0.2, 0.2, 0.2}}
	md := estimate(kinds, pats, start)
	if !md.Converged {
		t.Fatalf("EM did not converge in %d iterations", md.Iterations)
	}
	if math.Abs(md.Lambda-lambda) > 0.01 {
		t.Errorf("lambda %.4f, want %.2f", md.Lambda, lambda)
	}
	for f := range kinds {
		for l := range m[f] {
			if math.Abs(md.M[f][l]-m[f][l]) > 0.02 || math.Abs(md.U[f][l]-u[f][l]) > 0.02 {
				t.Errorf("field %d level %d: m %.3f u %.3f, want %.3f %.3f", f, l, md.M[f][l], md.U[f][l], m[f][l], u[f][l])
			}
		}
	}
	for i := 1; i < len(md.LogLikelihood); i++ {
		if md.LogLikelihood[i] < md.LogLikelihood[i-1]-1e-6 {
			t.Fatalf("log-likelihood fell at iteration %d: %.6f then %.6f", i, md.LogLikelihood[i-1], md.LogLikelihood[i])
		}
	}
}

// handMade is a small list typed as the office's lists are: four businesses
// appear twice or three times, the rest once.
var handMade = []Business{
	{ID: "1", Name: "Emping Melinjo Bu Enah", OwnerName: "Enah Suhaena", NIK: "3604154203750001", Phone: "081234567001", Place: "36.04.15.2001", Address: "Kp. Babakan RT 01/02"},
	{ID: "2", Name: "EMPING MLINJO IBU ENAH", OwnerName: "Hj. Enah Suhaena", Phone: "+62 812-3456-7001", Place: "36.04.15"},
	{ID: "3", Name: "UD. Emping Melinjo", OwnerName: "ENAH SUHAENA", NIK: "3.60415420375E+15", Place: "36.04.15.2001", Address: "KP BABAKAN"},
	{ID: "4", Name: "Kripik Singkong Barokah", OwnerName: "Muhamad Soleh", NIK: "3604160101800002", Phone: "085711112002", Place: "36.04.16.2003"},
	{ID: "5", Name: "Keripik Singkong Barokah", OwnerName: "Moh. Soleh", NIK: "3604160101800012", Place: "36.04.16.2003"},
	{ID: "6", Name: "Sate Bandeng Sinar", OwnerName: "Asep Hidayat", NIK: "3604170505770003", Phone: "087712343003", Place: "36.04.17.2002", Address: "Jl. Raya Serang"},
	{ID: "7", Name: "CV Sate Bandeng Sinar", OwnerName: "Pak Asep Hidayat", Phone: "0877 1234 3003", Place: "36.04.17.2002"},
	{ID: "8", Name: "Rabeg Khas Serang", OwnerName: "Siti Aminah", NIK: "3604184506820004", Phone: "081911114004", Place: "36.04.18.2001"},
	{ID: "9", Name: "Kue Jojorong Mekar", OwnerName: "Siti Rohmah", Phone: "081322225005", Place: "36.04.18.2001"},
	{ID: "10", Name: "Gipang Cahaya", OwnerName: "Dadang Supriatna", NIK: "3604190202660006", Phone: "082133336006", Place: "36.04.19.2004"},
	{ID: "11", Name: "Kopi Jawara", OwnerName: "Ujang Maulana", Phone: "085244447007", Place: "36.04.15.2002"},
	{ID: "12", Name: "Batik Surosowan", OwnerName: "Neneng Komariah", NIK: "3604155808880008", Place: "36.04.15.2003"},
	{ID: "13", Name: "Otak-otak Bandeng Berkah", OwnerName: "Euis Rahmawati", Phone: "081355558009", Place: "36.04.16.2001"},
	{ID: "14", Name: "Otak Otak Bandeng Berkah", OwnerName: "Euis Rahmawati", Phone: "6281355558009", Place: "36.04.16.2001"},
	{ID: "15", Name: "Bakso Mang Ujang", OwnerName: "Ujang Sobari", Phone: "087899990010", Place: "36.04.19.2001"},
	{ID: "16", Name: "Laundry Amanah", OwnerName: "Iis Nurjanah", Phone: "089611110011", Place: "36.04.17.2003"},
}

var handMadeClusters = map[string]string{"1": "1", "2": "1", "3": "1", "4": "4", "5": "4", "6": "6", "7": "6", "13": "13", "14": "13"}

func handMadeRecords() []Record {
	recs := make([]Record, len(handMade))
	for i, b := range handMade {
		recs[i] = Record{ID: b.ID, Values: b.Values()}
	}
	return recs
}

// TestEMHandMade runs the whole linkage on the hand-made list: EM
// converges with a non-decreasing likelihood and the clusters are the
// intended ones.
func TestEMHandMade(t *testing.T) {
	res, err := Link(handMadeRecords(), BusinessConfig())
	if err != nil {
		t.Fatal(err)
	}
	if !res.Model.Converged {
		t.Errorf("EM did not converge in %d iterations", res.Model.Iterations)
	}
	ll := res.Model.LogLikelihood
	for i := 1; i < len(ll); i++ {
		if ll[i] < ll[i-1]-1e-9 {
			t.Fatalf("log-likelihood fell at iteration %d: %.6f then %.6f", i, ll[i-1], ll[i])
		}
	}
	for i, b := range handMade {
		want, ok := handMadeClusters[b.ID]
		if !ok {
			want = b.ID
		}
		if res.Cluster[i] != want {
			t.Errorf("record %s in cluster %s, want %s", b.ID, res.Cluster[i], want)
		}
		if p := res.Probability[i]; ok != !math.IsNaN(p) {
			t.Errorf("record %s: probability %v", b.ID, p)
		}
	}
}

// namesakePatterns is a hand-made set of candidate pairs as a long list
// gives them when a blocking rule groups a common business name: 800 pairs
// of namesakes (the same name, different phone and desa) and 200 true
// duplicates whose name another list spelled differently but whose phone
// and desa agree. Fields: business name, phone, desa.
func namesakePatterns() ([]Kind, []pattern, [][]float64) {
	kinds := []Kind{Trade, Phone, Region}
	pats := []pattern{
		{levels: []int8{4, 0, 0}, count: 500},
		{levels: []int8{4, 0, 1}, count: 250},
		{levels: []int8{4, -1, 0}, count: 50},
		{levels: []int8{3, 3, 2}, count: 80},
		{levels: []int8{2, 3, 2}, count: 70},
		{levels: []int8{1, 3, 1}, count: 30},
		{levels: []int8{4, 3, 2}, count: 20},
	}
	uRandom := [][]float64{{0.9, 0.05, 0.03, 0.01, 0.01}, {0.999, 0.0005, 0.0003, 0.0002}, {0.95, 0.045, 0.005}}
	return kinds, pats, uRandom
}

// TestEMGuardExactName checks that an exact business name never counts
// against a match: unconstrained EM on the namesake pairs finds an exact
// name more common among non-matches than among matches, and the estimate
// the engine uses holds it to m ≥ u, with a likelihood that still never
// decreases.
func TestEMGuardExactName(t *testing.T) {
	kinds, pats, uRandom := namesakePatterns()
	free := estimateGuarded(kinds, pats, uRandom, make([]int, len(kinds)))
	if w := free.Weight(0, 4); w >= 0 {
		t.Fatalf("unconstrained EM: exact name weight %.3f, the set should make it negative", w)
	}
	md := estimate(kinds, pats, uRandom)
	for f, k := range kinds {
		for l := k.levels() - k.guardedLevels(); l < k.levels(); l++ {
			if md.M[f][l] < md.U[f][l]-1e-9 || md.Weight(f, l) < 0 {
				t.Errorf("field %d level %d: m %.4f < u %.4f (weight %.3f)", f, l, md.M[f][l], md.U[f][l], md.Weight(f, l))
			}
		}
	}
	ll := md.LogLikelihood
	for i := 1; i < len(ll); i++ {
		if ll[i] < ll[i-1]-1e-9 {
			t.Fatalf("log-likelihood fell at iteration %d: %.6f then %.6f", i, ll[i-1], ll[i])
		}
	}
	// The same phone and desa with the exact name is at least as likely a
	// match as with a name spelled differently.
	score := func(md *Model, lv ...int) float64 {
		x := md.prior()
		for f, l := range lv {
			x += md.Weight(f, l)
		}
		return x
	}
	if exact, near := score(md, 4, 3, 2), score(md, 3, 3, 2); exact < near || sigmoid(exact) < 0.9 {
		t.Errorf("exact name, phone and desa: %.3f; name near: %.3f", sigmoid(exact), sigmoid(near))
	}
}

// TestEMCollapseFallsBack checks the scoring when EM loses the
// non-matches: on the hand-made list every candidate pair is a match, so
// EM's share of matches goes to 1 and its U to the prior alone; pairs are
// still scored as random pairs, from a prior below one in ten, and give
// the intended clusters (TestEMHandMade).
func TestEMCollapseFallsBack(t *testing.T) {
	res, err := Link(handMadeRecords(), BusinessConfig())
	if err != nil {
		t.Fatal(err)
	}
	md := res.Model
	if md.Lambda < 0.99 {
		t.Fatalf("lambda %.4f: the hand-made list no longer collapses EM", md.Lambda)
	}
	if md.MatchShare <= 0 || md.MatchShare > 0.1 || sigmoid(md.prior()) > 0.1 {
		t.Errorf("match share %.4f, prior %.4f: want the prior of a random pair", md.MatchShare, sigmoid(md.prior()))
	}
	if w, random := md.Weight(PhoneField, 3), math.Log(md.M[PhoneField][3]/md.URandom[PhoneField][3]); w < random-1e-9 {
		t.Errorf("phone equal weighs %.3f, want at least log m/u of random pairs %.3f", w, random)
	}
}
