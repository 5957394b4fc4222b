package linkage

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
)

// engine holds the records in canonical order, prepared for comparison.
type engine struct {
	cfg   Config
	kinds []Kind
	n     int
	// values holds each record's normalised values side by side (a record
	// is compared with others spread over the whole list, and its values
	// then come in one or two cache lines): first one per field, then the
	// words sorted of each name field (at sortedAt).
	values   []string
	width    int
	sortedAt []int       // per field, its sorted words' slot in a record, or -1
	tf       [][]float32 // per field with TermFrequency: log of the value's share of records
	// tfBase is, per field, the log of the share of random pairs that agree
	// on it: a term-frequency value as common as that gets no adjustment.
	tfBase []float64
	model  *Model
}

// maxFields is how many fields a comparison pattern holds (4 bits each).
const maxFields = 16

func newEngine(records []Record, order []int, cfg Config) *engine {
	if len(cfg.Fields) > maxFields {
		panic("linkage: more than 16 fields")
	}
	e := &engine{cfg: cfg, n: len(order), width: len(cfg.Fields), tf: make([][]float32, len(cfg.Fields))}
	for _, f := range cfg.Fields {
		e.kinds = append(e.kinds, f.Kind)
		e.sortedAt = append(e.sortedAt, -1)
		if f.Kind == Name || f.Kind == Trade {
			e.sortedAt[len(e.sortedAt)-1] = e.width
			e.width++
		}
	}
	e.values = make([]string, e.n*e.width)
	parallel(e.n, func(lo, hi int) {
		// Names, places and addresses repeat from list to list: each
		// distinct text is normalised once per chunk, and its records share
		// one copy of the result.
		seen := make([]map[string][2]string, len(cfg.Fields))
		for f, fd := range cfg.Fields {
			if fd.Kind.repeats() {
				seen[f] = map[string][2]string{}
			}
		}
		for c := lo; c < hi; c++ {
			rec := records[order[c]]
			out := e.values[c*e.width : (c+1)*e.width]
			for f, fd := range cfg.Fields {
				raw := rec.Values[f]
				norm, ok := seen[f][raw]
				if !ok {
					norm[0] = fd.normalize(raw)
					norm[1] = norm[0]
					if e.sortedAt[f] >= 0 {
						norm[1] = tokenSort(norm[0])
					}
					if seen[f] != nil {
						seen[f][raw] = norm
					}
				}
				out[f] = norm[0]
				if at := e.sortedAt[f]; at >= 0 {
					out[at] = norm[1]
				}
			}
		}
	})
	for f, fd := range cfg.Fields {
		if fd.TermFrequency {
			e.tf[f] = e.termFrequencies(f)
		}
	}
	return e
}

// record is the normalised values of canonical record c, one per field.
func (e *engine) record(c int) []string {
	return e.values[c*e.width : c*e.width+len(e.kinds)]
}

// sorted is field f's words sorted for record c ("" for a field that is
// not a name).
func (e *engine) sorted(f, c int) string {
	if at := e.sortedAt[f]; at >= 0 {
		return e.values[c*e.width+at]
	}
	return ""
}

func (e *engine) termFrequencies(f int) []float32 {
	counts := map[string]int32{}
	for c := range e.n {
		if v := e.values[c*e.width+f]; v != "" {
			counts[v]++
		}
	}
	out := make([]float32, e.n)
	for c := range e.n {
		if v := e.values[c*e.width+f]; v != "" {
			out[c] = float32(math.Log(float64(counts[v]) / float64(e.n)))
		}
	}
	return out
}

// parallel runs fn over [0,n) in one chunk per CPU. Every chunk writes only
// its own indexes, so the result does not depend on scheduling.
func parallel(n int, fn func(lo, hi int)) {
	workers := runtime.GOMAXPROCS(0)
	if n < 1000 || workers == 1 {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	chunk := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += chunk {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			fn(lo, hi)
		}(lo, min(n, lo+chunk))
	}
	wg.Wait()
}

// levels computes the comparison vector of canonical records i and j.
func (e *engine) levels(i, j int, out []int8) {
	ri := e.values[i*e.width : (i+1)*e.width]
	rj := e.values[j*e.width : (j+1)*e.width]
	for f, k := range e.kinds {
		var si, sj string
		if at := e.sortedAt[f]; at >= 0 {
			si, sj = ri[at], rj[at]
		}
		out[f] = int8(compare(k, ri[f], rj[f], si, sj))
	}
}

