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
	if err := wb.Sheet("Ringkasan", [][]any{{"Program", "Kelas"}, {}, {"Biaya", 2.5}}); err != nil {
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
		v, _ := f.GetCellValue(sheet, cell)
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
	if panes, _ := f.GetPanes("Data"); !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v", panes)
	}
	if formula, _ := f.GetCellFormula("Data", "A2"); formula != "" {
		t.Errorf("text became a formula %q", formula)
	}
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
	if err := c.Row([]any{"Emping", nil, 3}); err != nil {
		t.Fatal(err)
	}
	if err := c.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFNama;Omzet;Lintang\r\n\"'=1+1;x\";1500000;-6.5\r\nEmping;;3\r\n"
	if got := buf.String(); got != want {
		t.Errorf("csv\n%q\nwant\n%q", got, want)
	}
}
