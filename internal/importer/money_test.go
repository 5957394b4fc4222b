package importer

import "testing"

func TestParseMoney(t *testing.T) {
	ok := []struct {
		in   string
		want int64
	}{
		{"Rp 1.500.000", 1_500_000},
		{"Rp1.500.000", 1_500_000},
		{"Rp. 1.500.000,-", 1_500_000},
		{"1.500.000,00", 1_500_000},
		{"1.500.000,50", 1_500_001},
		{"1500000", 1_500_000},
		{"1500000.00", 1_500_000},
		{"1,500,000", 1_500_000},
		{"1,500,000.00", 1_500_000},
		{"1.500", 1_500},
		{"1,5 jt", 1_500_000},
		{"1,5jt", 1_500_000},
		{"1,5 juta", 1_500_000},
		{"1.5 juta", 1_500_000},
		{"2 M", 2_000_000_000},
		{"2 miliar", 2_000_000_000},
		{"2,25 milyar", 2_250_000_000},
		{"750 rb", 750_000},
		{"750 ribu", 750_000},
		{"Rp 750rb", 750_000},
		{"1.500 rb", 1_500_000},
		{"0", 0},
		{"1.5E+6", 1_500_000},
		{"1.23456789E+8", 123_456_789},
		{"IDR 25.000", 25_000},
		{" 300\u00a0000 ", 300_000},
	}
	for _, c := range ok {
		got, err := ParseMoney(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseMoney(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
	bad := []string{"", "Rp", "abc", "-500.000", "1.50.000", "1,5 kg", "12..3", "1.500.000.000.000.000.000.000", "1,2,3.4,5", "satu juta", "(500)"}
	for _, in := range bad {
		if got, err := ParseMoney(in); err == nil {
			t.Errorf("ParseMoney(%q) = %d, want an error", in, got)
		}
	}
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"Rp 1.500.000", "1,5 jt", "2 M", "1.5E+6", "750 rb", "-1", "9999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseMoney(s)
		if err == nil && v < 0 {
			t.Fatalf("ParseMoney(%q) = %d: negative without error", s, v)
		}
		if err != nil && err.Error() == "" {
			t.Fatalf("empty reason for %q", s)
		}
	})
}
