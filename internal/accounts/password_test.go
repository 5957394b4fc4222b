package accounts

import (
	"strings"
	"testing"
)

func TestPasswordProblem(t *testing.T) {
	tests := []struct {
		name, username, pw string
		want               string // part of the message; "" = accepted
	}{
		{"long enough", "budi", "Emping-Melinjo-77", ""},
		{"exactly ten", "budi", "kopi.susu9", ""},
		{"ten runes of two bytes", "budi", "ééééééééé1", ""},
		{"empty", "budi", "", "wajib"},
		{"eight digits", "budi", "12345678", "minimal 10"},
		{"nine characters", "budi", "kopisusu9", "minimal 10"},
		{"eight spaces", "budi", "        ", "minimal 10"},
		{"ten spaces", "budi", "          ", "satu karakter"},
		{"one repeated", "budi", "aaaaaaaaaaaa", "satu karakter"},
		{"one repeated multibyte", "budi", "éééééééééééé", "satu karakter"},
		{"the username", "petugas.kibin", "petugas.kibin", "nama pengguna"},
		{"the username in capitals", "petugas.kibin", "PETUGAS.KIBIN", "nama pengguna"},
		{"common", "budi", "1234567890", "terlalu umum"},
		{"common, any case", "budi", "QwertyUIOP", "terlalu umum"},
		{"bismillah with digits", "budi", "bismillah123", "terlalu umum"},
		{"Indonesia with a year", "budi", "Indonesia2025", "terlalu umum"},
		{"sayang with punctuation", "budi", "sayang!!!!!", "terlalu umum"},
		{"rahasia with digits", "budi", "rahasia-123", "terlalu umum"},
		{"password with digits", "budi", "password123", "terlalu umum"},
		{"a common word inside a longer one is fine", "budi", "rahasia-dapur-ibu", ""},
		{"72 bytes", "budi", strings.Repeat("ab", 36), ""},
		{"73 bytes", "budi", strings.Repeat("ab", 36) + "c", "72 byte"},
		{"80 bytes", "budi", strings.Repeat("kopi", 20), "72 byte"},
		{"invalid UTF-8", "budi", "kata\xffsandi-panjang", "tidak valid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := PasswordProblem(tt.username, tt.pw)
			if tt.want == "" && got != "" {
				t.Fatalf("PasswordProblem(%q) = %q, want accepted", tt.pw, got)
			}
			if tt.want != "" && !strings.Contains(got, tt.want) {
				t.Fatalf("PasswordProblem(%q) = %q, want a message containing %q", tt.pw, got, tt.want)
			}
		})
	}
}

func TestCommonListHasIndonesianWords(t *testing.T) {
	for _, w := range []string{"bismillah", "indonesia", "sayang", "rahasia"} {
		if !commonPasswords[w] {
			t.Errorf("%q is not on the embedded list", w)
		}
	}
	if len(commonPasswords) < 50 {
		t.Errorf("only %d common passwords embedded", len(commonPasswords))
	}
}
