// Package sheet writes the spreadsheets naikkelas hands out: XLSX workbooks
// (exports, reports, rejected rows) and CSV files that Excel in an
// Indonesian locale opens by double-click. Every writer goes through it, so
// that formula neutralisation and the cell formats are decided once.
//
// Text cells are neutralised against formula injection (SafeCell). Other
// values keep their type: numbers stay numbers, so the office can compute
// with them. In an XLSX a count is shown grouped by thousands (6.108 in an
// Indonesian Excel or LibreOffice, whose locale supplies the separator), a
// fraction with at most two decimals, Money in rupiah and Date as a date;
// Plain is a number shown as it is (an identifier, a year, a coordinate).
package sheet

import (
	"bufio"
	"encoding/csv"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Rows is where a table's rows go: an XLSX sheet or a CSV file.
type Rows interface {
	// Row appends one row. Cells are strings, integers, floats, Money,
	// Date, Plain, or nil for an empty cell.
	Row(cells []any) error
}

// Money is an amount of whole rupiah. An XLSX holds it as a number shown
// as Rp1.500.000 (the thousands separator is the reader's locale), so the
// office can sum it; a CSV writes its digits.
type Money int64

// Date is a date without a time, "YYYY-MM-DD". An XLSX holds it as a date
// cell shown as 20/10/2025; a CSV writes it as it is. An empty or
// malformed Date is written as text.
type Date string

// Plain is a number shown without thousands grouping or rounding: an
// identifier (ID usaha 6231), a year (2015) or a coordinate (-6,123456).
// A CSV writes its digits like any number.
type Plain float64

// Number formats of the cells. The separators in a format are placeholders
// that the reader's locale replaces: Indonesian Excel shows 6.108 and 3,5.
const (
	rupiahFormat   = `"Rp"#,##0`
	dateFormat     = `dd/mm/yyyy`
	countFormat    = `#,##0`
	fractionFormat = `#,##0.0#`
)

// Workbook is an XLSX being written. Sheets are streamed (excelize's
// StreamWriter keeps rows beyond 16 MB in a temporary file), so an export
// of the whole register never sits in memory.
type Workbook struct {
	f       *excelize.File
	sheets  int
	streams []*Stream
	bold    int
	money   int // style of Money cells
	date    int // style of Date cells
	count   int // style of whole numbers
	frac    int // style of numbers with a fraction
}

// New starts an empty workbook; Close releases it.
func New() *Workbook {
	f := excelize.NewFile()
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	money, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr(rupiahFormat)})
	date, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr(dateFormat)})
	count, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr(countFormat)})
	frac, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr(fractionFormat)})
	return &Workbook{f: f, bold: bold, money: money, date: date, count: count, frac: frac}
}

func ptr(s string) *string { return &s }

// Close releases the workbook's temporary files.
func (w *Workbook) Close() error { return w.f.Close() }

func (w *Workbook) addSheet(name string) error {
	w.sheets++
	if w.sheets == 1 {
		return w.f.SetSheetName("Sheet1", name)
	}
	_, err := w.f.NewSheet(name)
	return err
}

// Stream is one sheet receiving rows in order.
type Stream struct {
	wb *Workbook
	sw *excelize.StreamWriter
	n  int
}

// Stream adds a sheet and returns it for writing rows. A non-empty header
// is written bold as the first row and stays visible when scrolling.
func (w *Workbook) Stream(name string, header []string) (*Stream, error) {
	if err := w.addSheet(name); err != nil {
		return nil, err
	}
	sw, err := w.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	s := &Stream{wb: w, sw: sw}
	w.streams = append(w.streams, s)
	if len(header) > 0 {
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return nil, err
		}
		cells := make([]any, len(header))
		for i, h := range header {
			cells[i] = excelize.Cell{StyleID: w.bold, Value: SafeCell(h)}
		}
		if err := s.write(cells); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Row appends a row below the last one.
func (s *Stream) Row(cells []any) error {
	out := make([]any, len(cells))
	for i, c := range cells {
		out[i] = s.wb.xlsxValue(c)
	}
	return s.write(out)
}

// Skip leaves n empty rows.
func (s *Stream) Skip(n int) { s.n += n }

func (s *Stream) write(cells []any) error {
	s.n++
	cell, err := excelize.CoordinatesToCellName(1, s.n)
	if err != nil {
		return err
	}
	return s.sw.SetRow(cell, cells)
}

// Sheet adds a small sheet holding rows; an empty row is left blank.
func (w *Workbook) Sheet(name string, rows [][]any) error {
	s, err := w.Stream(name, nil)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if len(r) == 0 {
			s.Skip(1)
			continue
		}
		if err := s.Row(r); err != nil {
			return err
		}
	}
	return nil
}

// Write finishes every sheet and writes the workbook.
func (w *Workbook) Write(out io.Writer) error {
	for _, s := range w.streams {
		if err := s.sw.Flush(); err != nil {
			return err
		}
	}
	w.streams = nil
	return w.f.Write(out)
}

func (w *Workbook) xlsxValue(v any) any {
	switch x := v.(type) {
	case string:
		return SafeCell(x)
	case int:
		return excelize.Cell{StyleID: w.count, Value: x}
	case int64:
		return excelize.Cell{StyleID: w.count, Value: x}
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			return excelize.Cell{StyleID: w.count, Value: x}
		}
		return excelize.Cell{StyleID: w.frac, Value: x}
	case Plain:
		return float64(x)
	case Money:
		return excelize.Cell{StyleID: w.money, Value: int64(x)}
	case Date:
		t, err := time.Parse(time.DateOnly, string(x))
		if err != nil {
			return SafeCell(string(x))
		}
		return excelize.Cell{StyleID: w.date, Value: t}
	}
	return v
}

// SafeCell neutralises a text cell against formula injection: text that
// starts with = + - @, a tab or a carriage return gets a leading apostrophe,
// which spreadsheet programs show as text. The importer strips it again.
func SafeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// CSV writes a CSV for Excel in an Indonesian locale: UTF-8 with a
// byte-order mark (so Excel does not read it as ANSI), ';' as separator
// (the list separator of Indonesian Windows, where ',' is the decimal
// comma) and CRLF line ends.
type CSV struct {
	bw  *bufio.Writer
	cw  *csv.Writer
	rec []string
}

// NewCSV starts a CSV on w with its header row; Flush ends it.
func NewCSV(w io.Writer, header []string) (*CSV, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString("\uFEFF"); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(bw)
	cw.Comma, cw.UseCRLF = ';', true
	c := &CSV{bw: bw, cw: cw}
	hdr := make([]any, len(header))
	for i, h := range header {
		hdr[i] = h
	}
	return c, c.Row(hdr)
}

// Row writes one record.
func (c *CSV) Row(cells []any) error {
	c.rec = c.rec[:0]
	for _, v := range cells {
		c.rec = append(c.rec, csvText(v))
	}
	return c.cw.Write(c.rec)
}

// Flush writes what is buffered and reports any write error.
func (c *CSV) Flush() error {
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return err
	}
	return c.bw.Flush()
}

func csvText(v any) string {
	switch x := v.(type) {
	case string:
		return SafeCell(x)
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case Plain:
		return strconv.FormatFloat(float64(x), 'f', -1, 64)
	case Money:
		return strconv.FormatInt(int64(x), 10)
	case Date:
		return SafeCell(string(x))
	}
	return ""
}
