package importer_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"naikkelas/internal/auth"
	"naikkelas/internal/importer"
)

// englishWords are words of the errors the libraries underneath report
// ("zip: not a valid zip file", "sheet Data does not exist", "xml: syntax
// error", "unexpected EOF"); none may reach an officer.
var englishWords = regexp.MustCompile(`(?i)\b(zip|xml|csv:|not|invalid|does|exist|unexpected|eof|error|syntax|file|sheet)\b`)

// TestEveryUnreadableFileHasAnIndonesianMessage feeds every kind of file
// the reader cannot read to an import and to the page's preview: each
// fails with its own Indonesian message (not the general "kesalahan
// sistem", and no English), and nothing is written.
func TestEveryUnreadableFileHasAnIndonesianMessage(t *testing.T) {
	good := bombXLSX(t, bomb{cellBytes: 10})
	wide := "Nama Usaha;Desa" + strings.Repeat(";x", 600) + "\nA;B\n"
	cases := []struct {
		name, file, data, sheet string
		limits                  importer.Limits
		want                    string
	}{
		{"empty", "a.csv", "", "", importer.Limits{}, "Berkas kosong"},
		{"blank", "a.csv", "\xEF\xBB\xBF \r\n", "", importer.Limits{}, "Berkas kosong"},
		{"header only", "a.csv", "Nama Usaha;Nama Pemilik;Desa\n", "", importer.Limits{}, "hanya berisi baris judul"},
		{"no known column", "a.csv", "foo;bar\n1;2\n", "", importer.Limits{}, "Tidak ada kolom yang dikenali"},
		{"no name column", "a.csv", "Desa;Kecamatan\nJulang;Cikande\n", "", importer.Limits{}, "Kolom Nama Usaha atau Nama Pemilik tidak ditemukan"},
		{"header cell with NUL", "a.csv", "Nama Usaha;Nama Pemilik;Ca\x00tatan\nA;B;C\n", "", importer.Limits{}, "Judul kolom C di baris 1 berisi karakter yang tidak terbaca"},
		{"row too wide", "a.csv", wide, "", importer.Limits{}, "Baris terlalu lebar"},
		{"too many cells", "a.csv", "Nama Usaha;Desa\nA;B\nC;D\n", "", importer.Limits{MaxCells: 3}, "lebih dari 3 sel berisi"},
		{"old Excel or password", "a.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", "", importer.Limits{}, "Excel lama (.xls) atau dilindungi kata sandi"},
		{"xlsx that is no zip", "data.xlsx", "Nama Usaha;Desa\n", "", importer.Limits{}, "Berkas data.xlsx bukan XLSX yang sah"},
		{"broken zip", "a.xlsx", "PK\x03\x04 this is not a zip at all", "", importer.Limits{}, "Berkas bukan XLSX yang sah (arsip rusak"},
		{"zip of something else", "a.xlsx", string(zipOf(t, map[string]string{"content.xml": "<office/>"})), "", importer.Limits{}, "Berkas XLSX rusak: isinya tidak dapat dibaca"},
		{"no workbook", "a.xlsx", string(bytes.ReplaceAll(good, []byte("xl/workbook.xml"), []byte("xl/workbook.xmX"))), "", importer.Limits{}, "Berkas XLSX rusak"},
		{"workbook without sheets", "a.xlsx", string(zipOf(t, map[string]string{
			"_rels/.rels":     `<Relationships><Relationship Id="r1" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
			"xl/workbook.xml": `<workbook><sheets/></workbook>`, "xl/_rels/workbook.xml.rels": `<Relationships/>`})),
			"", importer.Limits{}, "tidak berisi lembar kerja"},
		{"broken sheet XML", "a.xlsx", string(storedSheet(t, `<worksheet><sheetData><row><c><v>1</v></row></sheetData></worksheet>`)), "", importer.Limits{}, "Berkas XLSX rusak"},
		{"NUL in sheet XML", "a.xlsx", string(storedSheet(t, `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nama&#0;Usaha</t></is></c></row></sheetData></worksheet>`)), "", importer.Limits{}, "Berkas XLSX rusak"},
		{"absent sheet", "a.xlsx", string(good), "Rekap", importer.Limits{}, `Lembar "Rekap" tidak ada di berkas ini. Lembar yang ada: Data.`},
		{"unpacks too large", "a.xlsx", string(good), "", importer.Limits{MaxUncompressed: 1000}, "Berkas XLSX terlalu besar setelah diurai"},
		{"sheet too large", "a.xlsx", string(bombXLSX(t, bomb{cellBytes: 3 << 20, inline: true})), "", importer.Limits{MaxSheetBytes: 2 << 20}, `Lembar "Data" terlalu besar`},
		{"long header cell", "a.xlsx", string(bombXLSX(t, bomb{cellBytes: 1 << 20, inHeader: true})), "", importer.Limits{}, "Judul kolom E di baris 1 terlalu panjang"},
	}
	st := openStore(t)
	im := newImporter(st)
	ctx := context.Background()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			opt := importer.Options{Actor: auth.System, Sheet: c.sheet, Limits: c.limits}
			in := func() importer.Input {
				return importer.Input{Name: c.file, R: strings.NewReader(c.data), Size: int64(len(c.data))}
			}
			_, perr := im.Preview(ctx, in(), opt, 5)
			imp, err := im.Begin(ctx, c.file, opt)
			if err != nil {
				t.Fatal(err)
			}
			err = im.Run(ctx, imp, in(), opt)
			if !strings.Contains(imp.Message, c.want) || englishWords.MatchString(imp.Message) {
				t.Errorf("import: message %q, want %q in Indonesian", imp.Message, c.want)
			}
			if err == nil || imp.Status != importer.StatusFailed || errors.Is(err, context.Canceled) {
				t.Errorf("import err %v, status %s", err, imp.Status)
			}
			// the preview reads only the first rows: it may pass a file the
			// import refuses, but what it refuses it explains the same way
			if perr != nil && (!strings.Contains(importer.Message(perr), c.want) || englishWords.MatchString(importer.Message(perr))) {
				t.Errorf("preview: message %q, want %q in Indonesian", importer.Message(perr), c.want)
			}
		})
	}
	if n, _ := st.CountBusinesses(ctx); n != 0 {
		t.Errorf("%d businesses written by files that could not be read", n)
	}
}

// TestUnreadableCellRejectsItsRow: a CSV cell holding a NUL byte, or bytes
// that are not UTF-8 after the part the encoding was guessed from, failed
// the whole import on PostgreSQL with a system error (and was stored as is
// on SQLite). The row is now rejected with a reason naming the column; the
// other rows are imported and the report holds valid text.
func TestUnreadableCellRejectsItsRow(t *testing.T) {
	head := "Nama Usaha;Nama Pemilik;Desa;Kecamatan;Catatan\n"
	// two megabytes of good UTF-8 first, so that the encoding is guessed as UTF-8
	var filler strings.Builder
	for i := 0; filler.Len() < 2<<20; i++ {
		filler.WriteString("Kopi Éé " + strconv.Itoa(i) + ";Asep;Julang;Cikande;baik\n")
	}
	data := head + "Kopi\x00Nul;Asep;Julang;Cikande;x\n" + filler.String() + "Kopi Akhir;Asep;Julang;Cikande;caf\xe9\n"
	for _, eng := range []string{"sqlite", "postgres"} {
		t.Run(eng, func(t *testing.T) {
			st := openStore(t)
			if eng == "postgres" {
				st = pgSchemaStore(t)
			}
			imp, outs := runImport(t, st, "campur.csv", []byte(data), importer.Options{})
			last := imp.Summary.Total + 1
			if imp.Summary.Rejected != 2 || imp.Summary.Inserted != imp.Summary.Total-2 {
				t.Fatalf("summary %+v", imp.Summary)
			}
			for row, col := range map[int]string{2: "Nama Usaha (A)", last: "Catatan (E)"} {
				if r := outs[row].Reasons; outs[row].Outcome != importer.Rejected || len(r) != 1 ||
					!strings.Contains(r[0], "Kolom "+col+": ada karakter yang tidak terbaca") {
					t.Errorf("row %d: %+v", row, outs[row])
				}
			}
			f, err := excelize.OpenReader(bytes.NewReader(imp.Report))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if a2, _ := f.GetCellValue("Ditolak", "A2"); a2 != "Kopi\uFFFDNul" {
				t.Errorf("report shows the rejected cell as %q", a2)
			}
		})
	}
}

// zipOf is a zip holding the given parts.
func zipOf(t *testing.T, parts map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// storedSheet is a minimal workbook whose one sheet is sheetXML.
func storedSheet(t *testing.T, sheetXML string) []byte {
	return zipOf(t, map[string]string{
		"_rels/.rels":                `<Relationships><Relationship Id="r1" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<workbook><sheets><sheet name="Data" r:id="r1" xmlns:r="r"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="r1" Type="x/worksheet" Target="worksheets/s.xml"/></Relationships>`,
		"xl/worksheets/s.xml":        sheetXML,
	})
}
