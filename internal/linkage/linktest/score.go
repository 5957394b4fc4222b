package linktest

// F1 compares the pairs that clusters put together with the true pairs (all
// pairs of records of one entity) and returns precision, recall and F1.
func F1[T comparable](cluster []string, entity []T) (precision, recall, f1 float64) {
	truth := pairsOf(entity)
	found := pairsOf(cluster)
	tp := 0
	for p := range found {
		if truth[p] {
			tp++
		}
	}
	precision = float64(tp) / float64(max(len(found), 1))
	recall = float64(tp) / float64(max(len(truth), 1))
	if tp == 0 {
		return precision, recall, 0
	}
	return precision, recall, 2 * precision * recall / (precision + recall)
}

func pairsOf[T comparable](group []T) map[[2]int32]bool {
	byGroup := map[T][]int32{}
	for i, g := range group {
		byGroup[g] = append(byGroup[g], int32(i))
	}
	out := map[[2]int32]bool{}
	for _, m := range byGroup {
		for x := range m {
			for y := x + 1; y < len(m); y++ {
				out[[2]int32{m[x], m[y]}] = true
			}
		}
	}
	return out
}
