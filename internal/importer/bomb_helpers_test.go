package importer_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"testing"
)

// bomb describes a hostile XLSX: a header, one ordinary row, and a row with
// one cell of long repeated characters, deflated into a small file.
type bomb struct {
	cellBytes int64 // length of the long cell
	inline    bool  // the long cell is an inline string in the sheet, not a shared string
	inHeader  bool  // the long cell is in the header row
}

// bombXLSX writes the bomb as a minimal workbook, as a hostile tester
// would: the long text is streamed into the zip, so it is never in memory.
func bombXLSX(t testing.TB, b bomb) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	part := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, body); err != nil {
			t.Fatal(err)
		}
	}
	long := func(w io.Writer) {
		chunk := bytes.Repeat([]byte("A"), 1<<16)
		for left := b.cellBytes; left > 0; left -= int64(len(chunk)) {
			n := min(left, int64(len(chunk)))
			if _, err := w.Write(chunk[:n]); err != nil {
				t.Fatal(err)
			}
		}
	}
	part("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`)
	part("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	part("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	part("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`)

	shared := []string{"Nama Usaha", "Nama Pemilik", "Desa", "Kecamatan", "Emping Bu Sari", "Sari", "Julang", "Cikande",
		"Keripik Pak Ali", "Ali", "Catatan"}
	longIndex := len(shared)
	str := func(ref string, i int) string { return fmt.Sprintf(`<c r="%s" t="s"><v>%d</v></c>`, ref, i) }
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	write := func(s string) {
		if _, err := io.WriteString(w, s); err != nil {
			t.Fatal(err)
		}
	}
	longCell := func(ref string) {
		if !b.inline {
			write(str(ref, longIndex))
			return
		}
		write(`<c r="` + ref + `" t="inlineStr"><is><t>`)
		long(w)
		write(`</t></is></c>`)
	}
	write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:E4"/><sheetData>`)
	write(`<row r="1">` + str("A1", 0) + str("B1", 1) + str("C1", 2) + str("D1", 3))
	if b.inHeader {
		longCell("E1")
	} else {
		write(str("E1", 10))
	}
	write(`</row><row r="2">` + str("A2", 4) + str("B2", 5) + str("C2", 6) + str("D2", 7) + `</row>`)
	write(`<row r="3">` + str("A3", 8) + str("B3", 9) + str("C3", 6) + str("D3", 7))
	if !b.inHeader {
		longCell("E3")
	}
	write(`</row></sheetData></worksheet>`)

	w, err = zw.Create("xl/sharedStrings.xml")
	if err != nil {
		t.Fatal(err)
	}
	write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	for _, s := range shared {
		write("<si><t>" + s + "</t></si>")
	}
	if !b.inline {
		write("<si><t>")
		long(w)
		write("</t></si>")
	}
	write(`</sst>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
