package linkage

import (
	"cmp"
	"math"
	"slices"
)

// clustering is a union–find over canonical positions that remembers each
// cluster's members, its first (smallest) member and each record's
// strongest link inside its cluster.
type clustering struct {
	parent  []int32
	members [][]int32 // by root
	first   []int32   // by root
	best    []float32 // by record
	linked  int
}

func (c *clustering) root(i int) int {
	for int(c.parent[i]) != i {
		c.parent[i] = c.parent[c.parent[i]]
		i = int(c.parent[i])
	}
	return i
}

// maxCluster bounds a cluster: a business is not listed hundreds of times,
// so a group that large is links chained through shared phones or names.
const maxCluster = 64

// cluster merges records along links from the strongest down. Two clusters
// merge only if, on average over all their cross pairs (scored on demand
// when not a candidate), they match: a bad link between one member of each
// cannot pull in records that resemble nothing in the other cluster. This
// is average linkage, decided greedily in a fixed order.
func (e *engine) cluster(pairs []uint64, probs []float32) clustering {
	c := clustering{parent: make([]int32, e.n), members: make([][]int32, e.n), first: make([]int32, e.n), best: make([]float32, e.n)}
	for i := range e.n {
		c.parent[i], c.first[i] = int32(i), int32(i)
	}
	th := float32(e.cfg.Threshold)
	var links []int
	for k, p := range probs {
		if p >= th {
			links = append(links, k)
		}
	}
	slices.SortFunc(links, func(a, b int) int {
		if x := cmp.Compare(probs[b], probs[a]); x != 0 {
			return x
		}
		return cmp.Compare(pairs[a], pairs[b])
	})
	known := make(map[uint64]float32, len(links))
	for _, k := range links {
		known[pairs[k]] = probs[k]
	}
	for _, k := range links {
		i, j := int(pairs[k]>>32), int(pairs[k]&math.MaxUint32)
		ri, rj := c.root(i), c.root(j)
		if ri == rj || !c.coherent(e, ri, rj, known) {
			continue
		}
		c.union(ri, rj)
	}
	for _, k := range links {
		i, j := int(pairs[k]>>32), int(pairs[k]&math.MaxUint32)
		if c.root(i) == c.root(j) {
			c.linked++
			c.best[i], c.best[j] = max(c.best[i], probs[k]), max(c.best[j], probs[k])
		}
	}
	return c
}

func (c *clustering) membersOf(r int) []int32 {
	if c.members[r] == nil {
		return []int32{int32(r)}
	}
	return c.members[r]
}

// coherent decides whether clusters ra and rb may merge.
func (c *clustering) coherent(e *engine, ra, rb int, known map[uint64]float32) bool {
	a, b := c.membersOf(ra), c.membersOf(rb)
	if len(a)*len(b) == 1 {
		return true
	}
	if len(a)+len(b) > maxCluster {
		return false
	}
	var sum float64
	for _, x := range a {
		for _, y := range b {
			i, j := min(x, y), max(x, y)
			if p, ok := known[uint64(i)<<32|uint64(j)]; ok {
				sum += float64(p)
			} else {
				sum += e.support(int(i), int(j))
			}
		}
	}
	return sum/float64(len(a)*len(b)) >= 0.5
}

func (c *clustering) union(ra, rb int) {
	a, b := c.membersOf(ra), c.membersOf(rb)
	if len(a) < len(b) {
		ra, rb, a, b = rb, ra, b, a
	}
	c.parent[rb] = int32(ra)
	c.members[ra] = append(append(make([]int32, 0, len(a)+len(b)), a...), b...)
	c.members[rb] = nil
	c.first[ra] = min(c.first[ra], c.first[rb])
}
