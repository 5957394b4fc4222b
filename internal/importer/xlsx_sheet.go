package importer

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"
)

// maxSheetRows is Excel's last row; a row number beyond it is a broken file.
const maxSheetRows = 1 << 20

// xlsxTable streams one sheet's rows. Cells hold the stored (cached)
// values: formulas are never evaluated, numbers come as written so that a
// NIK typed as text stays text, and numbers formatted as dates come as
// YYYY-MM-DD.
type xlsxTable struct {
	book    *xlsxBook
	rc      io.ReadCloser
	d       *xml.Decoder
	limit   cellCounter
	n       int64 // number of the last row returned
	total   int64 // rows the sheet declares, for progress; 0 when unknown
	ahead   []string
	aheadAt int64 // row number of ahead; 0 = none
	ended   bool
	merges  []cellRange
	fill    mergeFill
	hidden  []bool // columns the sheet hides, from <cols>
}

func (b *xlsxBook) openSheet(s *xlsxSheetRef) (*xlsxTable, error) {
	rc, d, err := b.open(s.part, b.limits.MaxSheetBytes, fmt.Sprintf(
		"Lembar %q terlalu besar setelah diurai (lebih dari %d MB). Bagi berkas menjadi beberapa bagian.",
		s.Name, b.limits.MaxSheetBytes>>20))
	if err != nil {
		return nil, err
	}
	merges, err := b.readMerges(s)
	if err != nil {
		rc.Close()
		return nil, err
	}
	return &xlsxTable{book: b, rc: rc, d: d, limit: cellCounter{limits: b.limits}, merges: merges,
		fill: mergeFill{merges: merges}}, nil
}

// Merges returns the sheet's merged areas.
func (t *xlsxTable) Merges() []cellRange { return t.merges }

// HiddenColumns reports, by column index, the columns the sheet hides. It
// is known once the first row has been read (<cols> precedes the rows).
func (t *xlsxTable) HiddenColumns() []bool { return t.hidden }

// Next returns the next row. Rows the sheet leaves out (nothing in them)
// come as empty rows, so that row numbers stay those Excel shows.
func (t *xlsxTable) Next() ([]string, error) {
	if t.aheadAt == 0 && !t.ended {
		if err := t.readRow(); err != nil {
			return nil, err
		}
	}
	if t.aheadAt == 0 {
		return nil, io.EOF
	}
	t.n++
	if t.n < t.aheadAt {
		return t.fill.apply(int(t.n), []string{}), nil
	}
	row := t.ahead
	t.ahead, t.aheadAt = nil, 0
	if err := t.limit.add(row); err != nil {
		return nil, err
	}
	return t.fill.apply(int(t.n), row), nil
}

// readRow reads up to the next <row> element and its cells into ahead.
func (t *xlsxTable) readRow() error {
	for {
		tok, err := t.d.RawToken()
		if errors.Is(err, io.EOF) {
			t.ended = true
			return nil
		}
		if err != nil {
			return t.book.partError(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "dimension":
				t.total = dimensionRows(attr(e, "ref"))
			case "col":
				t.hideColumns(e)
			case "row":
				at := t.n + 1
				if r := attr(e, "r"); r != "" {
					n, err := strconv.ParseInt(r, 10, 64)
					if err != nil || n <= t.n || n > maxSheetRows {
						return errXLSXBroken
					}
					at = n
				}
				cells, err := t.readCells()
				if err != nil {
					return err
				}
				t.ahead, t.aheadAt = cells, at
				return nil
			}
		case xml.EndElement:
			if e.Name.Local == "sheetData" {
				t.ended = true
				return nil
			}
		}
	}
}

