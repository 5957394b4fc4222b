package market

import (
	"fmt"
	"strings"

	"naikkelas/internal/permits"
)

// permitKinds names the permits package's kind of each permit field of a product.
var permitKinds = []struct{ field, kind string }{
	{"pirt_number", permits.KindPIRT}, {"halal_number", permits.KindHalalReguler}, {"bpom_number", permits.KindBPOM},
}

// checkPermit returns the stored form of a permit number of the kind and an
// Indonesian message when it is not one ("" when it is).
func checkPermit(kind, s string) (string, string) {
	n := permits.NormalizeNumber(kind, s)
	return n, permits.CheckNumber(kind, n, "")
}

// Permit numbers (P-IRT, BPOM, halal) are checked by the permits package,
// the one place their formats are written; the barcode is the market's own.

// ParseGTIN checks a GTIN-8 or GTIN-13 barcode (EAN-8, EAN-13), including its
// check digit (GS1 modulo 10: weights 3 and 1 from the right).
func ParseGTIN(s string) (string, error) {
	d := digitsOnly(s, " -")
	if d == "" || !allDigits(d) {
		return "", fmt.Errorf("barcode hanya boleh berisi angka")
	}
	if len(d) != 8 && len(d) != 13 {
		return "", fmt.Errorf("barcode harus 8 atau 13 digit (EAN-8/EAN-13), terisi %d digit", len(d))
	}
	if want := gtinCheckDigit(d[:len(d)-1]); d[len(d)-1] != want {
		return "", fmt.Errorf("digit periksa barcode salah: digit terakhir seharusnya %c", want)
	}
	return d, nil
}

// GTIN13 completes the twelve digits of a GTIN-13 body with its check
// digit (for generated demo and test barcodes).
func GTIN13(body string) string { return body + string(gtinCheckDigit(body)) }

// gtinCheckDigit computes the GS1 check digit of the digits before it.
func gtinCheckDigit(body string) byte {
	sum := 0
	for i := 0; i < len(body); i++ {
		n := int(body[len(body)-1-i] - '0')
		if i%2 == 0 {
			n *= 3
		}
		sum += n
	}
	return byte('0' + (10-sum%10)%10)
}

// digitsOnly removes the separator characters in seps from s.
func digitsOnly(s, seps string) string {
	var b strings.Builder
	for _, r := range s {
		if !strings.ContainsRune(seps, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
