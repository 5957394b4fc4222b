package importer

import (
	"strings"
	"unicode"
)

// Kinds of rows that hold no business and are skipped, never rejected.
const (
	SkipBlank    = "blank"    // an empty row between data rows
	SkipGroup    = "group"    // "KECAMATAN CIKANDE": sets the region of the rows below
	SkipSubtotal = "subtotal" // "JUMLAH KEC. CIKANDE"
	SkipTotal    = "total"    // "JUMLAH", "TOTAL"
)

// SkipLabel is the Indonesian name of a kind of skipped row.
func SkipLabel(kind string) string {
	switch kind {
	case SkipBlank:
		return "baris kosong"
	case SkipGroup:
		return "baris kelompok wilayah"
	case SkipSubtotal:
		return "baris subtotal"
	case SkipTotal:
		return "baris jumlah"
	}
	return kind
}

// Group levels of a group row.
const (
	GroupDistrict = "kecamatan"
	GroupVillage  = "desa"
)

// groupPrefixes are the words that open a region label, longest first.
var groupPrefixes = []struct{ word, level string }{
	{"kecamatan", GroupDistrict}, {"kec", GroupDistrict},
	{"desakelurahan", GroupVillage}, {"desakel", GroupVillage}, {"kelurahan", GroupVillage},
	{"desa", GroupVillage}, {"kel", GroupVillage}, {"ds", GroupVillage},
}

// ParseGroupLabel reads a region label such as "KECAMATAN CIKANDE",
// "KEC. KIBIN", "II. Kecamatan: Ciruas" or "DESA NAMBO UDIK", and returns
// its level (GroupDistrict or GroupVillage) and the region's name as
// written. A label names one place: at most four words after the prefix.
func ParseGroupLabel(s string) (level, name string, ok bool) {
	s = strings.TrimSpace(stripEnumerator(strings.TrimSpace(s)))
	lower := asciiLower(s) // same length as s, so rest indexes s
	for _, p := range groupPrefixes {
		rest, found := cutWordPrefix(lower, p.word)
		if !found {
			continue
		}
		name = strings.TrimSpace(strings.TrimLeft(s[len(s)-len(rest):], ".:- "))
		words := strings.Fields(name)
		if len(words) == 0 || len(words) > 4 || len(name) > 40 {
			return "", "", false
		}
		for _, r := range name {
			if !unicode.IsLetter(r) && r != ' ' && r != '-' && r != '.' && r != '\'' {
				return "", "", false
			}
		}
		return p.level, strings.Join(words, " "), true
	}
	return "", "", false
}

// asciiLower lowers A–Z only, keeping every byte's position.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// cutWordPrefix cuts a prefix written with optional "/" or "." inside it
// ("desa/kel.", "kec.") and followed by a separator, from lower-case s.
func cutWordPrefix(s, word string) (string, bool) {
	i, j := 0, 0
	for j < len(word) && i < len(s) {
		switch {
		case s[i] == word[j]:
			i, j = i+1, j+1
		case s[i] == '/' || s[i] == '.' && j > 0:
			i++
		default:
			return "", false
		}
	}
	if j < len(word) || i == len(s) || !strings.ContainsRune(" .:-", rune(s[i])) {
		return "", false
	}
	return s[i:], true
}

// stripEnumerator drops a leading "1.", "II.", "A.", "(3)" or "1)" that
// numbers a group.
func stripEnumerator(s string) string {
	first, rest, ok := strings.Cut(s, " ")
	if !ok {
		return s
	}
	if isEnumerator(strings.Trim(first, "().")) && strings.ContainsAny(first[len(first)-1:], ".)") {
		return rest
	}
	return s
}

// isEnumerator reports whether s numbers a row or group: digits, a roman
// numeral or a single letter.
func isEnumerator(s string) bool {
	if s == "" || len(s) > 5 {
		return false
	}
	if allDigits(s) || len(s) == 1 && unicode.IsLetter(rune(s[0])) {
		return true
	}
	return strings.Trim(strings.ToUpper(s), "IVXLC") == ""
}

// totalWords open a subtotal or total row; a row that is only one of
// totalOnly is the grand total.
var (
	totalWords = []string{"jumlah", "total", "subtotal", "grandtotal", "rekapitulasi"}
	totalOnly  = map[string]bool{"jumlah": true, "total": true, "grandtotal": true, "jumlahtotal": true,
		"totalkeseluruhan": true, "jumlahkeseluruhan": true, "jumlahseluruhnya": true, "totalseluruhnya": true,
		"jumlahakhir": true, "totalakhir": true, "jumlahsemua": true}
)

// rowKind classifies a row that holds no business: blank, a group label
// (returned with its level and region name), a subtotal or a total, with
// the row's label. It returns "" for a data row. A total row holds its
// label and numbers only, so a business named "Total Snack" with an owner
// is still a business.
func rowKind(cells []string) (kind, level, name, label string) {
	var texts []string
	for _, c := range cells {
		c = cleanText(c)
		if c == "" || isNumberCell(c) || isEnumerator(strings.Trim(c, "().")) {
			continue
		}
		texts = append(texts, c)
	}
	switch {
	case blankRow(cells):
		return SkipBlank, "", "", ""
	case len(texts) != 1:
		return "", "", "", ""
	}
	label = texts[0]
	norm := NormalizeHeader(label)
	for _, w := range totalWords {
		if strings.HasPrefix(norm, w) {
			if totalOnly[norm] {
				return SkipTotal, "", "", label
			}
			return SkipSubtotal, "", "", label
		}
	}
	if lv, nm, ok := ParseGroupLabel(label); ok && onlyEnumerators(cells, label) {
		return SkipGroup, lv, nm, label
	}
	return "", "", "", ""
}

// isNumberCell reports whether a cell is an amount or count: what a
// subtotal row holds beside its label.
func isNumberCell(s string) bool {
	if s == "-" {
		return true
	}
	_, err := ParseMoney(s)
	return err == nil
}

// onlyEnumerators reports whether every non-empty cell but the label
// numbers the group: a group row holds nothing else.
func onlyEnumerators(cells []string, label string) bool {
	seen := false
	for _, c := range cells {
		c = cleanText(c)
		switch {
		case c == "":
		case c == label && !seen:
			seen = true
		case !isEnumerator(strings.Trim(c, "().")):
			return false
		}
	}
	return true
}
