package importer

import (
	"io"

	"naikkelas/internal/region"
	"naikkelas/internal/registry"
	"naikkelas/internal/sheet"
)

// WriteXLSX streams businesses into an XLSX sheet "UMKM" (rows go to a
// temporary file beyond 16 MB, never all into memory).
func WriteXLSX(w io.Writer, dir *region.Directory, each Each) error {
	wb := sheet.New()
	defer wb.Close()
	s, err := wb.Stream("UMKM", ExportColumns)
	if err != nil {
		return err
	}
	if err := writeBusinesses(s, dir, each); err != nil {
		return err
	}
	return wb.Write(w)
}

// WriteCSV streams businesses into a CSV for Excel in an Indonesian locale
// (see sheet.CSV).
func WriteCSV(w io.Writer, dir *region.Directory, each Each) error {
	c, err := sheet.NewCSV(w, ExportColumns)
	if err != nil {
		return err
	}
	if err := writeBusinesses(c, dir, each); err != nil {
		return err
	}
	return c.Flush()
}

func writeBusinesses(rows sheet.Rows, dir *region.Directory, each Each) error {
	return each(func(b *registry.Business) error { return rows.Row(exportRow(dir, b)) })
}
