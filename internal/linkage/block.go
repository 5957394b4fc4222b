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
	var pairs, rulePairs []uint64
	keys := make([]keyed, 0, e.n)
	for _, rule := range e.cfg.Blocks {
		keys = keys[:0]
		rulePairs = rulePairs[:0]
		for c := range e.n {
			if k := rule.Key(e.record(c)); k != "" {
				keys = append(keys, keyed{hash: hashKey(k), rec: uint32(c)})
			}
		}
		slices.SortFunc(keys, func(a, b keyed) int {
			if c := cmp.Compare(a.hash, b.hash); c != 0 {
				return c
			}
			return cmp.Compare(a.rec, b.rec)
		})
		sortKey := e.orderOf(rule)
		for lo := 0; lo < len(keys); {
			hi := lo + 1
			for hi < len(keys) && keys[hi].hash == keys[lo].hash {
				hi++
			}
			rulePairs = blockPairs(keys[lo:hi], rule.maxBlock(e.cfg.MaxBlock), sortKey, rulePairs)
			lo = hi
		}
		pairs = union(pairs, dedupe(rulePairs))
	}
	return pairs
}

// union merges two ascending lists of distinct pairs into one.
func union(a, b []uint64) []uint64 {
	if len(a) == 0 {
		return slices.Clone(b)
	}
	out := make([]uint64, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			out = append(out, a[i])
			i++
		case a[i] > b[j]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i, j = i+1, j+1
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// orderOf gives the order of rule's sorted neighbourhoods: its Order, or
// the first field's words sorted.
func (e *engine) orderOf(rule BlockRule) func(uint32) string {
	if rule.Order == nil {
		return func(c uint32) string {
			if e.sortedAt[0] >= 0 {
				return e.sorted(0, int(c))
			}
			return e.record(int(c))[0]
		}
	}
	return func(c uint32) string { return rule.Order(e.record(int(c))) }
}

// blockPairs appends the pairs of one block: all of them, or in a block
// larger than maxBlock each record with its maxBlock neighbours in the
// order of sortKey (a sorted neighbourhood).
func blockPairs(block []keyed, maxBlock int, sortKey func(uint32) string, pairs []uint64) []uint64 {
	type member struct {
		order string
		rec   uint32
	}
	members := make([]member, len(block))
	for i, k := range block {
		members[i].rec = k.rec
	}
	window := len(members)
	if len(members) > maxBlock {
		window = maxBlock
		for i := range members {
			members[i].order = sortKey(members[i].rec)
		}
		slices.SortStableFunc(members, func(a, b member) int { return strings.Compare(a.order, b.order) })
	}
	for x := range members {
		for y := x + 1; y < len(members) && y <= x+window; y++ {
			i, j := members[x].rec, members[y].rec
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
