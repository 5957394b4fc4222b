package importer

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

var monthNames = map[string]int{
	"januari": 1, "jan": 1, "january": 1,
	"februari": 2, "feb": 2, "pebruari": 2, "peb": 2, "february": 2,
	"maret": 3, "mar": 3, "march": 3,
	"april": 4, "apr": 4,
	"mei": 5, "may": 5,
	"juni": 6, "jun": 6, "june": 6,
	"juli": 7, "jul": 7, "july": 7,
	"agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
	"september": 9, "sep": 9, "sept": 9,
	"oktober": 10, "okt": 10, "oct": 10, "october": 10,
	"november": 11, "nov": 11, "nopember": 11, "nop": 11,
	"desember": 12, "des": 12, "dec": 12, "december": 12,
}

var errDateFormat = errors.New("format tanggal tidak dikenali (contoh yang benar: 20/10/2025, 2025-10-20, 20 Oktober 2025)")

// ParseDate reads a date as Indonesian files write it: "20/10/2025",
// "20-10-2025", "20.10.2025", "2025-10-20", "20 Oktober 2025", "20-Okt-25",
// or an Excel serial number (days since 1899-12-30, as XLSX stores dates).
// Day comes before month. It returns "YYYY-MM-DD".
func ParseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errDateFormat
	}
	if t, ok := excelSerial(s); ok {
		return t.Format(time.DateOnly), nil
	}
	// drop a time part: "2025-10-20 00:00:00", "2025-10-20T00:00:00Z"
	if i := strings.IndexAny(s, "T "); i == 10 && len(s) > 10 && s[4] == '-' {
		s = s[:10]
	}
	parts := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == '/' || r == '-' || r == '.' || r == ' ' || r == ','
	})
	if len(parts) != 3 {
		return "", errDateFormat
	}
	var d, m, y int
	switch {
	case len(parts[0]) == 4 && allDigits(parts[0]): // YYYY-MM-DD
		y, _ = strconv.Atoi(parts[0])
		m, _ = atoiOK(parts[1])
		d, _ = atoiOK(parts[2])
	default:
		d, _ = atoiOK(parts[0])
		if mn, ok := monthNames[parts[1]]; ok {
			m = mn
		} else {
			m, _ = atoiOK(parts[1])
		}
		yy, ok := atoiOK(parts[2])
		if !ok || (len(parts[2]) != 2 && len(parts[2]) != 4) {
			return "", errDateFormat
		}
		y = yy
		if len(parts[2]) == 2 {
			y = 2000 + yy
			if y > time.Now().Year()+10 {
				y -= 100
			}
		}
	}
	if m > 12 && d >= 1 && d <= 12 {
		return "", fmt.Errorf("tanggal %q tampaknya ditulis bulan/hari; tulis hari/bulan/tahun, mis. 20/10/2025", s)
	}
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 {
		return "", errDateFormat
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", fmt.Errorf("tanggal %q tidak ada di kalender", s)
	}
	return t.Format(time.DateOnly), nil
}

// excelSerial reads an Excel serial date such as "45950" or "45950.5".
// Serials before 1 March 1900 (61) are refused: Excel's 1900 leap-year bug
// makes them ambiguous, and no business record is that old.
func excelSerial(s string) (time.Time, bool) {
	whole := s
	if i := strings.IndexByte(s, '.'); i > 0 {
		whole = s[:i]
		if !allDigits(s[i+1:]) {
			return time.Time{}, false
		}
	}
	if !allDigits(whole) || len(whole) > 6 {
		return time.Time{}, false
	}
	n, _ := strconv.Atoi(whole)
	if n < 61 || n > 110000 {
		return time.Time{}, false
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n), true
}

func atoiOK(s string) (int, bool) {
	if !allDigits(s) || len(s) > 4 {
		return 0, false
	}
	n, _ := strconv.Atoi(s)
	return n, true
}
