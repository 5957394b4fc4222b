package importer

import (
	"strings"
	"unicode"
)

// aliases maps a normalised header (see NormalizeHeader) to its field: the
// aliases, labels and English names of the fields table.
var aliases = func() map[string]Field {
	m := map[string]Field{}
	for _, s := range fields {
		names := s.aliases
		switch s.field {
		case FIgnore:
		case FInfo: // its label describes it, it is no header
			names = append([]string{string(s.field)}, names...)
		default:
			names = append([]string{s.label, string(s.field)}, names...)
		}
		for _, n := range names {
			m[NormalizeHeader(n)] = s.field
		}
	}
	return m
}()

// NormalizeHeader folds a header for lookup: lower case, letters and digits
// only, so "No. HP", "NO HP" and "no_hp" are the same key.
func NormalizeHeader(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// LookupHeader returns the field a header names, if any: an exact alias
// first, then a few telling words ("Omzet … Bulan", "Kecamatan …").
func LookupHeader(h string) (Field, bool) {
	n := NormalizeHeader(h)
	if f, ok := aliases[n]; ok {
		return f, true
	}
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(n, w) {
				return true
			}
		}
		return false
	}
	switch {
	case n == "":
		return "", false
	case has("omzet", "omset", "penjualan") && has("bulan"):
		return FMonthlyRevenue, true
	case has("omzet", "omset"):
		return FRevenue, true
	case has("modal"):
		return FCapital, true
	case has("kecamatan"):
		return FDistrict, true
	case has("desa", "kelurahan"):
		return FVillage, true
	case strings.HasPrefix(n, "nib"):
		return FNIB, true
	case strings.HasPrefix(n, "nik"):
		return FNIK, true
	case has("pirt"):
		return FPIRT, true
	case has("karyawan", "tenagakerja"):
		return FEmployees, true
	}
	return "", false
}
