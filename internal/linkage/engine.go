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
	cfg    Config
	kinds  []Kind
	n      int
	fields []prepared
	tf     [][]float32 // per field with TermFrequency: the value's share of records
	model  *Model
}

// maxFields is how many fields a comparison pattern holds (4 bits each).
const maxFields = 16

func newEngine(records []Record, order []int, cfg Config) *engine {
	if len(cfg.Fields) > maxFields {
		panic("linkage: more than 16 fields")
	}
	e := &engine{cfg: cfg, n: len(order), fields: make([]prepared, len(cfg.Fields)), tf: make([][]float32, len(cfg.Fields))}
	for _, f := range cfg.Fields {
		e.kinds = append(e.kinds, f.Kind)
	}
	for f := range cfg.Fields {
		e.fields[f].values = make([]string, e.n)
		if cfg.Fields[f].Kind == Name || cfg.Fields[f].Kind == Trade {
			e.fields[f].sorted = make([]string, e.n)
		}
	}
	parallel(e.n, func(lo, hi int) {
		for c := lo; c < hi; c++ {
			rec := records[order[c]]
			for f, fd := range cfg.Fields {
				v := fd.normalize(rec.Values[f])
				e.fields[f].values[c] = v
				if fd.Kind == Name || fd.Kind == Trade {
					e.fields[f].sorted[c] = tokenSort(v)
				}
			}
		}
	})
	for f, fd := range cfg.Fields {
		if fd.TermFrequency {
			e.tf[f] = termFrequencies(e.fields[f].values)
		}
	}
	return e
}

func termFrequencies(values []string) []float32 {
	counts := map[string]int32{}
	for _, v := range values {
		if v != "" {
			counts[v]++
		}
	}
	out := make([]float32, len(values))
	for i, v := range values {
		if v != "" {
			out[i] = float32(counts[v]) / float32(len(values))
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
	for f, k := range e.kinds {
		p := &e.fields[f]
		var si, sj string
		if p.sorted != nil {
			si, sj = p.sorted[i], p.sorted[j]
		}
		out[f] = int8(compare(k, p.values[i], p.values[j], si, sj))
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

// logitShared is logit with the share of records that hold an agreed
// value of a term-frequency field given by share.
func (e *engine) logitShared(lv []int8, share func(f int) float32) float64 {
	md := e.model
	x := md.prior()
	for f, l := range lv {
		if l < 0 {
			continue
		}
		w := md.weight(f, int(l))
		if e.tf[f] != nil && int(l) == e.kinds[f].levels()-1 {
			// A common value agreed says less, but, on a guarded
			// level, still nothing against a match.
			w += min(max(math.Log(md.URandom[f][l]/float64(share(f))), tfLow), tfHigh)
			if md.guarded[f] > 0 {
				w = max(w, 0)
			}
		}
		x += w
	}
	return x
}

func (e *engine) scoreAll(pairs, codes []uint64) []float32 {
	probs := make([]float32, len(pairs))
	parallel(len(pairs), func(lo, hi int) {
		lv := make([]int8, len(e.kinds))
		for k := lo; k < hi; k++ {
			decodeInto(codes[k], lv)
			probs[k] = float32(e.probability(int(pairs[k]>>32), int(pairs[k]&math.MaxUint32), lv))
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
