package registry

import (
	"strings"
	"testing"
	"time"
)

func TestParseNIK(t *testing.T) {
	tests := []struct {
		in      string
		ok      bool
		gender  string
		born    string
		errPart string
	}{
		{"3604151203850001", true, "L", "1985-03-12", ""},
		{"3604155203850001", true, "P", "1985-03-12", ""}, // DD+40 for women
		{"3604150101000001", true, "L", "2000-01-01", ""},
		{" 3604151203850001 ", true, "L", "1985-03-12", ""},
		{"3.60405E+15", false, "", "", "notasi ilmiah"},
		{"3,60405E+15", false, "", "", "notasi ilmiah"},
		{"3.604151203850E+15", false, "", "", "notasi ilmiah"},
		{"360415120385000", false, "", "", "16 digit"},
		{"36041512038500011", false, "", "", "16 digit"},
		{"36041512038500a1", false, "", "", "16 digit"},
		{"", false, "", "", "16 digit"},
		{"0604151203850001", false, "", "", "provinsi"},
		{"3604153203850001", false, "", "", "tanggal lahir"}, // day 32
		{"3604157203850001", false, "", "", "tanggal lahir"}, // day 72-40=32
		{"3604151213850001", false, "", "", "tanggal lahir"}, // month 13
		{"3604150002850001", false, "", "", "tanggal lahir"}, // day 0
		{"3604153102850001", false, "", "", "tanggal lahir"}, // 31 Feb
		{"3604151203850000", false, "", "", "nomor urut"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			info, err := ParseNIK(tt.in)
			if tt.ok {
				if err != nil {
					t.Fatalf("ParseNIK(%q) error %v", tt.in, err)
				}
				if info.Gender != tt.gender || info.BirthDate.Format(time.DateOnly) != tt.born {
					t.Fatalf("ParseNIK(%q) = %+v, want %s %s", tt.in, info, tt.gender, tt.born)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.errPart) {
				t.Fatalf("ParseNIK(%q) error %v, want one mentioning %q", tt.in, err, tt.errPart)
			}
		})
	}
}

func TestNIKCenturyFollowsToday(t *testing.T) {
	yy := time.Now().Year()%100 + 1
	nik := "36041512" + "03" + twoDigits(yy%100) + "0001"
	info, err := ParseNIK(nik)
	if err != nil {
		t.Fatal(err)
	}
	if info.BirthDate.Year() > time.Now().Year() {
		t.Fatalf("birth year %d lies in the future", info.BirthDate.Year())
	}
}

func twoDigits(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

func TestValidNIB(t *testing.T) {
	for in, want := range map[string]bool{
		"1234567890123": true, "123456789012": false, "12345678901234": false, "12345678901a3": false, "": false,
	} {
		if got := ValidNIB(in); got != want {
			t.Errorf("ValidNIB(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestNormalizePhone(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0812-3456-7890", "+6281234567890"},
		{"+62 812 3456 7890", "+6281234567890"},
		{"6281234567890", "+6281234567890"},
		{"81234567890", "+6281234567890"}, // Excel dropped the leading 0
		{"(0812) 3456.7890", "+6281234567890"},
		{"0878 1234 567", "+628781234567"},
		{"021-5551234", ""},    // landline: not a mobile number
		{"0812", ""},           // too short
		{"08123456789012", ""}, // too long
		{"0812abc45678", ""},
		{"", ""},
		{"++6281234567890", ""},
	}
	for _, tt := range tests {
		got, err := NormalizePhone(tt.in)
		if tt.want == "" {
			if err == nil {
				t.Errorf("NormalizePhone(%q) = %q, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("NormalizePhone(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func FuzzParseNIK(f *testing.F) {
	for _, s := range []string{"3604151203850001", "3.60405E+15", "", "3604155203850001", "９９"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		info, err := ParseNIK(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		clean := strings.TrimSpace(s)
		if len(clean) != 16 || !allDigits(clean) {
			t.Fatalf("accepted %q, which is not 16 digits", s)
		}
		if info.Gender != "L" && info.Gender != "P" {
			t.Fatalf("gender %q", info.Gender)
		}
		if info.BirthDate.After(time.Now()) {
			t.Fatalf("birth date %v in the future", info.BirthDate)
		}
	})
}

func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{"0812-3456-7890", "+62 812 3456 7890", "81234567890", "628", "+", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := NormalizePhone(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if !strings.HasPrefix(got, "+628") || len(got) < 12 || len(got) > 15 || !allDigits(got[1:]) {
			t.Fatalf("NormalizePhone(%q) = %q, not a normalised mobile number", s, got)
		}
		again, err := NormalizePhone(got)
		if err != nil || again != got {
			t.Fatalf("normalising %q again gave %q, %v", got, again, err)
		}
	})
}
