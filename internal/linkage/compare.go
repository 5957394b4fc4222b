package linkage

import "strings"

// compare gives the comparison level of two normalised values of kind k,
// -1 when either is missing (a missing value is no evidence either way).
func compare(k Kind, a, b, sa, sb string) int {
	if a == "" || b == "" {
		return -1
	}
	switch k {
	case Name, Trade:
		if a == b {
			return 4
		}
		s := nameSimilarity(a, b, sa, sb)
		switch {
		case s >= 0.94:
			return 3
		case s >= 0.88 || contained(sa, sb):
			return 2
		case s >= 0.80 || (k == Trade && FirstWord(a) == FirstWord(b)):
			return 1
		}
		return 0
	case Identifier:
		switch {
		case a == b:
			return 2
		case editDistanceAtMost1(a, b):
			return 1
		}
		return 0
	case NIK:
		return compareNIK(a, b)
	case Phone:
		switch {
		case a == b:
			return 3
		case len(a) >= 8 && len(b) >= 8 && a[len(a)-8:] == b[len(b)-8:]:
			return 2
		case editDistanceAtMost1(a, b):
			return 1
		}
		return 0
	case Region:
		switch {
		case a == b:
			return 2
		case parent(a) != "" && parent(a) == parent(b), within(a, b), within(b, a):
			return 1
		}
		return 0
	case Address:
		if a == b {
			return 3
		}
		switch o := tokenOverlap(a, b); {
		case o >= 0.8:
			return 2
		case o >= 0.5:
			return 1
		}
		return 0
	}
	if a == b {
		return 1
	}
	return 0
}

// parent is the code one level up ("36.04.15" for "36.04.15.2001"); a
// desa's code and its kecamatan's code (when only the kecamatan was known)
// then share a parent too.
func parent(code string) string {
	if i := strings.LastIndexByte(code, '.'); i > 0 {
		return code[:i]
	}
	return ""
}

// within reports whether code a lies inside region b (a desa inside the
// kecamatan that another list gave alone).
func within(a, b string) bool {
	return len(a) > len(b) && a[len(b)] == '.' && a[:len(b)] == b
}

// minTruncated is how many leading digits an Excel-truncated NIK must keep
// to be evidence at all: fewer is little more than the kecamatan.
const minTruncated = 12

func compareNIK(a, b string) int {
	if a == b {
		return 3
	}
	ta, tb := strings.TrimRight(a, "0"), strings.TrimRight(b, "0")
	if len(ta) < len(a) || len(tb) < len(b) {
		// One may have lost its last digits to Excel's 15 significant ones.
		short, long := ta, b
		if len(tb) < len(ta) {
			short, long = tb, a
		}
		if len(short) < len(a) && strings.HasPrefix(long, short) {
			if len(short) < minTruncated {
				return -1
			}
			return 1
		}
	}
	diff := 0
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			diff++
		}
	}
	if diff == 1 || (diff == 2 && editDistanceAtMost1(a, b)) {
		return 2
	}
	return 0
}

// contained reports whether every word of the shorter of two word-sorted
// names is in the longer ("emping melinjo" in "emping enah melinjo"): a
// list that leaves out the owner's name or the product still names the
// same business.
func contained(a, b string) bool {
	na, nb := strings.Count(a, " "), strings.Count(b, " ")
	if na > nb {
		a, b, na, nb = b, a, nb, na
	}
	if a == "" || na == nb {
		return false
	}
	for a != "" {
		var w string
		w, a, _ = strings.Cut(a, " ")
		for {
			if b == "" {
				return false
			}
			var x string
			x, b, _ = strings.Cut(b, " ")
			if x == w {
				break
			}
			if x > w {
				return false
			}
		}
	}
	return true
}

// nameSimilarity is the best of Jaro–Winkler and wordwise on the names as
// written and with their words sorted, stopping once it is sure of the top
// level.
func nameSimilarity(a, b, sa, sb string) float64 {
	s := JaroWinkler(a, b)
	if s >= 0.94 {
		return s
	}
	s = max(s, wordwise(a, b))
	if s < 0.94 && (sa != a || sb != b) {
		s = max(s, JaroWinkler(sa, sb), wordwise(sa, sb))
	}
	return s
}

// wordwise is the mean Jaro–Winkler of the words of a and b taken in
// order, when both have the same number of words (0 otherwise): one typo in
// a long name then costs only its word, where Jaro–Winkler over the whole
// text can lose much more.
func wordwise(a, b string) float64 {
	if strings.Count(a, " ") != strings.Count(b, " ") || !strings.Contains(a, " ") {
		return 0
	}
	var sum float64
	n := 0
	for a != "" {
		wa, ra, _ := strings.Cut(a, " ")
		wb, rb, _ := strings.Cut(b, " ")
		sum += JaroWinkler(wa, wb)
		n++
		a, b = ra, rb
	}
	return sum / float64(n)
}
