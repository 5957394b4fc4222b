package importer

import (
	"bytes"
	"encoding/json"
	"slices"
	"sort"
	"strconv"
	"strings"

	"naikkelas/internal/sheet"
)

// Headers of the two columns a rejection report adds. Both map to FInfo,
// so the corrected report imports as is.
const (
	ReportRowHeader    = "Baris Asal"
	ReportReasonHeader = "Alasan Ditolak"
)

// reportWriter streams rejected rows into an XLSX: the file's own header,
// each rejected row's original cells, its row number and its reasons. The
// rows of each sheet of a workbook read with others, or named after its
// kecamatan, go to a sheet of the same name, so that the corrected report
// imports as the workbook did; otherwise to a sheet "Ditolak".
type reportWriter struct {
	wb      *sheet.Workbook
	rows    *sheet.Stream
	header  []string
	part    *part
	bySheet bool // several sheets are read
}

func (w *reportWriter) add(p *part, row int, cells []string, reasons []string) error {
	if w.wb == nil {
		w.wb = sheet.New()
	}
	if w.part != p {
		name := "Ditolak"
		if p.sheet != "" && (w.bySheet || p.place.kec != "") {
			name = p.sheet
		}
		w.part, w.header = p, p.h.Cells
		var err error
		if w.rows, err = w.wb.Stream(name, append(slices.Clone(w.header), ReportRowHeader, ReportReasonHeader)); err != nil {
			return err
		}
	}
	// cells beyond the header have no column name and cannot be imported
	vals := make([]any, len(w.header)+2)
	for i := range w.header {
		vals[i] = ""
		if i < len(cells) {
			// identifiers as text (a NIK stays a NIK), amounts as numbers
			vals[i] = reportCell(p.h.Columns[i].Field, strings.TrimSuffix(strings.Replace(cells[i], cutMark, "…", 1), unreadableMark))
		}
	}
	vals[len(w.header)] = sheet.Plain(row)
	vals[len(w.header)+1] = strings.Join(reasons, "; ")
	return w.rows.Row(vals)
}

// finish returns the XLSX bytes, or nil when no row was rejected.
func (w *reportWriter) finish() ([]byte, error) {
	if w.wb == nil {
		return nil, nil
	}
	defer w.wb.Close()
	var buf bytes.Buffer
	if err := w.wb.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// numericFields are the fields whose cells are amounts, counts, years or
// coordinates: a number there goes back to the report as a number.
// Identifiers (NIK, NIB, phone, codes) always go back as text, so that a
// NIK stays a NIK and a KBLI keeps its leading zero.
var numericFields = map[Field]bool{FRevenue: true, FMonthlyRevenue: true, FCapital: true, FEmployees: true,
	FFoundedYear: true, FYear: true, FLatitude: true, FLongitude: true, FInfo: true}

// plainFields are numbers shown as they are, never grouped or rounded.
var plainFields = map[Field]bool{FFoundedYear: true, FYear: true, FLatitude: true, FLongitude: true, FInfo: true}

// reportCell is a rejected row's cell as the report writes it.
func reportCell(f Field, v string) any {
	if !numericFields[f] {
		return v
	}
	n, err := strconv.ParseInt(v, 10, 64)
	isInt := err == nil && strconv.FormatInt(n, 10) == v && len(v) <= 15
	x, err := strconv.ParseFloat(v, 64)
	isFloat := err == nil && strings.Trim(v, "0123456789.-") == "" && strconv.FormatFloat(x, 'f', -1, 64) == v
	switch {
	case (isInt || isFloat) && plainFields[f]:
		return sheet.Plain(x)
	case isInt:
		return n
	case isFloat:
		return x
	}
	return v
}

func jsonKeys(raw json.RawMessage) []string {
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return nil
	}
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
