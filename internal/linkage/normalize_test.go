package linkage

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalizeNames(t *testing.T) {
	for _, tc := range []struct {
		fn       func(string) string
		in, want string
	}{
		{NormalizeBusiness, "Emping Melinjo Bu Enah", "emping melinjo enah"},
		{NormalizeBusiness, "EMPING MLINJO IBU ENAH", "emping melinjo enah"},
		{NormalizeBusiness, "UD. Emping Melinjo", "emping melinjo"},
		{NormalizeBusiness, "CV Kripik Pak Haji", "keripik"},
		{NormalizeBusiness, "PT. Krupuk  Ikan,  H. Oman", "kerupuk ikan oman"},
		{NormalizeBusiness, "Sambel Tb. Asep", "sambal asep"},
		{NormalizeBusiness, "Pak Haji", "pak haji"}, // only titles: kept, not empty
		{NormalizePerson, "Hj. Enah Suhaena", "enah suhaena"},
		{NormalizePerson, "Bapak Muhamad Soleh", "muhammad soleh"},
		{NormalizePerson, "Moh. Soleh", "muhammad soleh"},
		{NormalizePerson, "MOHAMMAD  SOLEH", "muhammad soleh"},
		{NormalizePerson, "H. Achmad Djunaedi", "ahmad junaedi"},
		{NormalizePerson, "Soekarni", "sukarni"},
		{NormalizePerson, "Ibu Siti Nur'aini", "siti nur aini"},
		{NormalizePerson, "Énah", "enah"},
		{NormalizePerson, "", ""},
		{NormalizeText, "Kp. Babakan RT 002/003", "kp babakan rt 002 003"},
	} {
		if got := tc.fn(tc.in); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNormalizeIdentifiers(t *testing.T) {
	for _, tc := range []struct {
		fn       func(string) string
		in, want string
	}{
		{NormalizePhone, "+62 812-3456-7890", "081234567890"},
		{NormalizePhone, "6281234567890", "081234567890"},
		{NormalizePhone, "0812 3456 7890", "081234567890"},
		{NormalizePhone, "81234567890", "081234567890"},
		{NormalizePhone, "(0254) 123456", "0254123456"},
		{NormalizePhone, "-", ""},
		{NormalizePhone, "tidak ada", ""},
		{NormalizeNIK, "3604151234567891", "3604151234567891"},
		{NormalizeNIK, "3604 1512 3456 7891", "3604151234567891"},
		{NormalizeNIK, "'3604151234567891", "3604151234567891"},
		{NormalizeNIK, "3.60415123456789E+15", "3604151234567890"},
		{NormalizeNIK, "3,60415E+15", "3604150000000000"},
		{NormalizeNIK, "3604151234567000", "3604151234567000"},
		{NormalizeNIK, "360415123456789", ""},
		{NormalizeNIK, "0000000000000000", ""},
		{NormalizeNIK, "1E+99", ""},
	} {
		if got := tc.fn(tc.in); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCompareLevels(t *testing.T) {
	for _, tc := range []struct {
		kind Kind
		a, b string
		want int
	}{
		{NIK, "3604151234567891", "3604151234567891", 3},
		{NIK, "3604151234567891", "3604151234567881", 2},  // one digit off
		{NIK, "3604151234567891", "3604151234567819", 2},  // two swapped
		{NIK, "3604151234567891", "3604151234567890", 1},  // Excel's 15 digits
		{NIK, "3604151234567891", "3604151234567000", 1},  // "last digits 000"
		{NIK, "3604151234567891", "3604150000000000", -1}, // too little left to say anything
		{NIK, "3604151234567891", "3604159876543210", 0},
		{Phone, "081234567890", "081234567890", 3},
		{Phone, "081234567890", "082134567890", 2},
		{Phone, "081234567890", "081234567899", 1},
		{Phone, "081234567890", "085711112222", 0},
		{Region, "36.04.15.2001", "36.04.15.2001", 2},
		{Region, "36.04.15.2001", "36.04.15.2002", 1},
		{Region, "36.04.15.2001", "36.04.15", 1},
		{Region, "36.04.15.2001", "36.04.16.2001", 0},
		{Identifier, "1234567890123", "1234567890123", 2},
		{Identifier, "1234567890123", "1234567890124", 1},
		{Identifier, "1234567890123", "9234567890124", 0},
		{Name, "enah suhaena", "enah suhaena", 4},
		{Name, "enah suhaena", "suhaena enah", 3},
		{Name, "jubaedah permana", "jubbedah permana", 3},
		{Name, "enah suhaena", "asep hidayat", 0},
		{Trade, "emping melinjo enah", "emping melinjo", 3},
		{Trade, "toko enah", "bakso enah toko", 2}, // one name inside the other
		{Trade, "madu lestari", "madu encep", 1},
		{Address, "kp babakan rt 002 003", "kp babakan", 2},
		{Name, "", "enah", -1},
	} {
		got := compare(tc.kind, tc.a, tc.b, tokenSort(tc.a), tokenSort(tc.b))
		if got != tc.want {
			t.Errorf("%v %q %q: level %d, want %d", tc.kind, tc.a, tc.b, got, tc.want)
		}
	}
}

func TestJaroWinkler(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"martha", "marhta", 0.9611},
		{"dixon", "dicksonx", 0.8133},
		{"jellyfish", "smellyfish", 0.8963},
		{"", "a", 0},
		{"abc", "abc", 1},
	} {
		if got := JaroWinkler(tc.a, tc.b); got < tc.want-0.0001 || got > tc.want+0.0001 {
			t.Errorf("%q %q: %.4f, want %.4f", tc.a, tc.b, got, tc.want)
		}
	}
}

// FuzzNormalize: any text, however odd, normalises without panic to text
// that is valid UTF-8, lower case, trimmed, with single spaces, and
// normalising again changes nothing.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Emping Melinjo Bu Enah", "UD. Kripik", "Hj.", "3.60415E+15", "+62 812", "É\u0301\x00",
		"Ceu Oom", "\xff\xfe", "1e+16", "3,6E+15"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, fn := range []func(string) string{NormalizePerson, NormalizeBusiness, NormalizeText} {
			got := fn(s)
			if !utf8.ValidString(got) && utf8.ValidString(s) {
				t.Fatalf("%q: invalid UTF-8 %q", s, got)
			}
			if got != strings.TrimSpace(got) || strings.Contains(got, "  ") {
				t.Fatalf("%q: spaces in %q", s, got)
			}
			if again := fn(got); again != got && utf8.ValidString(s) {
				t.Fatalf("%q: %q then %q", s, got, again)
			}
		}
		if n := NormalizeNIK(s); n != "" && (len(n) != 16 || Digits(n) != n) {
			t.Fatalf("NIK %q from %q", n, s)
		}
		if p := NormalizePhone(s); p != "" && (p[0] != '0' || Digits(p) != p) {
			t.Fatalf("phone %q from %q", p, s)
		}
		_ = JaroWinkler(s, NormalizeText(s))
		_ = editDistanceAtMost1(s, Digits(s))
	})
}
