package registry

import "strings"

// Mask hides personal data (UU 27/2022) from a role that may not see it. It
// keeps just enough to recognise a record: the first four and last two
// characters of a NIK or phone, the first letter and domain of an email, and
// the birth year.
func (b *Business) Mask() {
	b.NIK = maskMiddle(b.NIK, 4, 2)
	b.Phone = maskMiddle(b.Phone, 5, 2)
	if at := strings.IndexByte(b.Email, '@'); at > 0 {
		b.Email = b.Email[:1] + strings.Repeat("*", at-1) + b.Email[at:]
	}
	if len(b.OwnerBirthDate) == 10 {
		b.OwnerBirthDate = b.OwnerBirthDate[:4] + "-**-**"
	}
}

func maskMiddle(s string, head, tail int) string {
	if s == "" {
		return ""
	}
	r := []rune(s)
	if len(r) <= head+tail {
		return strings.Repeat("*", len(r))
	}
	return string(r[:head]) + strings.Repeat("*", len(r)-head-tail) + string(r[len(r)-tail:])
}
