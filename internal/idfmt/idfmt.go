// Package idfmt writes numbers, money and dates the way Indonesian readers
// expect them: Rp1.500.000 and 20 Oktober 2025. The web pages, exports and
// PDFs share it so that every output of naikkelas reads the same.
package idfmt

import (
	"strconv"
	"strings"
	"time"
)

// WIB is western Indonesian time (UTC+7, no daylight saving). A fixed zone
// keeps the binary independent of the host's tz database (Windows PCs).
var WIB = time.FixedZone("WIB", 7*60*60)

var months = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
	"Agustus", "September", "Oktober", "November", "Desember"}

// Month returns the Indonesian name of m, or "" when m is out of range.
func Month(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	return months[m-1]
}

// Number groups the digits of n by thousands with dots: 1500000 → "1.500.000".
func Number(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	lead := len(s) % 3
	if lead == 0 {
		lead = 3
	}
	b.WriteString(s[:lead])
	for i := lead; i < len(s); i += 3 {
		b.WriteByte('.')
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// Rupiah writes whole rupiah as "Rp1.500.000" (negative: "-Rp1.500.000").
func Rupiah(n int64) string {
	if n < 0 {
		return "-Rp" + Number(n)[1:]
	}
	return "Rp" + Number(n)
}

// Date writes the calendar date of t in WIB as "20 Oktober 2025", so that an
// instant stored in UTC at 21:38 reads as the next day, as it did in Serang.
// A date parsed from "YYYY-MM-DD" (UTC midnight) keeps its day. The zero
// time is "".
func Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(WIB)
	return strconv.Itoa(t.Day()) + " " + Month(t.Month()) + " " + strconv.Itoa(t.Year())
}

// Day is the calendar day of the instant t in WIB as "YYYY-MM-DD": what
// "today" means for the office, whatever the host's time zone.
func Day(t time.Time) string { return t.In(WIB).Format(time.DateOnly) }

// Year is the year of the instant t in WIB.
func Year(t time.Time) int { return t.In(WIB).Year() }

// DateString formats a "YYYY-MM-DD" date as "20 Oktober 2025". Text that is
// not such a date (including "" and masked dates like "1980-**-**") is
// returned unchanged, so that nothing is silently lost on a page.
func DateString(s string) string {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return Date(t)
}

// MonthString formats a "YYYY-MM" month as "November 2026". Text that is
// not such a month is returned unchanged, as DateString does.
func MonthString(s string) string {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return s
	}
	return Month(t.Month()) + " " + strconv.Itoa(t.Year())
}

// DateRange writes two "YYYY-MM-DD" dates as one span: "20–22 Oktober
// 2025", "30 Oktober – 2 November 2025", or a single date when both ends
// are the same day.
func DateRange(start, end string) string {
	s, err1 := time.Parse(time.DateOnly, start)
	e, err2 := time.Parse(time.DateOnly, end)
	switch {
	case err1 != nil || err2 != nil:
		return DateString(start) + " – " + DateString(end)
	case s.Equal(e):
		return Date(s)
	case s.Year() == e.Year() && s.Month() == e.Month():
		return strconv.Itoa(s.Day()) + "–" + Date(e)
	case s.Year() == e.Year():
		return strconv.Itoa(s.Day()) + " " + Month(s.Month()) + " – " + Date(e)
	}
	return Date(s) + " – " + Date(e)
}

// DateTime writes an instant in WIB as "20 Oktober 2025 14.05 WIB".
func DateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	w := t.In(WIB)
	return Date(w) + " " + w.Format("15.04") + " WIB"
}

// Decimal writes v with a decimal comma, thousands dots and at most places
// decimals, dropping needless zeros: 35 → "35", 72.5 → "72,5",
// 3972.374 → "3.972,37".
func Decimal(v float64, places int) string {
	s := strconv.FormatFloat(v, 'f', places, 64)
	whole, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	neg := strings.HasPrefix(whole, "-")
	n, err := strconv.ParseInt(strings.TrimPrefix(whole, "-"), 10, 64)
	if err != nil { // beyond int64: leave the digits ungrouped
		return strings.Replace(strings.TrimSuffix(strings.TrimRight(s, "0"), "."), ".", ",", 1)
	}
	out := Number(n)
	if neg && (n != 0 || frac != "") {
		out = "-" + out
	}
	if frac != "" {
		out += "," + frac
	}
	return out
}

// Dash stands where there is no figure: a blank is "unknown", never 0.
const Dash = "—"

// Percent writes a percentage with at most one decimal and no needless
// zeros: 75 → "75%", 72.5 → "72,5%", 1234.5 → "1.234,5%".
func Percent(v float64) string { return Decimal(v, 1) + "%" }

// SignedDecimal writes a change like Decimal with its sign: +12,5, -3,
// and 0 without one (a rounding to zero is no change).
func SignedDecimal(v float64, places int) string {
	s := Decimal(v, places)
	if s == "0" || strings.HasPrefix(s, "-") {
		return s
	}
	return "+" + s
}

// DecimalOrDash writes v like Decimal, or Dash when there is no figure.
func DecimalOrDash(v float64, places int, ok bool) string {
	if !ok {
		return Dash
	}
	return Decimal(v, places)
}

// ParseRupiah reads money typed by a person: "1500000", "1.500.000",
// "Rp 1.500.000" or "Rp1.500.000,00". Only whole rupiah are accepted; a
// non-zero sen part or any other character is an error (ok=false).
func ParseRupiah(s string) (n int64, ok bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "Rp"), "rp")
	s = strings.TrimSpace(strings.TrimPrefix(s, "."))
	if i := strings.IndexByte(s, ','); i >= 0 {
		if strings.Trim(s[i+1:], "0") != "" {
			return 0, false
		}
		s = s[:i]
	}
	s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), " ", "")
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// Label is the Indonesian label of a stored code, or the code itself when
// labels has none.
func Label(labels map[string]string, code string) string {
	if l, ok := labels[code]; ok {
		return l
	}
	return code
}