func encode(levels []int8) uint64 {
	var c uint64
	for f, l := range levels {
		c |= uint64(l+1) << (4 * f)
	}
	return c
}

func decode(c uint64, n int) []int {
	out := make([]int, n)
	for f := range out {
		out[f] = int((c>>(4*f))&15) - 1
	}
	return out
}

func decodeInto(c uint64, out []int8) {
	for f := range out {
		out[f] = int8((c>>(4*f))&15) - 1
	}
}

func (e *engine) compareAll(pairs []uint64) []uint64 {
	codes := make([]uint64, len(pairs))
	parallel(len(pairs), func(lo, hi int) {
		buf := make([]int8, len(e.kinds))
		for k := lo; k < hi; k++ {
			e.levels(int(pairs[k]>>32), int(pairs[k]&math.MaxUint32), buf)
			codes[k] = encode(buf)
		}
	})
	return codes
}

// patterns counts the distinct comparison vectors, in code order.
func (e *engine) patterns(codes []uint64) []pattern {
	counts := map[uint64]float64{}
	for _, c := range codes {
		counts[c]++
	}
	keys := make([]uint64, 0, len(counts))
	for c := range counts {
		keys = append(keys, c)
	}
	slices.Sort(keys)
	out := make([]pattern, len(keys))
	for i, c := range keys {
		lv := decode(c, len(e.kinds))
		p := pattern{levels: make([]int8, len(lv)), count: counts[c]}
		for f, l := range lv {
			p.levels[f] = int8(l)
		}
		out[i] = p
	}
	return out
}

// randomPairs is how many random pairs measure u at most: for a shorter
// list randomPairsPerRecord per record, at least minRandomPairs (a
// kecamatan's list is scored on every visit of the review page).
const (
	randomPairs          = 200_000
	minRandomPairs       = 50_000
	randomPairsPerRecord = 20
)

// uPriorPairs is the weight, in pairs, of a generic belief about u (most
// pairs disagree, the closer a level the rarer) added to the random pairs'
// counts: a short list's few pairs, some of them matches, cannot measure u
// alone.
const uPriorPairs = 50

// randomU measures each level's frequency among random pairs, which are
// nearly all non-matches: all pairs of a short list, else randomPairs drawn
// by a generator with a fixed seed (same records, same pairs).
func (e *engine) randomU() [][]float64 {
	counts := make([][]float64, len(e.kinds))
	for f, k := range e.kinds {
		counts[f] = make([]float64, k.levels())
		rest := 0.1
		for l := len(counts[f]) - 1; l > 0; l-- {
			share := rest * 3 / 4
			if l == 1 {
				share = rest
			}
			counts[f][l] = uPriorPairs * share
			rest -= share
		}
		counts[f][0] = uPriorPairs * 0.9
	}
	var pairs []uint64
	draws := min(randomPairs, max(minRandomPairs, randomPairsPerRecord*e.n))
	if e.n*(e.n-1)/2 <= draws {
		for i := range e.n {
			for j := i + 1; j < e.n; j++ {
				pairs = append(pairs, uint64(i)<<32|uint64(j))
			}
		}
	} else {
		rng := rand.New(rand.NewPCG(0x6e61696b, 0x6b656c61))
		pairs = make([]uint64, draws)
		for k := range pairs {
			i, j := rng.IntN(e.n), rng.IntN(e.n-1)
			if j >= i {
				j++
			}
			pairs[k] = uint64(i)<<32 | uint64(j)
		}
	}
	// Whole counts per chunk, summed as integers: the same in any order.
	totals := make([][]int64, len(counts))
	for f := range totals {
		totals[f] = make([]int64, len(counts[f]))
	}
	var mu sync.Mutex
	parallel(len(pairs), func(lo, hi int) {
		local := make([][]int64, len(counts))
		for f := range local {
			local[f] = make([]int64, len(counts[f]))
		}
		buf := make([]int8, len(e.kinds))
		for _, p := range pairs[lo:hi] {
			e.levels(int(p>>32), int(p&math.MaxUint32), buf)
			for f, l := range buf {
				if l >= 0 {
					local[f][l]++
				}
			}
		}
		mu.Lock()
		defer mu.Unlock()
		for f := range totals {
			for l := range totals[f] {
				totals[f][l] += local[f][l]
			}
		}
	})
	for f := range counts {
		for l := range counts[f] {
			counts[f][l] += float64(totals[f][l])
		}
	}
	for f := range counts {
		counts[f] = normalize(counts[f])
	}
	return counts
}

