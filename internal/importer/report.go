package importer

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Headers of the two columns a rejection report adds. Both map to FInfo,
// so the corrected report imports as is.
const (
	ReportRowHeader    = "Baris Asal"
	ReportReasonHeader = "Alasan Ditolak"
)

// reportWriter streams rejected rows into an XLSX: the file's own header,
// each rejected row's original cells, its row number and its reasons.
type reportWriter struct {
	header []string
	f      *excelize.File
	sw     *excelize.StreamWriter
	n      int
}

func (w *reportWriter) add(row int, cells []string, reasons []string) error {
	if w.f == nil {
		w.f = excelize.NewFile()
		_ = w.f.SetSheetName("Sheet1", "Ditolak")
		var err error
		if w.sw, err = w.f.NewStreamWriter("Ditolak"); err != nil {
			return err
		}
		hdr := make([]any, 0, len(w.header)+2)
		for _, h := range w.header {
			hdr = append(hdr, h)
		}
		hdr = append(hdr, ReportRowHeader, ReportReasonHeader)
		if err := w.sw.SetRow("A1", hdr); err != nil {
			return err
		}
		w.n = 1
	}
	w.n++
	// cells beyond the header have no column name and cannot be imported
	vals := make([]any, len(w.header)+2)
	for i := range w.header {
		vals[i] = ""
		if i < len(cells) {
			vals[i] = cells[i] // as text: a NIK stays a NIK
		}
	}
	vals[len(w.header)] = row
	vals[len(w.header)+1] = strings.Join(reasons, "; ")
	cell, _ := excelize.CoordinatesToCellName(1, w.n)
	return w.sw.SetRow(cell, vals)
}

// finish returns the XLSX bytes, or nil when no row was rejected.
func (w *reportWriter) finish() ([]byte, error) {
	if w.f == nil {
		return nil, nil
	}
	defer w.f.Close()
	if err := w.sw.Flush(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := w.f.Write(&buf); err != nil {
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
