package web

import (
	"net/http"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/importer"
)

// apiImportCreate handles POST /api/v1/imports (multipart: file, source,
// dry_run, sheet, link_likely). The file is read in the background; the answer is 202
// with the import's id and status, to be polled at GET /api/v1/imports/{id}.
func (s *Server) apiImportCreate(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	u, fields, err := s.receiveUpload(r, a, false)
	if err != nil {
		return err
	}
	u.Source, u.Sheet = fields["source"], fields["sheet"]
	u.Header = headerChoice(fields["header_row"], fields["header_rows"])
	u.LinkLikely = isTrue(fields["link_likely"])
	imp, err := s.startImport(r.Context(), a, u, isTrue(fields["dry_run"]), false)
	if err != nil {
		s.imports.drop(u)
		return err
	}
	writeJSON(w, http.StatusAccepted, map[string]any{"id": imp.ID, "status": imp.Status})
	return nil
}

func isTrue(v string) bool {
	switch strings.ToLower(v) {
	case "1", "true", "on", "ya", "yes":
		return true
	}
	return false
}

// apiImportCancel handles POST /api/v1/imports/{id}/cancel: the running
// import stops and writes nothing; a queued one never starts. The answer is
// the import once it has stopped (status cancelled), or still running (202)
// if it has not stopped within a few seconds.
func (s *Server) apiImportCancel(w http.ResponseWriter, r *http.Request, id int64) error {
	v, err := s.cancelImport(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if v.Status == importer.StatusRunning {
		status = http.StatusAccepted
	}
	writeJSON(w, status, v)
	return nil
}

// apiImportReport handles GET /api/v1/imports/{id}/report: the XLSX of
// rejected rows, which imports again as is once corrected.
func (s *Server) apiImportReport(w http.ResponseWriter, r *http.Request, id int64) error {
	if _, err := s.importState(r.Context(), actor(r), id); err != nil {
		return err
	}
	report, err := s.Store.ImportReport(r.Context(), id)
	if err != nil {
		return err
	}
	if report == nil {
		return apperr.New(apperr.NotFound, "Impor ini tidak punya baris yang ditolak")
	}
	sendFile(w, report, "ditolak-impor-"+itoa64(id)+".xlsx", xlsxType)
	return nil
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

func sendFile(w http.ResponseWriter, data []byte, name, ctype string) {
	setFileHeaders(w, name, ctype)
	_, _ = w.Write(data)
}

// setFileHeaders marks a response as a download that is not cached.
func setFileHeaders(w http.ResponseWriter, name, ctype string) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Cache-Control", "no-store")
}
