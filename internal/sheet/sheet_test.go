package sheet

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+62": "'+62", "-5": "'-5", "@SUM(A1)": "'@SUM(A1)", "\tx": "'\tx", "\rx": "'\rx",
		"Emping": "Emping", "": "", "1=1": "1=1",
	} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWorkbook(t *testing.T) {
	wb := New()
	s, err := wb.Stream("Data", []string{"Nama", "Omzet"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Row([]any{"=HYPERLINK(\"x\")", int64(1500000)}); err != nil {
		t.Fatal(err)
	}
	if err := wb.Sheet("Ringkasan", [][]any{{"Program", "Kelas"}, {}, {"Biaya", 2.5},
		{6108, 75.0, 3972.37, Plain(6231), Plain(-6.123456), Money(1500000), Date("2025-10-20")}}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := wb.Write(&buf); err != nil {
		t.Fatal(err)
	}
	wb.Close()
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "Data" || got[1] != "Ringkasan" {
		t.Fatalf("sheets %v", got)
	}
	check := func(sheet, cell, want string, text bool) {
		t.Helper()
		v, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		ct, _ := f.GetCellType(sheet, cell)
		isText := ct == excelize.CellTypeInlineString || ct == excelize.CellTypeSharedString
		if v != want || isText != text {
			t.Errorf("%s!%s = %q (type %v), want %q (text %v)", sheet, cell, v, ct, want, text)
		}
	}
	check("Data", "A1", "Nama", true)
	check("Data", "A2", "'=HYPERLINK(\"x\")", true)
	check("Data", "B2", "1500000", false) // a number
	check("Ringkasan", "A2", "", false)
	check("Ringkasan", "B3", "2.5", false)
	// counts grouped by thousands, fractions without needless decimals,
	// identifiers and coordinates as they are
	for cell, want := range map[string]string{"B2": countFormat, "A4": countFormat, "B4": countFormat, "C4": fractionFormat,
		"B3": fractionFormat, "D4": "", "E4": "", "F4": rupiahFormat, "G4": dateFormat} {
		sheetName := "Ringkasan"
		if cell == "B2" {
			sheetName = "Data"
		}
		if got := numberFormat(t, f, sheetName, cell); got != want {
			t.Errorf("%s!%s: number format %q, want %q", sheetName, cell, got, want)
		}
	}
	check("Ringkasan", "D4", "6231", false)
	check("Ringkasan", "E4", "-6.123456", false)
	check("Ringkasan", "C4", "3972.37", false)
	if panes, _ := f.GetPanes("Data"); !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v", panes)
	}
	if formula, _ := f.GetCellFormula("Data", "A2"); formula != "" {
		t.Errorf("text became a formula %q", formula)
	}
}

// numberFormat is the custom number format of a cell, "" for General.
func numberFormat(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

func TestCSV(t *testing.T) {
	var buf bytes.Buffer
	c, err := NewCSV(&buf, []string{"Nama", "Omzet", "Lintang"})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Row([]any{"=1+1;x", int64(1500000), -6.5}); err != nil {
		t.Fatal(err)
	}
	if err := c.Row([]any{"Emping", nil, Plain(6231)}); err != nil {
		t.Fatal(err)
	}
	if err := c.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFNama;Omzet;Lintang\r\n\"'=1+1;x\";1500000;-6.5\r\nEmping;;6231\r\n"
	if got := buf.String(); got != want {
		t.Errorf("csv\n%q\nwant\n%q", got, want)
	}
}
