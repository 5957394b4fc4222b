package permits

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCheckNumber(t *testing.T) {
	cases := []struct {
		kind, number, expires string
		ok                    bool
	}{
		{KindNIB, "1234567890123", "", true},
		{KindNIB, "123456789012", "", false},   // 12 digits
		{KindNIB, "12345678901234", "", false}, // 14 digits
		{KindNIB, "123456789012A", "", false},
		{KindPIRT, "206360401000128", "", true},
		{KindPIRT, "206360401000128", "2028-03-01", true},
		{KindPIRT, "206360401000128", "2029-03-01", false}, // digits 14–15 say 28
		{KindPIRT, "20636040100012", "", false},            // 14 digits
		{KindPIRT, "2060004010001288", "", false},          // digits 4–7 start 00: no province
		{KindPIRT, "2063604010001281234", "", false},       // 19 digits
		{KindPIRT, "20636040100012X", "", false},
		{KindBPOM, "MD123412341234", "", true},
		{KindBPOM, "ML123412341234", "", true},
		{KindBPOM, "MK123412341234", "", false},
		{KindBPOM, "MD12341234123", "", false},
		{KindHalalSelfDeclare, "ID36110000000010325", "", true},
		{KindHalalReguler, "ID36110000000010325", "", true},
		{KindHalalReguler, "ID3611000000001032", "", false},
		{KindHalalReguler, "IX36110000000010325", "", false},
		{KindMerek, "IDM000123456", "", true},
		{KindMerek, "IDM00012345", "", false},
		{KindMerek, "DID2021012345", "", false},
		{KindSNI, "QIS/SNI 7152:2016", "", false}, // ':' is not allowed
		{KindSNI, "QIS/SNI-7152/2016", "", true},
		{KindSNI, "AB", "", false},
		{"izin_lain", "123", "", false},
	}
	for _, c := range cases {
		msg := CheckNumber(c.kind, c.number, c.expires)
		if (msg == "") != c.ok {
			t.Errorf("CheckNumber(%s, %q, %q) = %q, want ok=%v", c.kind, c.number, c.expires, msg, c.ok)
		}
	}
}

func TestNormalizeNumber(t *testing.T) {
	cases := []struct{ kind, in, want string }{
		{KindNIB, " 1234-5678 90123 ", "1234567890123"},
		{KindBPOM, "md 1234.1234.1234", "MD123412341234"},
		{KindHalalReguler, "id 3611 0000 0000 10325", "ID36110000000010325"},
		{KindSNI, " qis/sni   7152-2016 ", "QIS/SNI 7152-2016"},
	}
	for _, c := range cases {
		if got := NormalizeNumber(c.kind, c.in); got != c.want {
			t.Errorf("NormalizeNumber(%s, %q) = %q, want %q", c.kind, c.in, got, c.want)
		}
	}
}

// FuzzCheckNumber: any text as any kind never panics, normalising twice
// changes nothing, and an accepted number has only the characters its
// kind allows.
func FuzzCheckNumber(f *testing.F) {
	for _, s := range []string{"1234567890123", "206360401000128", "MD123412341234", "ID36110000000010325", "IDM000123456",
		"QIS/SNI-7152/2016", "", "\x00", "٣٦٠٤", "ıd36110000000010325"} {
		f.Add(s, "2028-03-01")
	}
	f.Fuzz(func(t *testing.T, s, expires string) {
		for _, kind := range Kinds {
			n := NormalizeNumber(kind, s)
			if again := NormalizeNumber(kind, n); again != n {
				t.Fatalf("%s: normalising %q twice gives %q then %q", kind, s, n, again)
			}
			if CheckNumber(kind, n, expires) != "" {
				continue
			}
			if !utf8.ValidString(n) || strings.ContainsFunc(n, func(r rune) bool { return r > 127 }) {
				t.Fatalf("%s: accepted non-ASCII %q", kind, n)
			}
			if kind != KindSNI && strings.ContainsAny(n, " ./-") {
				t.Fatalf("%s: accepted %q with separators", kind, n)
			}
		}
	})
}

func TestCanMove(t *testing.T) {
	allowed := map[[2]string]bool{
		{"belum", "persiapan"}: true, {"persiapan", "diajukan"}: true, {"persiapan", "belum"}: true,
		{"diajukan", "terbit"}: true, {"diajukan", "ditolak"}: true, {"ditolak", "persiapan"}: true,
		{"terbit", "kedaluwarsa"}: true,
	}
	for _, from := range Statuses {
		for _, to := range Statuses {
			if got := CanMove(from, to); got != allowed[[2]string{from, to}] {
				t.Errorf("CanMove(%s, %s) = %v", from, to, got)
			}
		}
	}
}
