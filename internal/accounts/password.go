package accounts

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Password limits. bcrypt reads only the first 72 bytes of a password, so
// a longer one would be cut without a word: it is refused instead.
const (
	MinPasswordRunes = 10
	MaxPasswordBytes = 72
)

//go:embed common_passwords.txt
var commonPasswordsText string

// commonPasswords holds the embedded list, lower-cased, one word a key.
var commonPasswords = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(commonPasswordsText, "\n") {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			m[strings.ToLower(w)] = true
		}
	}
	return m
}()

// PasswordProblem returns why pw may not be the password of username, in
// Indonesian, or "" when it is acceptable. The rules: at least
// MinPasswordRunes characters, at most MaxPasswordBytes bytes, not the
// username, not one character repeated, and not a common password, also
// not one followed by digits or punctuation ("Bismillah123!").
func PasswordProblem(username, pw string) string {
	switch {
	case pw == "":
		return "Kata sandi wajib diisi"
	case !utf8.ValidString(pw):
		return "Kata sandi berisi karakter yang tidak valid"
	case len(pw) > MaxPasswordBytes:
		return "Kata sandi paling panjang 72 byte (huruf biasa dihitung 1 byte, huruf khusus atau emoji lebih)"
	case utf8.RuneCountInString(pw) < MinPasswordRunes:
		return "Kata sandi minimal 10 karakter"
	case oneRepeatedRune(pw):
		return "Kata sandi tidak boleh berupa satu karakter yang diulang"
	case username != "" && strings.EqualFold(strings.TrimSpace(pw), strings.TrimSpace(username)):
		return "Kata sandi tidak boleh sama dengan nama pengguna"
	case isCommon(pw):
		return "Kata sandi ini terlalu umum dan mudah ditebak, pilih yang lain"
	}
	return ""
}

func oneRepeatedRune(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	for _, r := range s {
		if r != first {
			return false
		}
	}
	return true
}

// isCommon reports whether pw, lower-cased, is on the list, either as it is
// or once the digits and punctuation at its ends are taken off.
func isCommon(pw string) bool {
	p := strings.ToLower(strings.TrimSpace(pw))
	if commonPasswords[p] {
		return true
	}
	core := strings.TrimFunc(p, func(r rune) bool {
		return unicode.IsDigit(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r)
	})
	return core != "" && commonPasswords[core]
}
