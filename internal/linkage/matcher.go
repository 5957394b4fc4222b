package linkage

import "slices"

// Matcher finds, for a record from outside a fixed set (a row being
// imported), its most likely match in the set. Only the records that share
// a blocking key with it are compared, scored with the model estimated on
// the set as Link would: a lookup costs a few comparisons however large the
// set.
type Matcher struct {
	e      *engine
	ids    []string              // canonical index → record ID
	blocks []map[uint64][]uint32 // per rule: key → its first MaxBlock records
}

// Match is the most likely match of a record: the set's record ID, the
// probability and the levels per field (-1 missing).
type Match struct {
	ID          string
	Probability float64
	Levels      []int
}

// NewMatcher estimates the model on records and indexes their blocking keys.
func NewMatcher(records []Record, cfg Config) (*Matcher, error) {
	cfg = cfg.withDefaults()
	if err := checkRecords(records, cfg); err != nil {
		return nil, err
	}
	order := canonicalOrder(records)
	e := newEngine(records, order, cfg)
	pairs := e.candidates()
	codes := e.compareAll(pairs)
	e.setModel(estimate(e.kinds, e.patterns(codes), e.randomU()), pairs)
	m := &Matcher{e: e, ids: make([]string, e.n), blocks: make([]map[uint64][]uint32, len(cfg.Blocks))}
	for c, i := range order {
		m.ids[c] = records[i].ID
	}
	for r, rule := range cfg.Blocks {
		m.blocks[r] = map[uint64][]uint32{}
		for c := range e.n {
			if k := rule.Key(e.record(c)); k != "" {
				h := hashKey(k)
				if len(m.blocks[r][h]) < cfg.MaxBlock {
					m.blocks[r][h] = append(m.blocks[r][h], uint32(c))
				}
			}
		}
	}
	return m, nil
}

// Best returns the most likely match of a record with these raw values (in
// the order of the configuration's fields) among the records sharing a
// blocking key with it; ok is false when none does. Ties go to the record
// first in canonical order.
func (m *Matcher) Best(values []string) (best Match, ok bool) {
	e := m.e
	if e == nil || len(values) != len(e.kinds) || e.n == 0 {
		return Match{}, false
	}
	norm := make([]string, len(values))
	sorted := make([]string, len(values))
	for f, fd := range e.cfg.Fields {
		norm[f] = fd.normalize(values[f])
		if e.sortedAt[f] >= 0 {
			sorted[f] = tokenSort(norm[f])
		}
	}
	var cands []uint32
	for r, rule := range e.cfg.Blocks {
		if k := rule.Key(norm); k != "" {
			cands = append(cands, m.blocks[r][hashKey(k)]...)
		}
	}
	slices.Sort(cands)
	cands = slices.Compact(cands)
	lv := make([]int8, len(e.kinds))
	for _, c := range cands {
		rec := e.record(int(c))
		for f, k := range e.kinds {
			lv[f] = int8(compare(k, norm[f], rec[f], sorted[f], e.sorted(f, int(c))))
		}
		prob := sigmoid(e.logitShared(lv, func(f int) float32 { return e.tf[f][c] }))
		if e.cfg.Distinct != nil && e.cfg.Distinct(lv) {
			prob = min(prob, distinctCap)
		}
		if !ok || prob > best.Probability {
			best, ok = Match{ID: m.ids[c], Probability: prob, Levels: make([]int, len(lv))}, true
			for f, l := range lv {
				best.Levels[f] = int(l)
			}
		}
	}
	return best, ok
}

// Threshold is the probability from which the configuration links a pair.
func (m *Matcher) Threshold() float64 { return m.e.cfg.Threshold }