// readCells reads the cells of a row up to its end tag. Empty cells (a
// style without a value) are left out, so formatting applied to whole rows
// does not widen them.
func (t *xlsxTable) readCells() ([]string, error) {
	var cells []string
	col := -1
	for {
		tok, err := t.d.RawToken()
		if err != nil {
			return nil, t.book.partError(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local != "c" {
				continue
			}
			col++
			if ref := attr(e, "r"); ref != "" {
				if col, err = refColumn(ref); err != nil {
					return nil, errXLSXBroken
				}
			}
			v, err := t.readCell(e)
			if err != nil {
				return nil, err
			}
			if v == "" {
				continue
			}
			if col >= t.book.limits.MaxColumns {
				return nil, &FormatError{fmt.Sprintf("Baris terlalu lebar: ada isi di kolom ke-%d (batas %d).", col+1, t.book.limits.MaxColumns)}
			}
			for len(cells) <= col {
				cells = append(cells, "")
			}
			cells[col] = v
		case xml.EndElement:
			if e.Name.Local == "row" {
				return cells, nil
			}
		}
	}
}

// readCell reads one <c> element to its end and returns its value as text.
func (t *xlsxTable) readCell(c xml.StartElement) (string, error) {
	typ := attr(c, "t")
	style, _ := strconv.Atoi(attr(c, "s"))
	val := cellText{limit: t.book.limits.MaxCellBytes}
	var in string // "v", "t" (inline text) or ""
	phonetic := 0
	for {
		tok, err := t.d.RawToken()
		if err != nil {
			return "", t.book.partError(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "v":
				in = "v"
			case "t":
				if phonetic == 0 {
					in = "t"
				}
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "c":
				return t.book.value(typ, style, val.String()), nil
			case "v", "t":
				in = ""
			case "rPh":
				phonetic--
			}
		case xml.CharData:
			if (in == "v" && typ != "inlineStr") || (in == "t" && typ == "inlineStr") {
				val.add(e)
			}
		}
	}
}

// value turns a cell's stored text into what the importer reads.
func (b *xlsxBook) value(typ string, style int, v string) string {
	switch typ {
	case "s":
		i, err := strconv.Atoi(v)
		if err != nil || i < 0 || i >= len(b.shared) {
			return ""
		}
		return b.shared[i]
	case "b":
		if v == "1" {
			return "TRUE"
		}
		return "FALSE"
	case "d":
		if len(v) >= 10 {
			return v[:10]
		}
		return v
	case "", "n":
		if b.dates.isDate(style) {
			if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 61 && f < 110000 {
				day := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(f))
				return day.Format(time.DateOnly)
			}
		}
	}
	return v // inlineStr, str (a formula's text), e (#N/A), and numbers
}

// hideColumns records a <col> element's columns when it hides them.
func (t *xlsxTable) hideColumns(e xml.StartElement) {
	if h := attr(e, "hidden"); h != "1" && h != "true" {
		return
	}
	lo, err1 := strconv.Atoi(attr(e, "min"))
	hi, err2 := strconv.Atoi(attr(e, "max"))
	if err1 != nil || err2 != nil || lo < 1 || hi < lo {
		return
	}
	hi = min(hi, t.book.limits.MaxColumns) // whole-sheet ranges reach column 16384
	for len(t.hidden) < hi {
		t.hidden = append(t.hidden, false)
	}
	for c := lo; c <= hi; c++ {
		t.hidden[c-1] = true
	}
}

// refColumn returns the 0-based column of a cell reference such as "AB12".
func refColumn(ref string) (int, error) {
	col := 0
	i := 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		col = col*26 + int(ref[i]-'A') + 1
		if col > 16384 {
			return 0, errXLSXBroken
		}
	}
	if i == 0 {
		return 0, errXLSXBroken
	}
	return col - 1, nil
}

// dimensionRows reads the last row of a dimension such as "A1:AF48001".
func dimensionRows(ref string) int64 {
	for i := len(ref) - 1; i >= 0; i-- {
		if ref[i] < '0' || ref[i] > '9' {
			n, _ := strconv.ParseInt(ref[i+1:], 10, 64)
			return n
		}
	}
	return 0
}

func (t *xlsxTable) Progress() (int64, int64) { return t.n, t.total }

func (t *xlsxTable) Close() error { return t.rc.Close() }
