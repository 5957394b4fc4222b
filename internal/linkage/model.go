package linkage

import (
	"math"
	"slices"
)

// Model holds the Fellegi–Sunter parameters: for each field and level, the
// probability of that level among true matches (M) and among non-matches
// (U), and the share of matches among the candidate pairs (Lambda).
type Model struct {
	Lambda float64
	M, U   [][]float64
	// URandom is U as measured on random pairs, the start of estimation and
	// the baseline of the term-frequency adjustment.
	URandom    [][]float64
	Iterations int
	Converged  bool
	// LogLikelihood of the candidate pairs after each iteration, plus the
	// log of the prior; it never decreases, which the tests check.
	LogLikelihood []float64
	// MatchShare is the share of matches among all pairs of records, not
	// only the candidates: Lambda times the candidates over all pairs. Once
	// set, pairs are scored as random pairs would be, from it, M and
	// URandom (see scoreOnAllPairs).
	MatchShare float64

	priorM, priorU [][]float64
	// guarded is, per field, how many of its closest levels must have m at
	// least u (see guardedLevels).
	guarded []int
}

// pattern is one comparison vector (a level per field, -1 missing) and the
// number of candidate pairs that have it. EM runs on patterns, not pairs:
// there are few of them however many pairs there are.
type pattern struct {
	levels []int8
	count  float64
}

const (
	maxIterations = 200
	tolerance     = 1e-7
	// floor keeps every probability away from 0, so that no single level
	// vetoes or proves a match on its own.
	floor = 1e-6
	// priorPairs is the weight, in pairs, of the prior beliefs that m
	// favours agreement and u is as among random pairs. It steadies the
	// estimate of a short list, whose few candidate pairs cannot tell
	// matches from non-matches alone, and is lost in a long one.
	priorPairs = 20
)

// estimate runs expectation maximisation from uStart (random pairs) and a
// prior that agreement is likely among matches, with the closest levels of
// names and identifiers held to m ≥ u.
func estimate(kinds []Kind, pats []pattern, uStart [][]float64) *Model {
	guarded := make([]int, len(kinds))
	for f, k := range kinds {
		guarded[f] = k.guardedLevels()
	}
	return estimateGuarded(kinds, pats, uStart, guarded)
}

// estimateGuarded is estimate with the number of guarded levels per field
// given.
func estimateGuarded(kinds []Kind, pats []pattern, uStart [][]float64, guarded []int) *Model {
	md := &Model{Lambda: 0.1, URandom: uStart, guarded: guarded}
	for f, k := range kinds {
		n := k.levels()
		m := make([]float64, n)
		for l := range m {
			// More weight the closer the level: 1, 2, 4, … then normalised.
			m[l] = math.Pow(4, float64(l))
		}
		md.M = append(md.M, normalize(m))
		md.U = append(md.U, slices.Clone(uStart[f]))
	}
	md.priorM, md.priorU = md.M, md.U
	for it := 0; it < maxIterations; it++ {
		next, ll := step(md, pats)
		md.LogLikelihood = append(md.LogLikelihood, ll)
		change := math.Abs(next.Lambda - md.Lambda)
		for f := range md.M {
			for l := range md.M[f] {
				change = max(change, math.Abs(next.M[f][l]-md.M[f][l]), math.Abs(next.U[f][l]-md.U[f][l]))
			}
		}
		md.Lambda, md.M, md.U = next.Lambda, next.M, next.U
		md.Iterations = it + 1
		if change < tolerance {
			md.Converged = true
			break
		}
	}
	return md
}

// step is one E and M step; it returns the new parameters and the
// log-likelihood under the old ones.
func step(md *Model, pats []pattern) (*Model, float64) {
	next := &Model{priorM: md.priorM, priorU: md.priorU, guarded: md.guarded}
	mc, uc := zerosLike(md.M), zerosLike(md.U)
	var matchSum, total, ll float64
	for _, p := range pats {
		pm, pu := md.Lambda, 1-md.Lambda
		for f, l := range p.levels {
			if l >= 0 {
				pm *= md.M[f][l]
				pu *= md.U[f][l]
			}
		}
		ll += p.count * math.Log(pm+pu)
		w := pm / (pm + pu)
		matchSum += p.count * w
		total += p.count
		for f, l := range p.levels {
			if l >= 0 {
				mc[f][l] += p.count * w
				uc[f][l] += p.count * (1 - w)
			}
		}
	}
	next.Lambda = md.Lambda // no candidate pairs: the prior stands
	if total > 0 {
		next.Lambda = min(max(matchSum/total, floor), 1-floor)
	}
	for f := range mc {
		for l := range mc[f] {
			// MAP estimation: the prior as pseudo-counts (Dirichlet).
			mc[f][l] += priorPairs * md.priorM[f][l]
			uc[f][l] += priorPairs * md.priorU[f][l]
			ll += priorPairs * (md.priorM[f][l]*math.Log(md.M[f][l]) + md.priorU[f][l]*math.Log(md.U[f][l]))
		}
		m, u := splitGuarded(mc[f], uc[f], md.guarded[f])
		next.M = append(next.M, m)
		next.U = append(next.U, u)
	}
	return next, ll
}

