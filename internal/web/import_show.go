package web

import (
	"net/http"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/importer"
)

// importShowData is the progress and result of one import.
type importShowData struct {
	Import      *importView
	CommitToken string // set after a finished dry run whose upload is still here
}

// importShow handles GET /impor/{id}: a progress bar while the import
// runs (the page polls itself with htmx), then the summary, the rejected
// rows and the report download.
func (s *Server) importShow(w http.ResponseWriter, r *http.Request, id int64) error {
	a := actor(r)
	v, err := s.importState(r.Context(), a, id)
	if err != nil {
		return err
	}
	d := importShowData{Import: v}
	if v.Status == importer.StatusDryRun {
		d.CommitToken = s.imports.tokenOfDryRun(id, a)
	}
	s.render(w, r, http.StatusOK, "import_show", page{Title: "Impor #" + itoa64(id), Active: "import", Data: d})
	return nil
}

// importCancel handles POST /impor/batal/{id}, the page's cancel button,
// and shows the import again.
func (s *Server) importCancel(w http.ResponseWriter, r *http.Request, id int64) error {
	if _, err := s.cancelImport(r.Context(), actor(r), id); err != nil {
		return err
	}
	http.Redirect(w, r, "/impor/"+itoa64(id), http.StatusSeeOther)
	return nil
}

// tokenOfDryRun finds the upload whose latest dry run is id.
func (j *importJobs) tokenOfDryRun(id int64, a auth.Actor) string {
	j.mu.Lock()
	defer j.mu.Unlock()
	for t, u := range j.uploads {
		if u.LastDry == id && u.UserID == a.UserID {
			return t
		}
	}
	return ""
}

// importListData is the import history.
type importListData struct {
	Imports []importView
	Total   int
}

// importList handles GET /impor/riwayat: every import with its counts
// (operators see their own).
func (s *Server) importList(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	if !a.IsOfficer() {
		return apperr.New(apperr.Forbidden, "Hanya admin dan operator yang boleh melihat impor")
	}
	page1, err := queryInt(r, "page", 1)
	if err != nil {
		return apperr.Validation(map[string]string{"page": "Harus bilangan bulat positif"})
	}
	items, total, err := s.Store.ListImports(r.Context(), page1, 100)
	if err != nil {
		return err
	}
	if a.Role != auth.Admin {
		mine := items[:0]
		for _, it := range items {
			if it.UserID == a.UserID {
				mine = append(mine, it)
			}
		}
		items = mine
	}
	views := make([]importView, len(items))
	for i := range items {
		views[i] = importView{Import: items[i]}
	}
	s.render(w, r, http.StatusOK, "import_list", page{Title: "Riwayat impor", Active: "import",
		Data: importListData{Imports: views, Total: total}})
	return nil
}

// StatusLabel is the Indonesian name of the import's status.
func (v *importView) StatusLabel() string { return idfmt.Label(importStatusLabels, v.Status) }

var importStatusLabels = map[string]string{importer.StatusRunning: "Berjalan", importer.StatusDone: "Selesai",
	importer.StatusDryRun: "Uji coba selesai", importer.StatusFailed: "Gagal"}
