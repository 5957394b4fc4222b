package certificate

import (
	"crypto/rand"
	"strings"
)

// Verification codes are shared by every document naikkelas issues with a
// code (programme certificates, referral letters to banks): one format, one
// public page /verifikasi/{code}.

// codeAlphabet leaves out letters and digits that are easy to confuse when a
// code is read aloud or typed from paper (0/O, 1/I/L).
const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// NewCode returns a random verification code such as
// "NK-7QX4-M2PA-9HZ3": 12 characters of a 31-letter alphabet (~59 bits).
func NewCode() string {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	var s strings.Builder
	s.WriteString("NK")
	for i, c := range b {
		if i%4 == 0 {
			s.WriteByte('-')
		}
		s.WriteByte(codeAlphabet[int(c)%len(codeAlphabet)])
	}
	return s.String()
}

// NormalizeCode turns a code as a person types it off paper ("nk 4bef jzn8
// 47bs", "NK4BEFJZN847BS", "nk-4bef–jzn8 47bs") into the stored form
// "NK-4BEF-JZN8-47BS": case, spaces and dashes do not matter. Text that is
// not twelve code characters after "NK" is only upper-cased and stripped of
// separators, so that it still fails to match.
func NormalizeCode(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	c := b.String()
	body, ok := strings.CutPrefix(c, "NK")
	if !ok || len(body) != 12 {
		return c
	}
	return "NK-" + body[:4] + "-" + body[4:8] + "-" + body[8:]
}
