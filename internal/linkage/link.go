package linkage

import (
	"cmp"
	"errors"
	"math"
	"slices"
	"strings"
)

// Record is one row to link: an ID (kept as given, used for the order of
// ties) and one raw value per Config field.
type Record struct {
	ID     string
	Values []string
}

// Result is the outcome of Link, indexed like the input records.
type Result struct {
	// Cluster names each record's cluster by the smallest ID among its
	// members (IDs that are numbers compare as numbers), so the same records
	// in any order get the same names.
	Cluster []string
	// Probability is the strongest link of the record inside its cluster,
	// NaN for a record alone.
	Probability []float64
	Clusters    int
	// Linked counts the candidate pairs inside one cluster at or above the
	// threshold.
	Linked     int
	Candidates int
	Model      *Model

	cfg   Config
	order []int    // canonical position → input index
	pairs []uint64 // canonical i<<32 | j, i < j, ascending
	codes []uint64 // comparison pattern of each pair
	probs []float32
}

// Pair is one scored candidate pair, by input index.
type Pair struct {
	A, B        int
	Probability float64
	Levels      []int // per field, -1 missing
}

// ErrTooMany is returned for more records than pair indexes hold.
var ErrTooMany = errors.New("terlalu banyak baris untuk ditautkan sekaligus (paling banyak 2 miliar)")

// Link links records under cfg. Every record needs len(cfg.Fields) values.
func Link(records []Record, cfg Config) (*Result, error) {
	cfg = cfg.withDefaults()
	if err := checkRecords(records, cfg); err != nil {
		return nil, err
	}
	res := &Result{cfg: cfg, order: canonicalOrder(records)}
	e := newEngine(records, res.order, cfg)
	res.pairs = e.candidates()
	res.Candidates = len(res.pairs)
	res.codes = e.compareAll(res.pairs)
	res.Model = estimate(e.kinds, e.patterns(res.codes), e.randomU())
	e.setModel(res.Model, res.pairs)
	res.probs = e.scoreAll(res.pairs, res.codes)
	cl := e.cluster(res.pairs, res.probs)
	res.fill(records, cl)
	return res, nil
}

// checkRecords refuses more records than pair indexes hold, and a record
// without one value per field.
func checkRecords(records []Record, cfg Config) error {
	if len(records) >= math.MaxInt32 {
		return ErrTooMany
	}
	for i := range records {
		if len(records[i].Values) != len(cfg.Fields) {
			return errors.New("linkage: record " + records[i].ID + " has the wrong number of values")
		}
	}
	return nil
}

// canonicalOrder sorts record indexes by ID, then by values, so that
// everything after it is independent of the input's order.
func canonicalOrder(records []Record) []int {
	order := make([]int, len(records))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if c := compareIDs(records[a].ID, records[b].ID); c != 0 {
			return c
		}
		return slices.Compare(records[a].Values, records[b].Values)
	})
	return order
}

// compareIDs orders numbers as numbers ("2" before "10") and the rest as
// text.
func compareIDs(a, b string) int {
	if isNumber(a) && isNumber(b) {
		a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
		if c := cmp.Compare(len(a), len(b)); c != 0 {
			return c
		}
	}
	return strings.Compare(a, b)
}

func isNumber(s string) bool { return s != "" && Digits(s) == s }

// fill writes the clusters back in input order.
func (r *Result) fill(records []Record, cl clustering) {
	n := len(records)
	r.Cluster = make([]string, n)
	r.Probability = make([]float64, n)
	for c, in := range r.order {
		root := cl.root(c)
		// Canonical position 0 of a cluster is its smallest ID: members are
		// visited in canonical order, and first holds the smallest.
		r.Cluster[in] = records[r.order[cl.first[root]]].ID
		r.Probability[in] = math.NaN()
		if cl.best[c] > 0 {
			r.Probability[in] = float64(cl.best[c])
		}
		if root == c {
			r.Clusters++
		}
	}
	r.Linked = cl.linked
}

// Pairs calls fn for every scored candidate pair at or above min, in a
// fixed order.
func (r *Result) Pairs(min float64, fn func(Pair) error) error {
	for k, key := range r.pairs {
		if float64(r.probs[k]) < min {
			continue
		}
		i, j := int(key>>32), int(key&math.MaxUint32)
		p := Pair{A: r.order[i], B: r.order[j], Probability: float64(r.probs[k]), Levels: decode(r.codes[k], len(r.cfg.Fields))}
		if err := fn(p); err != nil {
			return err
		}
	}
	return nil
}

// Threshold is the probability from which pairs were linked.
func (r *Result) Threshold() float64 { return r.cfg.Threshold }

// Fields is the configuration's fields, for naming Pair.Levels.
func (r *Result) Fields() []Field { return r.cfg.Fields }