// splitGuarded turns the expected counts of a field's levels among matches
// (a) and non-matches (b) into m and u, holding the top `guarded` levels to
// m ≥ u. On a long list whose candidate pairs are mostly namesakes, EM can
// otherwise settle on a split in which its "match" class is the pairs that
// differ and an exact name counts against a match. The maximum under the
// constraint puts a violating level on the boundary m = u, at the level's
// share of all pairs, and scales the other levels to fill the rest; so EM
// still never lowers the likelihood.
func splitGuarded(a, b []float64, guarded int) (m, u []float64) {
	m, u = normalize(a), normalize(b)
	bound := make([]bool, len(a))
	for range guarded {
		added := false
		for l := len(a) - guarded; l < len(a); l++ {
			if !bound[l] && m[l] < u[l] {
				bound[l], added = true, true
			}
		}
		if !added {
			break
		}
		var sumA, sumB, boundA, boundB float64
		for l := range a {
			sumA, sumB = sumA+a[l], sumB+b[l]
			if bound[l] {
				boundA, boundB = boundA+a[l], boundB+b[l]
			}
		}
		shared := (boundA + boundB) / (sumA + sumB)
		for l := range a {
			if bound[l] {
				m[l] = (a[l] + b[l]) / (sumA + sumB)
				u[l] = m[l]
			} else {
				m[l] = a[l] * (1 - shared) / (sumA - boundA)
				u[l] = b[l] * (1 - shared) / (sumB - boundB)
			}
		}
		m, u = normalize(m), normalize(u)
	}
	return m, u
}

func zerosLike(p [][]float64) [][]float64 {
	out := make([][]float64, len(p))
	for i := range p {
		out[i] = make([]float64, len(p[i]))
	}
	return out
}

// normalize scales p to sum 1 with every entry at least floor; an all-zero
// p (a field always missing) becomes uniform.
func normalize(p []float64) []float64 {
	out := make([]float64, len(p))
	var sum float64
	for _, v := range p {
		sum += v
	}
	for i, v := range p {
		if sum == 0 {
			out[i] = 1 / float64(len(p))
		} else {
			out[i] = max(v/sum, floor)
		}
	}
	var s2 float64
	for _, v := range out {
		s2 += v
	}
	for i := range out {
		out[i] /= s2
	}
	return out
}

// weight is the log Bayes factor of level l of field f. On a guarded level
// it is never negative, and never below the guarded level under it: an
// exact name says at least what a nearly equal one says.
func (md *Model) weight(f, l int) float64 {
	u := md.U
	if md.MatchShare > 0 {
		u = md.URandom
	}
	w := math.Log(md.M[f][l] / u[f][l])
	if md.guarded != nil && l >= len(md.M[f])-md.guarded[f] {
		w = max(w, 0)
		if l > len(md.M[f])-md.guarded[f] {
			w = max(w, md.weight(f, l-1))
		}
	}
	return w
}

// prior is the log odds of a match before any field is looked at.
func (md *Model) prior() float64 {
	if md.MatchShare > 0 {
		return math.Log(md.MatchShare / (1 - md.MatchShare))
	}
	return math.Log(md.Lambda / (1 - md.Lambda))
}

// scoreOnAllPairs sets the model to score pairs as drawn from all pairs of
// n records, given the number of candidates EM ran on. Among candidates,
// which the blocking rules chose for their like names, non-matches agree
// on names far more often than at random, and on one name more often when
// they agree on the other: EM's U, taken as independent per field,
// undervalues records that agree on both names and the desa, more so the
// longer the list; and when EM finds nearly every candidate a match, its U
// is only the prior's. M from EM with U from random pairs and the prior of
// a random pair keeps the evidence whole.
func (md *Model) scoreOnAllPairs(candidates, n int) {
	all := float64(n) * float64(n-1) / 2
	if candidates == 0 || all == 0 {
		return
	}
	md.MatchShare = min(max(md.Lambda*float64(candidates)/all, floor*floor), 1-floor)
}

// Weight is the log Bayes factor of level l of field f: how much that level
// speaks for (positive) or against (negative) a match.
func (md *Model) Weight(f, l int) float64 {
	if l < 0 {
		return 0
	}
	return md.weight(f, l)
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }
