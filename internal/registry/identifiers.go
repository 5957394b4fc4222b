package registry

import (
	"naikkelas/internal/idfmt"

	"fmt"
	"regexp"
	"strings"
	"time"
)

// NIKInfo is what a valid NIK tells about its holder.
type NIKInfo struct {
	Region    string // 6 digits: province, regency, district
	BirthDate time.Time
	Gender    string // "L" or "P"
}

var sciNotation = regexp.MustCompile(`^[0-9](\.[0-9]+)?[eE]\+?[0-9]+$`)

// ErrNIKScientific is the message for a NIK that Excel turned into scientific notation.
const ErrNIKScientific = "NIK tertulis dalam notasi ilmiah (mis. 3.60405E+15): digitnya sudah hilang di Excel. Ketik ulang NIK sebagai teks."

// ParseNIK checks a NIK: 16 digits whose digits 7–12 are a plausible birth
// date DDMMYY (DD+40 for women). It never "repairs" a damaged NIK; the error
// is an Indonesian message fit to show next to the field.
func ParseNIK(s string) (NIKInfo, error) {
	s = strings.TrimSpace(s)
	if sciNotation.MatchString(strings.ReplaceAll(s, ",", ".")) {
		return NIKInfo{}, fmt.Errorf("%s", ErrNIKScientific)
	}
	if len(s) != 16 || !allDigits(s) {
		return NIKInfo{}, fmt.Errorf("NIK harus 16 digit angka (terisi %d karakter)", len([]rune(s)))
	}
	if s[0] == '0' {
		return NIKInfo{}, fmt.Errorf("NIK tidak valid: kode provinsi tidak boleh diawali 0")
	}
	dd := atoi2(s[6:8])
	mm := atoi2(s[8:10])
	yy := atoi2(s[10:12])
	gender := "L"
	if dd > 40 {
		dd -= 40
		gender = "P"
	}
	if mm < 1 || mm > 12 || dd < 1 || dd > 31 {
		return NIKInfo{}, fmt.Errorf("NIK tidak valid: bagian tanggal lahir (digit 7–12) bukan tanggal yang mungkin")
	}
	year := 2000 + yy
	if year > idfmt.Year(time.Now()) {
		year -= 100
	}
	bd := time.Date(year, time.Month(mm), dd, 0, 0, 0, 0, time.UTC)
	if bd.Day() != dd { // 31 Februari and the like
		return NIKInfo{}, fmt.Errorf("NIK tidak valid: bagian tanggal lahir (digit 7–12) bukan tanggal yang mungkin")
	}
	if s[12:] == "0000" {
		return NIKInfo{}, fmt.Errorf("NIK tidak valid: nomor urut (digit 13–16) tidak boleh 0000")
	}
	return NIKInfo{Region: s[:6], BirthDate: bd, Gender: gender}, nil
}

// ValidNIB reports whether s is a 13-digit NIB.
func ValidNIB(s string) bool { return len(s) == 13 && allDigits(s) }

// NormalizePhone turns an Indonesian mobile number written as 08…, +62 8…,
// 628… or 8… (Excel dropped the leading 0) into +628…. Spaces, dots, dashes
// and brackets are ignored. The result has 10–13 digits after +62.
func NormalizePhone(s string) (string, error) {
	var b strings.Builder
	for i, r := range strings.TrimSpace(s) {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && i == 0:
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')' || r == '\u00a0':
		default:
			return "", fmt.Errorf("nomor HP hanya boleh berisi angka, spasi, tanda hubung, atau + di depan")
		}
	}
	d := b.String()
	switch {
	case strings.HasPrefix(d, "62"):
		d = d[2:]
	case strings.HasPrefix(d, "0"):
		d = d[1:]
	}
	if !strings.HasPrefix(d, "8") {
		return "", fmt.Errorf("nomor HP harus nomor seluler Indonesia (08…, +62 8… atau 628…)")
	}
	if len(d) < 9 || len(d) > 12 {
		return "", fmt.Errorf("panjang nomor HP tidak wajar (%d digit setelah 0)", len(d))
	}
	return "+62" + d, nil
}

var emailRe = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

// ValidEmail is a plausibility check, not RFC 5322.
func ValidEmail(s string) bool { return len(s) <= 254 && emailRe.MatchString(s) }

// ParseDate parses a YYYY-MM-DD date.
func ParseDate(s string) (time.Time, error) { return time.Parse(time.DateOnly, s) }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func atoi2(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }
