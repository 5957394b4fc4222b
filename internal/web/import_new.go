package web

import (
	"context"
	"errors"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/importer"
)

// importNewData is the upload page.
type importNewData struct {
	Error     string
	MaxMB     int64
	CanImport bool
}

// importNew handles GET /impor: the upload form.
func (s *Server) importNew(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	if !a.IsOfficer() {
		return errCannotImport
	}
	s.render(w, r, http.StatusOK, "import_new", page{Title: "Impor data", Active: "import",
		Data: importNewData{MaxMB: s.MaxUploadBytes >> 20, CanImport: true}})
	return nil
}

// importPreviewData is the mapping and first rows of an uploaded file.
type importPreviewData struct {
	Upload  *upload
	Preview *importer.PreviewResult
	Fields  []fieldOption
	Choice  map[int]string // column index → chosen field ("" = undecided)
	Error   string
	Labels  []string // value columns of the rows table
}

type fieldOption struct{ Value, Label string }

// importUpload handles POST /impor: store the file and show the preview.
func (s *Server) importUpload(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	u, fields, err := s.receiveUpload(r, a, true)
	if errors.Is(err, errNotMultipart) || errors.Is(err, errNoUploadFile) {
		s.render(w, r, http.StatusUnprocessableEntity, "import_new", page{Title: "Impor data", Active: "import",
			Data: importNewData{Error: "Pilih berkas XLSX atau CSV untuk diunggah", MaxMB: s.MaxUploadBytes >> 20, CanImport: true}})
		return nil
	}
	if err != nil {
		return err
	}
	u.Source, u.Sheet = fields["source"], fields["sheet"]
	if u.Source == "" {
		u.Source = u.Name
	}
	return s.showPreview(w, r, u, nil, "")
}

// showPreview reads the upload's header and first rows with mapping and renders them.
func (s *Server) showPreview(w http.ResponseWriter, r *http.Request, u *upload, mapping map[int]importer.Field, msg string) error {
	f, err := os.Open(u.Path)
	if err != nil {
		return apperr.New(apperr.NotFound, "Berkas unggahan sudah tidak ada; unggah ulang")
	}
	defer f.Close()
	ctx, cancel := context.WithTimeout(r.Context(), previewTimeout)
	defer cancel()
	pv, err := s.importerFor().Preview(ctx, importer.Input{Name: u.Name, R: f, Size: u.Size},
		importer.Options{Sheet: u.Sheet, Mapping: mapping, Header: u.Header}, 10)
	if err != nil {
		s.imports.drop(u) // a file that cannot be read is not kept
		s.render(w, r, http.StatusUnprocessableEntity, "import_new", page{Title: "Impor data", Active: "import",
			Data: importNewData{Error: importer.Message(err), MaxMB: s.MaxUploadBytes >> 20, CanImport: true}})
		return nil
	}
	d := importPreviewData{Upload: u, Preview: pv, Choice: map[int]string{}, Error: msg,
		Labels: []string{"Nama Usaha", "Nama Pemilik", "NIK", "NIB", "No HP", "Desa", "Sektor", "KBLI", "Omzet per Tahun", "Modal"}}
	for _, l := range importer.FieldLabels {
		d.Fields = append(d.Fields, fieldOption{string(l.Field), l.Label})
	}
	for _, c := range pv.Header.Columns {
		d.Choice[c.Index] = string(c.Field)
	}
	status := http.StatusOK
	if msg != "" {
		status = http.StatusUnprocessableEntity
	}
	s.render(w, r, status, "import_preview", page{Title: "Pratinjau impor", Active: "import", Data: d})
	return nil
}

// headerChoice reads the officer's header rows: the first row and how many
// (1 to 3). Anything else lets the importer find the header.
func headerChoice(row, rows string) importer.HeaderChoice {
	first, err1 := strconv.Atoi(strings.TrimSpace(row))
	n, err2 := strconv.Atoi(strings.TrimSpace(rows))
	if err1 != nil || err2 != nil || first < 1 || first > 10 || n < 1 || n > 3 {
		return importer.HeaderChoice{}
	}
	return importer.HeaderChoice{Row: first, Rows: n}
}

// previewTimeout bounds reading a file's first rows for the preview.
const previewTimeout = time.Minute

// importStart handles POST /impor/unggahan/{token}: a dry run
// (action=dry) or the real import (action=commit) with the officer's
// column mapping. Every unknown column must be mapped or ignored on purpose.
func (s *Server) importStart(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	u, err := s.imports.upload(r.PathValue("token"), a)
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	if r.FormValue("action") == "header" {
		// another header block changes the columns: the mapping starts anew
		u.Header, u.Mapping = headerChoice(r.FormValue("header_row"), r.FormValue("header_rows")), nil
		return s.showPreview(w, r, u, nil, "")
	}
	if r.Form.Has("mapped") {
		mapping := map[int]importer.Field{}
		var undecided []string
		for key, vals := range r.Form {
			idx, ok := strings.CutPrefix(key, "col_")
			i, err := strconv.Atoi(idx)
			if !ok || err != nil || i < 0 || i > 1000 {
				continue
			}
			switch f := importer.Field(vals[0]); {
			case f == "":
				undecided = append(undecided, r.Form.Get("name_"+idx))
			case importer.ValidField(f):
				mapping[i] = f
			}
		}
		u.Mapping = mapping
		if len(undecided) > 0 {
			return s.showPreview(w, r, u, mapping, "Tentukan dulu kolom yang tidak dikenal (petakan ke isian atau pilih Abaikan): "+strings.Join(undecided, ", "))
		}
	}
	u.LinkLikely = r.FormValue("link_likely") != ""
	imp, err := s.startImport(r.Context(), a, u, r.FormValue("action") != "commit", true)
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/impor/"+itoa64(imp.ID), http.StatusSeeOther)
	return nil
}
