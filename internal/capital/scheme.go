package capital

import "naikkelas/internal/idfmt"

// KUR schemes by the amount asked (Permenko Perekonomian on KUR): super
// mikro up to Rp10 juta, mikro above that up to Rp100 juta, kecil above that
// up to Rp500 juta; a larger need is no KUR but commercial credit.
const (
	SchemeSuperMicro = "kur_super_mikro"
	SchemeMicro      = "kur_mikro"
	SchemeSmall      = "kur_kecil"
	SchemeNone       = "non_kur"
)

// Upper bounds of the KUR schemes, rupiah, inclusive.
const (
	SuperMicroMax int64 = 10_000_000
	MicroMax      int64 = 100_000_000
	SmallMax      int64 = 500_000_000
)

// Schemes lists the schemes from the smallest.
var Schemes = []string{SchemeSuperMicro, SchemeMicro, SchemeSmall, SchemeNone}

// SchemeFor returns the scheme an amount falls in.
func SchemeFor(amount int64) string {
	switch {
	case amount <= SuperMicroMax:
		return SchemeSuperMicro
	case amount <= MicroMax:
		return SchemeMicro
	case amount <= SmallMax:
		return SchemeSmall
	}
	return SchemeNone
}

// SchemeLabel is the Indonesian name of a scheme.
func SchemeLabel(s string) string { return idfmt.Label(schemeLabels, s) }

var schemeLabels = map[string]string{SchemeSuperMicro: "KUR Super Mikro", SchemeMicro: "KUR Mikro",
	SchemeSmall: "KUR Kecil", SchemeNone: "Kredit komersial (di atas plafon KUR)"}

// NeedsCollateral reports whether the bank asks for additional collateral
// under the scheme: KUR up to Rp100 juta is granted without it.
func NeedsCollateral(scheme string) bool { return scheme == SchemeSmall || scheme == SchemeNone }