// tfBounds limit the term-frequency adjustment (natural log): a very rare
// value cannot prove a match alone, a very common one is still agreement.
const tfLow, tfHigh = -4.0, 2.5

// logit is the log odds of a match for records i and j with levels lv.
func (e *engine) logit(i, j int, lv []int8) float64 {
	return e.logitShared(lv, func(f int) float32 { return max(e.tf[f][i], e.tf[f][j]) })
}

// logitShared is logit with the log of the share of records that hold an
// agreed value of a term-frequency field given by logShare.
func (e *engine) logitShared(lv []int8, logShare func(f int) float32) float64 {
	md := e.model
	x := md.prior()
	for f, l := range lv {
		if l < 0 {
			continue
		}
		if e.tf[f] != nil && int(l) == e.kinds[f].levels()-1 {
			x += e.agreedCommon(f, logShare(f))
			continue
		}
		x += md.weight(f, int(l))
	}
	return x
}

// agreedCommon is the weight of field f's top level for a value held by
// exp(logShare) of the records: a common value agreed says less, but, on a
// guarded level, still nothing against a match.
func (e *engine) agreedCommon(f int, logShare float32) float64 {
	md := e.model
	top := e.kinds[f].levels() - 1
	w := md.weight(f, top) + min(max(e.tfBase[f]-float64(logShare), tfLow), tfHigh)
	if md.guarded[f] > 0 {
		w = max(w, 0)
	}
	return w
}

// setModel makes md, estimated on the candidate pairs, the model that
// scores pairs: as drawn from all pairs of records (Model.scoreOnAllPairs),
// with agreement on a term-frequency field weighed against the random
// pairs' agreement on it.
func (e *engine) setModel(md *Model, pairs []uint64) {
	e.model = md
	md.scoreOnAllPairs(len(pairs), e.n)
	e.tfBase = make([]float64, len(e.kinds))
	for f, k := range e.kinds {
		e.tfBase[f] = math.Log(md.URandom[f][k.levels()-1])
	}
}

// patternScore is what a comparison pattern alone says of a pair: the log
// odds without the term-frequency fields at their top level (agreed,
// listed in common), and whether the pattern is Distinct.
type patternScore struct {
	logit    float64
	common   []int
	distinct bool
}

func (e *engine) patternScore(code uint64) patternScore {
	lv := make([]int8, len(e.kinds))
	decodeInto(code, lv)
	ps := patternScore{logit: e.model.prior(), distinct: e.cfg.Distinct != nil && e.cfg.Distinct(lv)}
	for f, l := range lv {
		switch {
		case l < 0:
		case e.tf[f] != nil && int(l) == e.kinds[f].levels()-1:
			ps.common = append(ps.common, f)
		default:
			ps.logit += e.model.weight(f, int(l))
		}
	}
	return ps
}

// scoreAll gives every candidate pair its match probability; each distinct
// pattern is weighed once.
func (e *engine) scoreAll(pairs, codes []uint64) []float32 {
	scores := map[uint64]patternScore{}
	for _, c := range codes {
		if _, ok := scores[c]; !ok {
			scores[c] = e.patternScore(c)
		}
	}
	probs := make([]float32, len(pairs))
	parallel(len(pairs), func(lo, hi int) {
		for k := lo; k < hi; k++ {
			i, j := int(pairs[k]>>32), int(pairs[k]&math.MaxUint32)
			ps := scores[codes[k]]
			x := ps.logit
			for _, f := range ps.common {
				x += e.agreedCommon(f, max(e.tf[f][i], e.tf[f][j]))
			}
			p := sigmoid(x)
			if ps.distinct {
				p = min(p, distinctCap)
			}
			probs[k] = float32(p)
		}
	})
	return probs
}

// support is how much records i and j belong together when clusters are
// joined: their match probability, or 0 for a Distinct pair, which must
// count against the join and not as the half it is reported as.
func (e *engine) support(i, j int) float64 {
	lv := make([]int8, len(e.kinds))
	e.levels(i, j, lv)
	if e.cfg.Distinct != nil && e.cfg.Distinct(lv) {
		return 0
	}
	return sigmoid(e.logit(i, j, lv))
}

// distinctCap is the probability a Distinct pair gets at most: below any
// threshold, so it is never linked, yet visible among the pairs.
const distinctCap = 0.5

func (e *engine) probability(i, j int, lv []int8) float64 {
	p := sigmoid(e.logit(i, j, lv))
	if e.cfg.Distinct != nil && e.cfg.Distinct(lv) {
		p = min(p, distinctCap)
	}
	return p
}
