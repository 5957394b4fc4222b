package certificate

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
		c := NewCode()
		if NormalizeCode(c) != c {
			t.Fatalf("a new code %q is not in normal form", c)
		}
	}
}

// FuzzNormalizeCode checks that a typed verification code normalises to a
// stable form: normalising twice changes nothing and no space survives.
func FuzzNormalizeCode(f *testing.F) {
	f.Add("nk-7qx4-m2pa-9hz3")
	f.Add(" NK 7QX4 M2PA 9HZ3 ")
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeCode(s)
		if NormalizeCode(n) != n {
			t.Fatalf("not idempotent: %q → %q → %q", s, n, NormalizeCode(n))
		}
		for _, c := range n {
			if c == ' ' {
				t.Fatalf("space survives in %q", n)
			}
		}
	})
}
