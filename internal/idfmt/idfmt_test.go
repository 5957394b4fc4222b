package idfmt

import (
	"testing"
	"time"
)

func TestNumberAndRupiah(t *testing.T) {
	tests := []struct {
		in        int64
		num, rupi string
	}{
		{0, "0", "Rp0"},
		{7, "7", "Rp7"},
		{999, "999", "Rp999"},
		{1000, "1.000", "Rp1.000"},
		{15000, "15.000", "Rp15.000"},
		{1500000, "1.500.000", "Rp1.500.000"},
		{2000000000, "2.000.000.000", "Rp2.000.000.000"},
		{-1500, "-1.500", "-Rp1.500"},
		{-100, "-100", "-Rp100"},
		{9223372036854775807, "9.223.372.036.854.775.807", "Rp9.223.372.036.854.775.807"},
	}
	for _, tc := range tests {
		if got := Number(tc.in); got != tc.num {
			t.Errorf("Number(%d) = %q, want %q", tc.in, got, tc.num)
		}
		if got := Rupiah(tc.in); got != tc.rupi {
			t.Errorf("Rupiah(%d) = %q, want %q", tc.in, got, tc.rupi)
		}
	}
}

func TestDates(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"2025-10-20", "20 Oktober 2025"},
		{"2026-01-01", "1 Januari 2026"},
		{"2024-02-29", "29 Februari 2024"},
		{"2025-08-17", "17 Agustus 2025"},
		{"2025-12-31", "31 Desember 2025"},
		{"", ""},
		{"1980-**-**", "1980-**-**"},
		{"2025-13-01", "2025-13-01"},
	}
	for _, tc := range tests {
		if got := DateString(tc.in); got != tc.want {
			t.Errorf("DateString(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for in, want := range map[string]string{"2026-05": "Mei 2026", "2025-12": "Desember 2025", "2026-13": "2026-13", "": "",
		"2026-05-01": "2026-05-01"} {
		if got := MonthString(in); got != want {
			t.Errorf("MonthString(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Date(time.Time{}); got != "" {
		t.Errorf("Date(zero) = %q", got)
	}
	// 20:30 UTC is 03:30 WIB on the next day.
	at := time.Date(2025, 10, 19, 20, 30, 0, 0, time.UTC)
	if got, want := DateTime(at), "20 Oktober 2025 03.30 WIB"; got != want {
		t.Errorf("DateTime = %q, want %q", got, want)
	}
	for m := time.January; m <= time.December; m++ {
		if Month(m) == "" {
			t.Errorf("Month(%d) empty", m)
		}
	}
	if Month(0) != "" || Month(13) != "" {
		t.Error("Month out of range should be empty")
	}
}

func TestParseRupiah(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1500000", 1500000, true},
		{"1.500.000", 1500000, true},
		{"Rp1.500.000", 1500000, true},
		{"Rp 1.500.000,00", 1500000, true},
		{" 2 000 000 ", 2000000, true},
		{"-5.000", -5000, true},
		{"0", 0, true},
		{"1.500.000,50", 0, false},
		{"", 0, false},
		{"Rp", 0, false},
		{"1,5 juta", 0, false},
		{"abc", 0, false},
		{"99999999999999999999", 0, false},
	}
	for _, tc := range tests {
		got, ok := ParseRupiah(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseRupiah(%q) = %d,%v want %d,%v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func FuzzParseRupiah(f *testing.F) {
	for _, s := range []string{"1.500.000", "Rp 1,00", "-0", "Rp"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := ParseRupiah(s)
		if !ok {
			return
		}
		// Whatever was accepted must survive a round trip through Rupiah.
		back, ok2 := ParseRupiah(Rupiah(n))
		if !ok2 || back != n {
			t.Fatalf("round trip of %q: %d → %q → %d,%v", s, n, Rupiah(n), back, ok2)
		}
	})
}

func TestDateRange(t *testing.T) {
	for _, tc := range []struct{ from, to, want string }{
		{"2025-10-20", "2025-10-22", "20–22 Oktober 2025"},
		{"2025-10-30", "2025-11-02", "30 Oktober – 2 November 2025"},
		{"2025-12-30", "2026-01-02", "30 Desember 2025 – 2 Januari 2026"},
		{"2025-10-20", "2025-10-20", "20 Oktober 2025"},
		{"2025-10-20", "", "20 Oktober 2025 – "},
	} {
		if got := DateRange(tc.from, tc.to); got != tc.want {
			t.Errorf("DateRange(%q, %q) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
}

func TestWIBDays(t *testing.T) {
	tests := []struct {
		at        time.Time
		date, day string
	}{
		// 21:38 UTC on 1 December is 04:38 WIB on 2 December: the certificate's day.
		{time.Date(2026, 12, 1, 21, 38, 0, 0, time.UTC), "2 Desember 2026", "2026-12-02"},
		{time.Date(2026, 12, 1, 16, 59, 59, 0, time.UTC), "1 Desember 2026", "2026-12-01"},
		{time.Date(2026, 12, 1, 17, 0, 0, 0, time.UTC), "2 Desember 2026", "2026-12-02"},
		{time.Date(2025, 12, 31, 18, 0, 0, 0, time.UTC), "1 Januari 2026", "2026-01-01"},
		// A date parsed from YYYY-MM-DD keeps its day.
		{time.Date(2025, 10, 20, 0, 0, 0, 0, time.UTC), "20 Oktober 2025", "2025-10-20"},
		// An instant in another zone is converted, not read as written.
		{time.Date(2026, 12, 2, 4, 38, 0, 0, time.FixedZone("X", -5*3600)), "2 Desember 2026", "2026-12-02"},
	}
	for _, tc := range tests {
		if got := Date(tc.at); got != tc.date {
			t.Errorf("Date(%v) = %q, want %q", tc.at, got, tc.date)
		}
		if got := Day(tc.at); got != tc.day {
			t.Errorf("Day(%v) = %q, want %q", tc.at, got, tc.day)
		}
	}
	if got := Year(time.Date(2025, 12, 31, 18, 0, 0, 0, time.UTC)); got != 2026 {
		t.Errorf("Year at 01.00 WIB on 1 January = %d, want 2026", got)
	}
}

func TestDecimal(t *testing.T) {
	tests := []struct {
		v      float64
		places int
		want   string
	}{
		{35, 2, "35"}, {35.0001, 2, "35"}, {72.5, 2, "72,5"}, {72.25, 2, "72,25"}, {3972.374, 2, "3.972,37"},
		{0, 2, "0"}, {-1.5, 2, "-1,5"}, {-0.001, 2, "0"}, {1500000, 0, "1.500.000"}, {99.999, 2, "100"},
	}
	for _, tc := range tests {
		if got := Decimal(tc.v, tc.places); got != tc.want {
			t.Errorf("Decimal(%v, %d) = %q, want %q", tc.v, tc.places, got, tc.want)
		}
	}
}

// One formatter for every figure a page or export shows: thousands
// separators, no needless decimals, a dash where there is no figure.
func TestFiguresEverywhere(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{Number(6108), "6.108"},
		{Number(3004), "3.004"},
		{Decimal(3972.374, 2), "3.972,37"},
		{Decimal(75, 2), "75"},
		{Decimal(35.0, 2), "35"},
		{Decimal(72.5, 2), "72,5"},
		{Percent(75), "75%"},
		{Percent(66.666), "66,7%"},
		{Percent(0), "0%"},
		{Percent(1234.5), "1.234,5%"},
		{DecimalOrDash(0, 2, false), "—"},
		{DecimalOrDash(0, 2, true), "0"},
		{DecimalOrDash(78.456, 2, true), "78,46"},
		{SignedDecimal(12, 1), "+12"},
		{SignedDecimal(12.46, 1), "+12,5"},
		{SignedDecimal(-3.04, 1), "-3"},
		{SignedDecimal(-1234.5, 1), "-1.234,5"},
		{SignedDecimal(0.04, 1), "0"},
		{SignedDecimal(-0.04, 1), "0"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestLabel(t *testing.T) {
	labels := map[string]string{"kecil": "Kecil"}
	if got := Label(labels, "kecil"); got != "Kecil" {
		t.Errorf("Label(kecil) = %q", got)
	}
	if got := Label(labels, "baru"); got != "baru" {
		t.Errorf("a code without a label = %q, want the code", got)
	}
}
