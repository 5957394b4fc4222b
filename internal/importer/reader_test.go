package importer

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

func readAllRows(t *testing.T, data []byte, opt ReadOptions) ([][]string, error) {
	t.Helper()
	tb, err := OpenTable(context.Background(), "f", bytes.NewReader(data), int64(len(data)), opt)
	if err != nil {
		return nil, err
	}
	defer tb.Close()
	var rows [][]string
	for {
		r, err := tb.Next()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return rows, err
		}
		rows = append(rows, r)
	}
}

func TestCSVEncodingsAndSeparators(t *testing.T) {
	text := "Nama Usaha;Nama Pemilik;Desa\nKeripik Café;Siti Nurhayati;Julang\n"
	cp, _ := charmap.Windows1252.NewEncoder().String(text)
	cases := map[string][]byte{
		"utf8":          []byte(text),
		"utf8 bom":      append([]byte{0xEF, 0xBB, 0xBF}, text...),
		"windows-1252":  []byte(cp),
		"comma":         []byte(strings.ReplaceAll(text, ";", ",")),
		"tab":           []byte(strings.ReplaceAll(text, ";", "\t")),
		"crlf":          []byte(strings.ReplaceAll(text, "\n", "\r\n")),
		"quoted commas": []byte("\"Nama Usaha\",\"Omzet\"\n\"Keripik Café\",\"1,5 jt\"\n"),
	}
	for name, data := range cases {
		rows, err := readAllRows(t, data, ReadOptions{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(rows) != 2 || rows[1][0] != "Keripik Café" || rows[0][0] != "Nama Usaha" {
			t.Errorf("%s: rows %q", name, rows)
		}
	}
	if DetectEncoding([]byte(cp)) != EncCP1252 || DetectEncoding([]byte(text)) != EncUTF8 {
		t.Error("encoding detection")
	}
}

func TestReadLimitsAndEmpty(t *testing.T) {
	if _, err := readAllRows(t, nil, ReadOptions{}); !errors.Is(err, ErrNoData) {
		t.Errorf("empty: %v", err)
	}
	if _, err := readAllRows(t, []byte("\xEF\xBB\xBF \r\n"), ReadOptions{}); !errors.Is(err, ErrNoData) {
		t.Errorf("blank: %v", err)
	}
	f := excelize.NewFile()
	for i := 1; i <= 50; i++ {
		_ = f.SetSheetRow("Sheet1", "A"+itoa(i), &[]any{"a", "b", "c"})
	}
	var buf bytes.Buffer
	_ = f.Write(&buf)
	_, err := readAllRows(t, buf.Bytes(), ReadOptions{Limits: Limits{MaxUncompressed: 2000, MaxCells: 1e6, MaxColumns: 10}})
	var fe *FormatError
	if !errors.As(err, &fe) || !strings.Contains(fe.Msg, "terlalu besar setelah diurai") {
		t.Errorf("zip bomb limit: %v", err)
	}
	_, err = readAllRows(t, buf.Bytes(), ReadOptions{Limits: Limits{MaxUncompressed: 1 << 30, MaxCells: 100, MaxColumns: 10}})
	if !errors.As(err, &fe) || !strings.Contains(fe.Msg, "lebih dari 100 sel") {
		t.Errorf("cell limit: %v", err)
	}
	if _, err := readAllRows(t, buf.Bytes(), ReadOptions{Sheet: "Tidak Ada"}); err == nil || !strings.Contains(err.Error(), "Sheet1") {
		t.Errorf("missing sheet: %v", err)
	}
	if _, err := readAllRows(t, []byte{0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3, 4}, ReadOptions{}); err == nil || !strings.Contains(err.Error(), ".xls") {
		t.Errorf("xls: %v", err)
	}
}

func TestMapHeader(t *testing.T) {
	cells := []string{"No.", "NAMA UMKM", "Nama  Pemilik", "N I K", "No. WA", "Desa/Kel", "Kec.", "Omset / Tahun",
		"Omzet per Bulan", "Jumlah Karyawan", "Hobi Pemilik", "Nama Usaha"}
	h := MapHeader(cells, map[int]Field{10: FIgnore})
	want := []Field{FInfo, FName, FOwnerName, FNIK, FPhone, FVillage, FDistrict, FRevenue, FMonthlyRevenue, FEmployees, FIgnore, ""}
	for i, c := range h.Columns {
		if c.Field != want[i] {
			t.Errorf("column %q → %q, want %q", c.Header, c.Field, want[i])
		}
	}
	if u := h.Unknown(); len(u) != 1 || u[0].Header != "Nama Usaha" || u[0].Letter != "L" {
		t.Errorf("unknown: %+v (a second Nama Usaha column must be reported, not merged)", u)
	}
	for _, eng := range []string{"name", "owner_name", "village_code", "annual_revenue", "halal_status"} {
		if _, ok := LookupHeader(eng); !ok {
			t.Errorf("English name %q not recognised", eng)
		}
	}
	if f, ok := LookupHeader("Teknik Produksi"); ok {
		t.Errorf("Teknik Produksi mapped to %q", f)
	}
}

func FuzzCSVReader(f *testing.F) {
	f.Add([]byte("Nama Usaha;Desa\nA;B\n"))
	f.Add([]byte("\xEF\xBB\xBFa,\"b\nc\",d\n"))
	f.Add([]byte("\xFF\xFEa\x00;\x00b\x00"))
	f.Add([]byte("\"unterminated"))
	f.Add([]byte("Nama;Desa\na\x00b;c\xff\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		readFuzzed(t, "f.csv", data, ReadOptions{}, func(c string) { // what reaches the store is text
			if !utf8.ValidString(c) || strings.IndexByte(c, 0) >= 0 {
				t.Fatalf("cell %q is not text", c)
			}
		})
	})
}

// readFuzzed reads a fuzzed file as a table, at most 10,000 rows, and hands
// each cell to check. An error on the way must carry an Indonesian message,
// not the one for an internal failure.
func readFuzzed(t *testing.T, name string, data []byte, opt ReadOptions, check func(cell string)) {
	const internal = "Impor gagal karena kesalahan sistem; tidak ada data yang diubah"
	tb, err := OpenTable(context.Background(), name, bytes.NewReader(data), int64(len(data)), opt)
	if err != nil {
		if Message(err) == internal {
			t.Fatalf("no Indonesian message for %v", err)
		}
		return
	}
	defer tb.Close()
	for i := 0; i < 10000; i++ {
		row, err := tb.Next()
		if err != nil {
			if !errors.Is(err, io.EOF) && Message(err) == internal {
				t.Fatalf("no Indonesian message for %v", err)
			}
			return
		}
		for _, c := range row {
			check(c)
		}
	}
}
