package importer

import (
	"bufio"
	"encoding/csv"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

var jakarta = func() *time.Location {
	if l, err := time.LoadLocation("Asia/Jakarta"); err == nil {
		return l
	}
	return time.FixedZone("WIB", 7*3600)
}()

// WriteXLSX streams businesses into an XLSX (excelize StreamWriter: rows go
// to a temporary file beyond 16 MB, never all into memory).
func WriteXLSX(w io.Writer, dir *region.Directory, each Each) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "UMKM"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	hdr := make([]any, len(ExportColumns))
	for i, h := range ExportColumns {
		hdr[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	_ = sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	if err := sw.SetRow("A1", hdr); err != nil {
		return err
	}
	n := 1
	err = each(func(b *registry.Business) error {
		n++
		cell, _ := excelize.CoordinatesToCellName(1, n)
		return sw.SetRow(cell, exportRow(dir, b))
	})
	if err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}

// WriteCSV streams businesses into a CSV for Excel in Indonesian locale:
// UTF-8 with a byte-order mark (so Excel does not read it as ANSI) and ';'
// as separator (the list separator of Indonesian Windows, where ',' is the
// decimal comma), CRLF line ends.
func WriteCSV(w io.Writer, dir *region.Directory, each Each) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString("\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.Comma, cw.UseCRLF = ';', true
	if err := cw.Write(ExportColumns); err != nil {
		return err
	}
	rec := make([]string, len(ExportColumns))
	err := each(func(b *registry.Business) error {
		for i, v := range exportRow(dir, b) {
			rec[i] = cellText(v)
		}
		return cw.Write(rec)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
