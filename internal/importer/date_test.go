package importer

import "testing"

func TestParseDate(t *testing.T) {
	ok := []struct{ in, want string }{
		{"20/10/2025", "2025-10-20"},
		{"20-10-2025", "2025-10-20"},
		{"20.10.2025", "2025-10-20"},
		{"2025-10-20", "2025-10-20"},
		{"2025/10/20", "2025-10-20"},
		{"2025-10-20 00:00:00", "2025-10-20"},
		{"2025-10-20T00:00:00Z", "2025-10-20"},
		{"20 Oktober 2025", "2025-10-20"},
		{"20 oktober 2025", "2025-10-20"},
		{"20-Okt-2025", "2025-10-20"},
		{"1 Agustus 2024", "2024-08-01"},
		{"17 Agt 2024", "2024-08-17"},
		{"5/1/2026", "2026-01-05"},
		{"20/10/25", "2025-10-20"},
		{"45950", "2025-10-20"},
		{"45950.75", "2025-10-20"},
		{"29/02/2024", "2024-02-29"},
	}
	for _, c := range ok {
		got, err := ParseDate(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	bad := []string{"", "kemarin", "31/02/2025", "10/20/2025", "20 Okto 2025", "2025-13-01", "00/10/2025", "20/10", "12", "1.5"}
	for _, in := range bad {
		if got, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) = %q, want an error", in, got)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"20/10/2025", "2025-10-20", "20 Oktober 2025", "45950", "31/02/2025"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseDate(s)
		if err == nil && len(v) != 10 {
			t.Fatalf("ParseDate(%q) = %q", s, v)
		}
		if err != nil && (v != "" || err.Error() == "") {
			t.Fatalf("ParseDate(%q) gave both value %q and error %v", s, v, err)
		}
	})
}
