package importer

import (
	"errors"
	"math"
	"strings"
)

var errMoneyFormat = errors.New("format nilai uang tidak dikenali (contoh yang benar: Rp 1.500.000, 1,5 jt, 750 rb)")

// moneyUnits maps Indonesian magnitude words to their power of ten.
var moneyUnits = map[string]int{
	"rb": 3, "rbu": 3, "ribu": 3, "k": 3,
	"jt": 6, "jta": 6, "juta": 6,
	"m": 9, "miliar": 9, "milyar": 9, "mliar": 9, "mlyr": 9, "mil": 9,
	"t": 12, "triliun": 12, "trilyun": 12,
}

// ParseMoney reads an amount of rupiah as written in Indonesian files:
// "Rp 1.500.000", "1.500.000,00", "1500000", "1,5 jt", "2 M", "750 rb",
// "Rp1.500.000,-". The result is whole rupiah (fractions of a rupiah are
// rounded half up). Negative amounts and amounts beyond int64 are refused.
// It never uses floating point.
func ParseMoney(s string) (int64, error) {
	s = strings.ToLower(strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " ")))
	s = strings.TrimSuffix(strings.TrimSuffix(s, ",-"), ".-")
	s = strings.TrimSpace(s)
	for _, p := range []string{"rp.", "rp", "idr"} {
		if strings.HasPrefix(s, p) {
			s = strings.TrimSpace(s[len(p):])
			break
		}
	}
	if s == "" {
		return 0, errMoneyFormat
	}
	if s[0] == '-' || strings.HasPrefix(s, "(") {
		return 0, errors.New("nilai uang tidak boleh negatif")
	}
	// split number and unit word
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.' || s[i] == ',' || s[i] == ' ') {
		i++
	}
	num, unit := strings.ReplaceAll(s[:i], " ", ""), strings.TrimSpace(s[i:])
	unit = strings.TrimSuffix(unit, ".")
	exp := 0
	if unit != "" {
		if e, ok := sciExponent(num, unit); ok {
			return scaleMoney(num, "", e)
		}
		u, ok := moneyUnits[unit]
		if !ok {
			return 0, errMoneyFormat
		}
		exp = u
	}
	intPart, frac, ok := splitDecimal(num, exp > 0)
	if !ok {
		return 0, errMoneyFormat
	}
	return scaleMoney(intPart, frac, exp)
}

// sciExponent recognises "1.5e+06" split as num "1.5" and unit "e+06".
func sciExponent(num, unit string) (int, bool) {
	if num == "" || (unit[0] != 'e') {
		return 0, false
	}
	rest := strings.TrimPrefix(unit[1:], "+")
	if rest == "" || len(rest) > 2 {
		return 0, false
	}
	e := 0
	for _, c := range rest {
		if c < '0' || c > '9' {
			return 0, false
		}
		e = e*10 + int(c-'0')
	}
	return e, true
}

// splitDecimal separates the integer digits from the fraction digits of a
// number written with Indonesian (1.500.000,50) or English (1,500,000.50)
// separators. A single dot before exactly three digits groups thousands
// ("1.500 rb"); a single comma is a decimal comma when a magnitude word
// follows ("1,500 jt") and otherwise only when not followed by three digits.
func splitDecimal(num string, unitFollows bool) (intPart, frac string, ok bool) {
	if num == "" {
		return "", "", false
	}
	dots, commas := strings.Count(num, "."), strings.Count(num, ",")
	dec := byte(0)
	switch {
	case dots > 0 && commas > 0:
		dec = num[max(strings.LastIndexByte(num, '.'), strings.LastIndexByte(num, ','))]
		if strings.Count(num, string(dec)) > 1 {
			return "", "", false
		}
	case commas == 1 && (unitFollows || len(num)-strings.IndexByte(num, ',')-1 != 3):
		dec = ','
	case dots == 1 && len(num)-strings.IndexByte(num, '.')-1 != 3:
		dec = '.'
	}
	whole := num
	if dec != 0 {
		k := strings.LastIndexByte(num, dec)
		whole, frac = num[:k], num[k+1:]
	}
	// thousands separators must group by three
	sep := byte('.')
	if dec == '.' || (dec == 0 && commas > 0) {
		sep = ','
	}
	groups := strings.Split(whole, string(sep))
	for gi, g := range groups {
		if g == "" || !allDigits(g) || (gi > 0 && len(g) != 3) || (gi == 0 && len(groups) > 1 && len(g) > 3) {
			return "", "", false
		}
	}
	if frac != "" && !allDigits(frac) {
		return "", "", false
	}
	return strings.Join(groups, ""), frac, true
}

// scaleMoney returns intPart.frac × 10^exp rounded half up to a whole number.
func scaleMoney(intPart, frac string, exp int) (int64, error) {
	if strings.ContainsAny(intPart, ".,") {
		var ok bool
		if intPart, frac, ok = splitDecimal(intPart, true); !ok {
			return 0, errMoneyFormat
		}
	}
	digits := intPart + frac
	point := len(intPart) + exp // digits before the decimal point
	var v int64
	tooBig := errors.New("nilai uang terlalu besar")
	for i := 0; i < point; i++ {
		d := int64(0)
		if i < len(digits) {
			d = int64(digits[i] - '0')
		}
		if v > (math.MaxInt64-d)/10 {
			return 0, tooBig
		}
		v = v*10 + d
	}
	if point < len(digits) && digits[point] >= '5' {
		if v == math.MaxInt64 {
			return 0, tooBig
		}
		v++
	}
	return v, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
