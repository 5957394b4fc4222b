package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// decodeGuarded returns the text of every element of doc read through an
// xmlGuard with a text limit of 10 bytes and a tag limit of 40.
func decodeGuarded(doc string) ([]string, error) {
	d := xml.NewDecoder(newXMLGuard(context.Background(), strings.NewReader(doc), 10, 40))
	var texts []string
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return texts, nil
		}
		if err != nil {
			return texts, err
		}
		if cd, ok := tok.(xml.CharData); ok {
			texts = append(texts, string(cd))
		}
	}
}

func TestXMLGuard(t *testing.T) {
	for _, tc := range []struct {
		doc  string
		want []string // texts; a cut one ends with cutMark
		err  bool
	}{
		{doc: `<a>short</a>`, want: []string{"short"}},
		{doc: `<a>0123456789</a>`, want: []string{"0123456789"}},
		{doc: `<a>0123456789ABC</a><b>x</b>`, want: []string{"0123456789" + cutMark, "x"}},
		// never inside a UTF-8 sequence: "é" is two bytes, the cut waits for it
		{doc: `<a>012345678éé</a>`, want: []string{"012345678é" + cutMark}},
		// never inside an entity
		{doc: `<a>01234567&amp;&amp;</a>`, want: []string{"01234567&" + cutMark}},
		// a tag longer than the limit, even with '>' quoted inside it
		{doc: `<a x="` + strings.Repeat(">", 50) + `">y</a>`, err: true},
		{doc: `<a x="1>2">y</a>`, want: []string{"y"}},
	} {
		got, err := decodeGuarded(tc.doc)
		if tc.err {
			if !errors.Is(err, errMarkupTooLong) {
				t.Errorf("%q: err %v, want markup too long", tc.doc, err)
			}
			continue
		}
		if err != nil || strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: got %q (%v), want %q", tc.doc, got, err, tc.want)
		}
		for _, s := range got {
			if !utf8.ValidString(s) {
				t.Errorf("%q: invalid UTF-8 %q", tc.doc, s)
			}
		}
	}
}

func TestXMLGuardStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := io.ReadAll(newXMLGuard(ctx, strings.NewReader("<a>x</a>"), 10, 40))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
}

func TestDateFormats(t *testing.T) {
	for code, want := range map[string]bool{
		"dd/mm/yyyy": true, "[$-421]d mmmm yyyy": true, "d-mmm-yy": true, "yyyy": true, "mmmm": true,
		"General": false, "0": false, "#,##0": false, `"Rp"#,##0`: false, "h:mm": false, "[h]:mm:ss": false,
		"mm:ss": false, "@": false, `0 "days"`: false, `\d0`: false,
	} {
		if got := dateCode(code); got != want {
			t.Errorf("dateCode(%q) = %v, want %v", code, got, want)
		}
	}
	if !isDateFormat(14, nil) || isDateFormat(3, nil) || !isDateFormat(22, nil) {
		t.Error("built-in formats")
	}
}

func TestXLSXBrokenSheet(t *testing.T) {
	for _, sheet := range []string{
		`<worksheet><sheetData><row><c><v>1</v></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="x"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="3"/><row r="2"/></sheetData></worksheet>`,
		`<worksheet><sheetData><row><c r="1A"><v>1</v></c></row></sheetData></worksheet>`,
	} {
		data := storedXLSX(t, sheet)
		tb, err := OpenTable(context.Background(), "f.xlsx", bytes.NewReader(data), int64(len(data)), ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for err == nil {
			_, err = tb.Next()
		}
		if Message(err) != errXLSXBroken.Msg {
			t.Errorf("%s: %v", sheet, err)
		}
		tb.Close()
	}
}

// FuzzXLSXReader feeds mutated workbooks to the reader: it must never
// panic, and a file it refuses gets an Indonesian message.
func FuzzXLSXReader(f *testing.F) {
	x := excelize.NewFile()
	_ = x.SetSheetRow("Sheet1", "A1", &[]any{"Nama Usaha", "Desa", "Tanggal"})
	_ = x.SetSheetRow("Sheet1", "A2", &[]any{"Emping", "Julang", 45950})
	style, _ := x.NewStyle(&excelize.Style{NumFmt: 14})
	_ = x.SetCellStyle("Sheet1", "C2", "C2", style)
	var buf bytes.Buffer
	_ = x.Write(&buf)
	f.Add(buf.Bytes())
	f.Add(storedXLSX(f, `<worksheet><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>a&amp;b</t></is></c></row></sheetData></worksheet>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		readFuzzed(t, "f.xlsx", data, ReadOptions{Limits: Limits{MaxCellBytes: 64}}, func(c string) {
			if len(c) > 64+len(cutMark) && !isCut(c) {
				t.Fatalf("cell of %d bytes not cut", len(c))
			}
		})
	})
}

// storedXLSX is a workbook whose one sheet is the given XML, stored
// uncompressed so that the fuzzer's mutations reach the XML.
func storedXLSX(t testing.TB, sheetXML string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{
		"_rels/.rels":                `<Relationships><Relationship Id="r1" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<workbook><sheets><sheet name="Data" r:id="r1" xmlns:r="r"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="r1" Type="x/worksheet" Target="worksheets/s.xml"/></Relationships>`,
		"xl/worksheets/s.xml":        sheetXML,
	} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.WriteString(w, body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
