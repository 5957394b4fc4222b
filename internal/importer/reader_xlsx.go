package importer

import (
	"archive/zip"
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
)

type xlsxTable struct {
	f     *excelize.File
	rows  *excelize.Rows
	n     int64
	total int64
	limit cellCounter
}

// openXLSX checks the zip directory against the size limit before
// unpacking anything, then streams the chosen sheet's rows with their stored
// (cached) values: formulas are never evaluated, and numbers are read raw so
// that a NIK typed as text stays text and dates arrive as serial numbers.
func openXLSX(r io.ReaderAt, size int64, opt ReadOptions) (Table, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, &FormatError{"Berkas XLSX rusak: " + err.Error()}
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(opt.Limits.MaxUncompressed) {
			return nil, &FormatError{fmt.Sprintf("Berkas XLSX terlalu besar setelah diurai (lebih dari %d MB). Bagi berkas menjadi beberapa bagian.", opt.Limits.MaxUncompressed>>20)}
		}
	}
	f, err := excelize.OpenReader(io.NewSectionReader(r, 0, size), excelize.Options{
		UnzipSizeLimit: opt.Limits.MaxUncompressed, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, &FormatError{"Berkas XLSX tidak dapat dibuka: " + err.Error()}
	}
	sheet := opt.Sheet
	if sheet == "" {
		sheet = f.GetSheetName(0)
	} else if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		_ = f.Close()
		return nil, &FormatError{fmt.Sprintf("Lembar %q tidak ada. Lembar yang tersedia: %v", sheet, f.GetSheetList())}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		_ = f.Close()
		return nil, &FormatError{"Lembar " + sheet + " tidak dapat dibaca: " + err.Error()}
	}
	return &xlsxTable{f: f, rows: rows, total: sheetRowCount(f, sheet), limit: cellCounter{limits: opt.Limits}}, nil
}

// sheetRowCount reads the sheet's declared dimension ("A1:AF48001") for the
// progress bar; 0 when absent.
func sheetRowCount(f *excelize.File, sheet string) int64 {
	dim, err := f.GetSheetDimension(sheet)
	if err != nil {
		return 0
	}
	for i := len(dim) - 1; i >= 0; i-- {
		if dim[i] < '0' || dim[i] > '9' {
			n, _ := strconv.ParseInt(dim[i+1:], 10, 64)
			return n
		}
	}
	return 0
}

func (t *xlsxTable) Next() ([]string, error) {
	if !t.rows.Next() {
		if err := t.rows.Error(); err != nil {
			return nil, &FormatError{"Lembar kerja rusak: " + err.Error()}
		}
		return nil, io.EOF
	}
	t.n++
	cols, err := t.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, &FormatError{fmt.Sprintf("Baris %d tidak dapat dibaca: %v", t.n, err)}
	}
	if err := t.limit.add(cols); err != nil {
		return nil, err
	}
	return cols, nil
}

func (t *xlsxTable) Progress() (int64, int64) { return t.n, t.total }

func (t *xlsxTable) Close() error {
	_ = t.rows.Close()
	return t.f.Close()
}
