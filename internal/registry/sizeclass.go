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
	switch {
	case sales <= 2*miliar:
		return Mikro
	case sales <= 15*miliar:
		return Kecil
	case sales <= 50*miliar:
		return Menengah
	default:
		return Besar
	}
}

// ClassByCapital classes a business by capital (modal usaha, excluding land and buildings).
func ClassByCapital(capital int64) string {
	switch {
	case capital <= 1*miliar:
		return Mikro
	case capital <= 5*miliar:
		return Kecil
	case capital <= 10*miliar:
		return Menengah
	default:
		return Besar
	}
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
