package web

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"os"
	"strconv"

	"naikkelas/internal/apperr"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/importer"
	"naikkelas/internal/registry"
)

// businessExport handles GET /api/v1/businesses/export?format=xlsx|csv with
// the list's filters. Personal data is masked as for the caller's role
// (registry.Service.Each does it). The file is built in a temporary file
// before the first byte is sent, so a failure is still a clean error
// response, and memory stays flat however many rows the filter selects.
func (s *Server) businessExport(w http.ResponseWriter, r *http.Request) error {
	f, err := parseFilter(r)
	if err != nil {
		return err
	}
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "xlsx"
	}
	write, ctype := importer.WriteXLSX, xlsxType
	switch format {
	case "xlsx":
	case "csv":
		write, ctype = importer.WriteCSV, "text/csv; charset=utf-8"
	default:
		return apperr.Validation(map[string]string{"format": "Format harus xlsx atau csv"})
	}
	a := actor(r)
	tmp, err := os.CreateTemp("", "naikkelas-ekspor-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	each := func(fn func(*registry.Business) error) error { return s.Registry.Each(r.Context(), a, f, fn) }
	bw := bufio.NewWriterSize(tmp, 256<<10)
	err = write(bw, s.Registry.Regions, each)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		_, err = tmp.Seek(0, io.SeekStart)
	}
	if err != nil {
		return err
	}
	name := "umkm-" + idfmt.Day(s.Now()) + "." + format
	setFileHeaders(w, name, ctype)
	if info, err := tmp.Stat(); err == nil {
		w.Header().Set("Content-Length", strconv.FormatInt(info.Size(), 10))
	}
	_, _ = io.Copy(w, tmp)
	return nil
}

// businessTemplate handles GET /api/v1/businesses/template.xlsx: the
// data-entry template with dropdowns for the instance's kecamatan and desa.
func (s *Server) businessTemplate(w http.ResponseWriter, r *http.Request) error {
	var buf bytes.Buffer
	if err := importer.WriteTemplate(&buf, s.Registry.Regions, s.Jurisdiction); err != nil {
		return err
	}
	sendFile(w, buf.Bytes(), "templat-data-umkm.xlsx", xlsxType)
	return nil
}
