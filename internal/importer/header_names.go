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

// headerSep joins the names of a multi-row header's column, parent first.
const headerSep = " / "

// LookupHeader returns the field a header names, if any: an exact alias
// first, then a few telling words ("Omzet … Bulan", "Kecamatan …"). A
// name of a multi-row header ("IDENTITAS PEMILIK / NAMA") is read by its
// child in its parent's context.
func LookupHeader(h string) (Field, bool) {
	n := NormalizeHeader(h)
	if f, ok := aliases[n]; ok {
		return f, true
	}
	if i := strings.LastIndex(h, headerSep); i >= 0 {
		return lookupPair(h[:i], h[i+len(headerSep):])
	}
	return lookupWords(n)
}

// lookupPair names a child column in its parent's context: the child's
// own alias ("NIK", "DESA"; a bare "NAMA" under "USAHA" is the business's
// name), else telling words of both ("OMZET (Rp) / PER BULAN"), else of
// the child alone.
func lookupPair(parent, child string) (Field, bool) {
	p, c := NormalizeHeader(parent), NormalizeHeader(child)
	if f, ok := aliases[c]; ok {
		if f == FOwnerName && (c == "nama" || c == "namalengkap") && !strings.Contains(p, "pemilik") &&
			(strings.Contains(p, "usaha") || strings.Contains(p, "umkm") || strings.Contains(p, "perusahaan")) {
			return FName, true
		}
		return f, true
	}
	if f, ok := aliases[p+c]; ok {
		return f, true
	}
	if f, ok := lookupWords(p + c); ok {
		return f, true
	}
	return lookupWords(c)
}

// lookupWords finds a field by telling words in a normalised header.
func lookupWords(n string) (Field, bool) {
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
	case has("berdiri"):
		return FFoundedYear, true
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
