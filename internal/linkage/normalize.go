package linkage

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// honorifics are titles and forms of address that come and go between lists
// ("Bu Enah", "Hj. Enah", "Ibu Hj. Enah"): dropped from names.
var honorifics = setOf("bu", "ibu", "bunda", "pak", "bapak", "bpk", "bp", "h", "hj", "haji", "hajjah", "hajah",
	"tb", "ny", "nyonya", "sdr", "sdri", "saudara", "saudari", "mbak", "mba", "mas", "teh", "kang", "akang",
	"ceu", "abah", "mang", "umi", "ummi", "ust", "ustad", "ustadz", "ustadzah", "kh", "hajji")

// legalForms are the business forms written before or after a name ("UD.
// Emping Melinjo", "CV Sinar Jaya", "PT. …"): dropped from business names.
var legalForms = setOf("ud", "cv", "pt", "tbk", "persero", "pd", "fa", "firma", "koperasi", "kop", "kud", "ksp")

// spellings maps common spelling variants to one form: everyday variants of
// product words and the many spellings of Muhammad.
var spellings = map[string]string{
	"kripik": "keripik", "kripick": "keripik", "keripick": "keripik",
	"krupuk": "kerupuk", "kerupuk": "kerupuk", "kurupuk": "kerupuk",
	"mlinjo": "melinjo", "belinjo": "melinjo",
	"sambel": "sambal", "kueh": "kue", "kwe": "kue", "roti2": "roti",
	"rengginang": "ranginang", "opak2": "opak", "tahu2": "tahu",
	"muhammad": "muhammad", "muhamad": "muhammad", "muhammmad": "muhammad", "mohammad": "muhammad",
	"mohamad": "muhammad", "mohammed": "muhammad", "muhamed": "muhammad", "moh": "muhammad", "muh": "muhammad",
	"mochammad": "muhammad", "mochamad": "muhammad", "mukhammad": "muhammad", "mhd": "muhammad", "md": "muhammad",
	"mahmud": "mahmud", "achmad": "ahmad", "akhmad": "ahmad", "ahmat": "ahmad", "abd": "abdul", "abdl": "abdul",
	"siti": "siti", "sity": "siti", "st": "siti", "nurul": "nurul", "nur": "nur", "noor": "nur",
}

// oldSpelling rewrites the pre-1972 spelling still found in older names
// (Soekarno, Djuanda, Tjitra) to today's.
var oldSpelling = strings.NewReplacer("oe", "u", "dj", "j", "tj", "c", "sj", "sy", "ch", "kh")

// hasOldSpelling reports whether w holds one of oldSpelling's pairs of
// letters, which few words do: the replacer is then skipped.
func hasOldSpelling(w string) bool {
	for i := 0; i+1 < len(w); i++ {
		switch w[i : i+2] {
		case "oe", "dj", "tj", "sj", "ch", "kh":
			return true
		}
	}
	return false
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Fold is the basis of every text normalisation: lower case, accents
// dropped, every run of punctuation or space one space, trimmed.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// asciiFold is Fold for the common case of plain ASCII text, without the
// Unicode decomposition, which costs more than the rest of normalisation.
func asciiFold(s string) (string, bool) {
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return "", false
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = append(b, c)
		default:
			space = true
		}
	}
	return string(b), true
}

func fold(s string) string {
	if f, ok := asciiFold(s); ok {
		return f
	}
	return Fold(s)
}

// NormalizePerson folds an owner's name for comparison: honorifics dropped,
// old spelling and variants of common names unified ("Hj. Siti Muhamad" and
// "SITI MUHAMMAD" give "siti muhammad").
func NormalizePerson(s string) string {
	return normalizeWords(s, honorifics, nil)
}

// NormalizeBusiness folds a business name: legal forms and honorifics
// dropped, spelling variants unified ("UD. Kripik Bu Enah" gives "keripik
// enah").
func NormalizeBusiness(s string) string {
	return normalizeWords(s, honorifics, legalForms)
}

func normalizeWords(s string, drop1, drop2 map[string]bool) string {
	words := strings.Fields(fold(s))
	out := words[:0]
	for _, w := range words {
		if drop1[w] || drop2[w] {
			continue
		}
		if v, ok := spellings[w]; ok {
			w = v
		} else if hasOldSpelling(w) {
			w = oldSpelling.Replace(w)
		}
		out = append(out, w)
	}
	if len(out) == 0 && len(words) > 0 {
		// A name that is only a title ("Pak Haji") keeps it rather than
		// becoming empty, which would read as missing.
		return strings.Join(words, " ")
	}
	return strings.Join(out, " ")
}

// NormalizeText folds free text (addresses, places) without dropping words.
func NormalizeText(s string) string { return fold(s) }

// Digits keeps the digits of s.
func Digits(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// NormalizePhone gives an Indonesian phone number in one form, 08…: "+62
// 812-3456-7890", "62812…", "0812 3456 7890" and "812345…" are the same
// number. Text without enough digits is no number ("-", "tidak ada").
func NormalizePhone(s string) string {
	d := Digits(s)
	switch {
	case strings.HasPrefix(d, "620"):
		d = d[2:]
	case strings.HasPrefix(d, "62"):
		d = "0" + d[2:]
	case strings.HasPrefix(d, "8"):
		d = "0" + d
	}
	if len(d) < 7 || d[0] != '0' {
		return ""
	}
	return d
}

// NormalizeNIK gives a NIK as its digits, also when Excel wrote it in
// scientific notation ("3.60415E+15" becomes 3604150000000000, a NIK whose
// last digits were lost). Anything not of 16 digits is no NIK.
func NormalizeNIK(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "eE"); i > 0 {
		if d := fromScientific(s[:i], s[i+1:]); d != "" {
			return d
		}
	}
	d := Digits(s)
	if len(d) != 16 || strings.Trim(d, "0") == "" {
		return ""
	}
	return d
}

// fromScientific expands mantissa×10^exp into digits ("3.60415", "+15").
func fromScientific(mantissa, exp string) string {
	mantissa = strings.ReplaceAll(mantissa, ",", ".")
	whole, frac, _ := strings.Cut(mantissa, ".")
	if Digits(whole) != whole || Digits(frac) != frac || whole == "" {
		return ""
	}
	e := 0
	for _, c := range strings.TrimPrefix(exp, "+") {
		if c < '0' || c > '9' {
			return ""
		}
		e = e*10 + int(c-'0')
		if e > 40 {
			return ""
		}
	}
	digits := whole + frac
	n := len(whole) + e
	if n != 16 || len(digits) > n {
		return ""
	}
	return digits + strings.Repeat("0", n-len(digits))
}
