package linkage

import (
	"cmp"
	"slices"
	"strings"
)

type keyed struct {
	hash uint64
	rec  uint32
}

// candidates is the sorted union of every rule's pairs, each pair once.
func (e *engine) candidates() []uint64 {
	var pairs []uint64
	values := make([]string, len(e.fields))
	keys := make([]keyed, 0, e.n)
	for _, rule := range e.cfg.Blocks {
		keys = keys[:0]
		for c := range e.n {
			for f := range e.fields {
				values[f] = e.fields[f].values[c]
			}
			if k := rule.Key(values); k != "" {
				keys = append(keys, keyed{hash: hashKey(k), rec: uint32(c)})
			}
		}
		slices.SortFunc(keys, func(a, b keyed) int {
			if c := cmp.Compare(a.hash, b.hash); c != 0 {
				return c
			}
			return cmp.Compare(a.rec, b.rec)
		})
		for lo := 0; lo < len(keys); {
			hi := lo + 1
			for hi < len(keys) && keys[hi].hash == keys[lo].hash {
				hi++
			}
			pairs = e.blockPairs(keys[lo:hi], rule.maxBlock(e.cfg.MaxBlock), pairs)
			lo = hi
		}
		pairs = dedupe(pairs)
	}
	return pairs
}

// blockPairs appends the pairs of one block: all of them, or in a block
// larger than MaxBlock each record with its MaxBlock neighbours in the
// order of the first field's words (a sorted neighbourhood).
func (e *engine) blockPairs(block []keyed, maxBlock int, pairs []uint64) []uint64 {
	recs := make([]uint32, len(block))
	for i, k := range block {
		recs[i] = k.rec
	}
	window := len(recs)
	if len(recs) > maxBlock {
		window = maxBlock
		first := &e.fields[0]
		slices.SortStableFunc(recs, func(a, b uint32) int {
			return strings.Compare(first.sortKey(a), first.sortKey(b))
		})
	}
	for x := range recs {
		for y := x + 1; y < len(recs) && y <= x+window; y++ {
			i, j := recs[x], recs[y]
			if i > j {
				i, j = j, i
			}
			pairs = append(pairs, uint64(i)<<32|uint64(j))
		}
	}
	return pairs
}

func (r BlockRule) maxBlock(limit int) int {
	if r.MaxBlock > 0 {
		return min(r.MaxBlock, limit)
	}
	return limit
}

func (p *prepared) sortKey(c uint32) string {
	if p.sorted != nil {
		return p.sorted[c]
	}
	return p.values[c]
}

// hashKey is 64-bit FNV-1a: fixed on every run, unlike maphash, so that
// blocks (and any collision between keys) are the same each time.
func hashKey(k string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(k); i++ {
		h ^= uint64(k[i])
		h *= 1099511628211
	}
	return h
}

func dedupe(pairs []uint64) []uint64 {
	slices.Sort(pairs)
	return slices.Compact(pairs)
}
