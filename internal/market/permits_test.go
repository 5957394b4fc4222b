package market

import (
	"strings"
	"testing"
)

func TestParseGTIN(t *testing.T) {
	for _, c := range []struct {
		in, want, err string
	}{
		{"8992761111114", "", "seharusnya 3"},
		{"4006381333931", "4006381333931", ""}, // the GS1 textbook example
		{"4006381333932", "", "seharusnya 1"},
		{"96385074", "96385074", ""}, // EAN-8
		{"96385075", "", "seharusnya 4"},
		{"400 6381 333931", "4006381333931", ""},
		{"400638133393", "", "8 atau 13 digit"},
		{"40063813339310", "", "8 atau 13 digit"},
		{"ABCDEFGH", "", "hanya boleh berisi angka"},
		{"", "", "hanya boleh berisi angka"},
	} {
		got, err := ParseGTIN(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("ParseGTIN(%q) = %q, %v; want error with %q", c.in, got, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("ParseGTIN(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

// TestProductPermits: a product's permit numbers follow the permits
// package's formats (tested there, table and fuzz), stored normalised.
func TestProductPermits(t *testing.T) {
	p := Product{Name: "Kopi", PIRTNumber: "206.3604.01.0112-26", HalalNumber: "id 3611 0000 1234 508 25",
		BPOMNumber: "md 2245 1000 1234"}
	p.Normalize()
	if f := p.Validate(); len(f) != 0 || p.PIRTNumber != "206360401011226" || p.HalalNumber != "ID36110000123450825" ||
		p.BPOMNumber != "MD224510001234" {
		t.Fatalf("valid numbers: %v, %+v", f, p)
	}
	bad := Product{Name: "Kopi", PIRTNumber: "12345", HalalNumber: "halal", BPOMNumber: "MK 224510001234"}
	bad.Normalize()
	f := bad.Validate()
	for _, field := range []string{"pirt_number", "halal_number", "bpom_number"} {
		if f[field] == "" {
			t.Errorf("%s %q accepted", field, *bad.permitField(field))
		}
	}
}

// The barcode parser reads what owners and officers type: whatever it
// accepts must be its own canonical form, and nothing may panic.
func FuzzGTIN(f *testing.F) {
	for _, s := range []string{"4006381333931", "96385074", "400 6381 333931", "", "-", "٣٦٠٤", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g, err := ParseGTIN(s)
		if err != nil {
			return
		}
		if len(g) != 8 && len(g) != 13 || !allDigits(g) {
			t.Fatalf("GTIN %q accepted as %q", s, g)
		}
		if again, err := ParseGTIN(g); err != nil || again != g {
			t.Fatalf("GTIN %q not canonical", g)
		}
		if gtinCheckDigit(g[:len(g)-1]) != g[len(g)-1] {
			t.Fatalf("GTIN %q accepted with a wrong check digit", g)
		}
	})
}
