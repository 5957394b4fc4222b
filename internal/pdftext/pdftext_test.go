package pdftext

import (
	"bytes"
	"compress/zlib"
	"testing"
)

func TestText(t *testing.T) {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	_, _ = zw.Write([]byte("BT (Rp1.500.000) Tj ET BT (a \\(b\\)) Tj ET"))
	_ = zw.Close()
	raw := append([]byte("%PDF-1.3\n1 0 obj\nstream\n"), z.Bytes()...)
	raw = append(raw, []byte("\nendstream\n2 0 obj\nstream\nBT (plain) Tj ET\nendstream\n")...)
	if got := Text(raw); got != "Rp1.500.000\na (b)\nplain\n" {
		t.Errorf("Text = %q", got)
	}
}
