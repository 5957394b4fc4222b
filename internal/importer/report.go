package importer

import (
	"bytes"
	"encoding/json"
	"slices"
	"sort"
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
			// as text: a NIK stays a NIK
			vals[i] = strings.TrimSuffix(strings.Replace(cells[i], cutMark, "…", 1), unreadableMark)
		}
	}
	vals[len(w.header)] = row
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
