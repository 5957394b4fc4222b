package linkage

import (
	"slices"
	"strings"
)

// JaroWinkler is the Jaro–Winkler similarity of a and b (1 equal, 0 nothing
// in common), on bytes: names are folded to ASCII before they get here, and
// on other text it is still a fair measure.
func JaroWinkler(a, b string) float64 {
	if a == b {
		return 1
	}
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	window := max(len(b)/2-1, 0)
	var flagsA, flagsB [64]bool
	ma, mb := flagsA[:], flagsB[:]
	if len(a) > 64 || len(b) > 64 {
		ma, mb = make([]bool, len(a)), make([]bool, len(b))
	}
	matches := 0
	for i := 0; i < len(a); i++ {
		lo, hi := max(0, i-window), min(len(b), i+window+1)
		for j := lo; j < hi; j++ {
			if !mb[j] && a[i] == b[j] {
				ma[i], mb[j] = true, true
				matches++
				break
			}
		}
	}
	if matches == 0 {
		return 0
	}
	transpositions, j := 0, 0
	for i := 0; i < len(a); i++ {
		if !ma[i] {
			continue
		}
		for !mb[j] {
			j++
		}
		if a[i] != b[j] {
			transpositions++
		}
		j++
	}
	m := float64(matches)
	jaro := (m/float64(len(a)) + m/float64(len(b)) + (m-float64(transpositions/2))/m) / 3
	prefix := 0
	for prefix < min(4, len(a)) && a[prefix] == b[prefix] {
		prefix++
	}
	return jaro + float64(prefix)*0.1*(1-jaro)
}

// editDistanceAtMost1 reports whether a and b differ by at most one
// insertion, deletion, substitution or swap of neighbours (a typed digit
// too many, too few, wrong or two digits swapped).
func editDistanceAtMost1(a, b string) bool {
	if a == b {
		return true
	}
	la, lb := len(a), len(b)
	if la > lb {
		a, b, la, lb = b, a, lb, la
	}
	if lb-la > 1 {
		return false
	}
	i := 0
	for i < la && a[i] == b[i] {
		i++
	}
	if la == lb {
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	}
	return a[i:] == b[i+1:]
}

// tokenSort returns the words of s in sorted order, so that "Enah Emping"
// and "Emping Enah" compare equal.
func tokenSort(s string) string {
	words := strings.Fields(s)
	if len(words) < 2 {
		return s
	}
	slices.Sort(words)
	return strings.Join(words, " ")
}

// tokenOverlap is the share of the shorter text's words found in the other
// (by near-equal spelling), the measure used for addresses, whose parts
// come in any order and are often left out.
func tokenOverlap(a, b string) float64 {
	if a == "" || b == "" {
		return 0
	}
	if strings.Count(a, " ") > strings.Count(b, " ") {
		a, b = b, a
	}
	found, words := 0, 0
	for a != "" {
		var x string
		x, a, _ = strings.Cut(a, " ")
		if x == "" {
			continue
		}
		words++
		for rest := b; rest != ""; {
			var y string
			y, rest, _ = strings.Cut(rest, " ")
			if x == y || (len(x) > 3 && JaroWinkler(x, y) >= 0.92) {
				found++
				break
			}
		}
	}
	if words == 0 {
		return 0
	}
	return float64(found) / float64(words)
}
