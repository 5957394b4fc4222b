package permits

import (
	"fmt"
	"strings"
	"time"
)

// NormalizeNumber puts a permit number into the form it is stored in:
// trimmed, upper case, without the spaces, dots and dashes people type into
// the digits of NIB, P-IRT, BPOM and halal numbers. SNI certificate numbers
// keep their separators.
func NormalizeNumber(kind, s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	if kind == KindSNI {
		return strings.Join(strings.Fields(s), " ")
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '.', '-', '\u00a0':
			return -1
		}
		return r
	}, s)
}

// CheckNumber returns an Indonesian message when number (normalised) is not
// a number of the kind, "" when it is. The formats are those of DOMAIN.md:
//   - NIB: 13 digits (OSS-RBA);
//   - P-IRT: at least 15 digits (packaging, food type, province+kabupaten,
//     product, producer, expiry year); when expiresOn is known its year
//     must be digits 14–15;
//   - BPOM: MD (domestic) or ML (imported) and 12 digits;
//   - halal (BPJPH): ID and 17 digits;
//   - merek (DJKI registration): IDM and 9 digits;
//   - SNI (SPPT SNI certificate): 3–60 letters, digits and / . - spaces.
func CheckNumber(kind, number, expiresOn string) string {
	n := number
	switch kind {
	case KindNIB:
		if len(n) != 13 || !digits(n) {
			return "NIB harus 13 digit angka"
		}
	case KindPIRT:
		if len(n) < 15 || len(n) > 18 || !digits(n) {
			return "Nomor P-IRT harus 15–18 digit angka"
		}
		if n[3:5] < "11" || n[3:5] > "94" {
			return "Nomor P-IRT tidak valid: digit 4–7 harus kode provinsi dan kabupaten (mis. 3604)"
		}
		if d, err := time.Parse(time.DateOnly, expiresOn); err == nil && fmt.Sprintf("%02d", d.Year()%100) != n[13:15] {
			return fmt.Sprintf("Nomor P-IRT tidak cocok dengan tanggal kedaluwarsa: digit 14–15 (%s) harus tahun berakhirnya (%02d)",
				n[13:15], d.Year()%100)
		}
	case KindBPOM:
		if len(n) != 14 || (!strings.HasPrefix(n, "MD") && !strings.HasPrefix(n, "ML")) || !digits(n[2:]) {
			return "Nomor BPOM harus MD atau ML diikuti 12 digit"
		}
	case KindHalalSelfDeclare, KindHalalReguler:
		if len(n) != 19 || !strings.HasPrefix(n, "ID") || !digits(n[2:]) {
			return "Nomor sertifikat halal harus ID diikuti 17 digit (mis. ID36110000012341225)"
		}
	case KindMerek:
		if len(n) != 12 || !strings.HasPrefix(n, "IDM") || !digits(n[3:]) {
			return "Nomor pendaftaran merek harus IDM diikuti 9 digit"
		}
	case KindSNI:
		if len(n) < 3 || len(n) > 60 {
			return "Nomor sertifikat SNI harus 3–60 karakter"
		}
		for _, r := range n {
			if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/.- ", r)) {
				return "Nomor sertifikat SNI hanya boleh berisi huruf, angka, spasi dan / . -"
			}
		}
	default:
		return "Jenis izin tidak dikenal"
	}
	return ""
}

// HasExpiry reports whether permits of the kind carry an expiry date. An
// NIB does not end; the others are issued for a period.
func HasExpiry(kind string) bool { return kind != KindNIB }

// maxYears is the longest validity of a kind, where a rule sets one: P-IRT
// at most 5 years (DOMAIN.md), a trade mark 10 years (UU 20/2016).
var maxYears = map[string]int{KindPIRT: 5, KindMerek: 10}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
