package programs

import "testing"

func TestNormalizeCode(t *testing.T) {
	const stored = "NK-4BEF-JZN8-47BS"
	for _, typed := range []string{stored, "nk 4bef jzn8 47bs", " NK4BEFJZN847BS ", "nk-4bef jzn8-47bs", "Nk–4BEF–JZN8–47BS",
		"nk.4bef.jzn8.47bs"} {
		if got := NormalizeCode(typed); got != stored {
			t.Errorf("NormalizeCode(%q) = %q, want %q", typed, got, stored)
		}
	}
	for typed, want := range map[string]string{"": "", "nk 4bef": "NK4BEF", "xx-4bef-jzn8-47bs": "XX4BEFJZN847BS",
		"nk-4bef-jzn8-47bs-9": "NK4BEFJZN847BS9"} {
		if got := NormalizeCode(typed); got != want {
			t.Errorf("NormalizeCode(%q) = %q, want %q (no match)", typed, got, want)
		}
	}
	for range 100 {
		c := NewCertificateCode()
		if NormalizeCode(c) != c {
			t.Fatalf("a new code %q is not in normal form", c)
		}
	}
}
