package registry

// Size classes by PP No. 7 Tahun 2021, Pasal 35.
const (
	Mikro    = "mikro"
	Kecil    = "kecil"
	Menengah = "menengah"
	Besar    = "besar"
)

// SizeClasses lists the classes from smallest to largest.
var SizeClasses = []string{Mikro, Kecil, Menengah, Besar}

// Basis of a size class.
const (
	BasisRevenue = "revenue"
	BasisCapital = "capital"
)

const (
	juta   int64 = 1_000_000
	miliar       = 1000 * juta
)

// ClassBySales classes a business by annual sales (hasil penjualan tahunan).
func ClassBySales(sales int64) string {
	return classUpTo(sales, [3]int64{2 * miliar, 15 * miliar, 50 * miliar})
}

// ClassByCapital classes a business by capital (modal usaha, excluding land and buildings).
func ClassByCapital(capital int64) string {
	return classUpTo(capital, [3]int64{1 * miliar, 5 * miliar, 10 * miliar})
}

// classUpTo is the class of an amount given the upper limits of mikro,
// kecil and menengah (each inclusive); above the last it is besar.
func classUpTo(amount int64, limits [3]int64) string {
	for i, class := range []string{Mikro, Kecil, Menengah} {
		if amount <= limits[i] {
			return class
		}
	}
	return Besar
}

// Classify returns the size class and its basis. Annual sales decide when
// known (>0), because this office's work is empowerment, for which PP 7/2021
// uses sales; capital is the fallback. With neither, the class is "" (unknown).
func Classify(revenue, capital int64) (class, basis string) {
	switch {
	case revenue > 0:
		return ClassBySales(revenue), BasisRevenue
	case capital > 0:
		return ClassByCapital(capital), BasisCapital
	default:
		return "", ""
	}
}

// ClassRank orders classes: mikro 1 … besar 4, unknown 0. Used to tell "up" from "down".
func ClassRank(class string) int {
	for i, c := range SizeClasses {
		if c == class {
			return i + 1
		}
	}
	return 0
}

// ClassOrUnknown is a size class as exports and the timeline write it:
// its code, or "belum diketahui" while it is unknown.
func ClassOrUnknown(c string) string {
	if c == "" {
		return "belum diketahui"
	}
	return c
}
