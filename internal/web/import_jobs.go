package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/importer"
)

// importJobs tracks the imports this process runs in the background and
// the files uploaded for them. Its zero value is ready to use. Imports run
// one at a time: on SQLite an import holds the only write connection.
type importJobs struct {
	mu      sync.Mutex
	jobs    map[int64]*importJob
	uploads map[string]*upload
	run     sync.Mutex // one import at a time
}

// importJob is one running or finished import in this process.
type importJob struct {
	mu       sync.Mutex
	progress importer.Progress
	done     bool
	imp      importer.Import
	rejected []importer.RowOutcome // the first ones, for the result page
}

// upload is a file kept on disk between preview, dry run and commit.
type upload struct {
	Token   string
	Path    string
	Name    string
	Size    int64
	UserID  int64
	Source  string
	Sheet   string
	Mapping map[int]importer.Field
	Created time.Time
	LastDry int64 // id of the last dry run, shown before commit
}

// maxRejectedShown caps the rejected rows a result page lists (the report has them all).
const maxRejectedShown = 200

func (j *importJobs) job(id int64) *importJob {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.jobs[id]
}

func (j *importJobs) upload(token string, a auth.Actor) (*upload, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	u := j.uploads[token]
	if u == nil || u.UserID != a.UserID {
		return nil, apperr.New(apperr.NotFound, "Berkas unggahan tidak ditemukan atau sudah kedaluwarsa; unggah ulang")
	}
	return u, nil
}

// readUploadForm reads a multipart import form: the first "file" part is
// saved with saveUpload (with named, only a part carrying a file name, as a
// browser sends an empty file input too) and every other part becomes a
// trimmed field of at most 1000 bytes. u is nil when no file was sent.
func (s *Server) readUploadForm(a auth.Actor, mr *multipart.Reader, named bool) (u *upload, fields map[string]string, err error) {
	fields = map[string]string{}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return u, fields, nil
		}
		if err != nil {
			return nil, nil, s.uploadError(err)
		}
		if part.FormName() == "file" && (!named || part.FileName() != "") && u == nil {
			if u, err = s.saveUpload(a, part); err != nil {
				return nil, nil, err
			}
			continue
		}
		val, err := io.ReadAll(io.LimitReader(part, 1000))
		if err != nil {
			return nil, nil, s.uploadError(err)
		}
		fields[part.FormName()] = strings.TrimSpace(string(val))
	}
}

// saveUpload stores an uploaded file part on disk; the size limit itself is
// the request's MaxBytesReader, reported as 413.
func (s *Server) saveUpload(a auth.Actor, part *multipart.Part) (*upload, error) {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	token := hex.EncodeToString(b)
	f, err := os.CreateTemp("", "naikkelas-impor-*"+filepath.Ext(part.FileName()))
	if err != nil {
		return nil, err
	}
	n, err := io.Copy(f, part)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return nil, s.uploadError(err)
	}
	u := &upload{Token: token, Path: f.Name(), Name: filepath.Base(part.FileName()), Size: n, UserID: a.UserID, Created: s.Now()}
	s.imports.mu.Lock()
	defer s.imports.mu.Unlock()
	if s.imports.uploads == nil {
		s.imports.uploads = map[string]*upload{}
	}
	for k, old := range s.imports.uploads { // forget uploads older than a day
		if s.Now().Sub(old.Created) > 24*time.Hour {
			os.Remove(old.Path)
			delete(s.imports.uploads, k)
		}
	}
	s.imports.uploads[token] = u
	return u, nil
}

// uploadError turns a body over the limit into a 413 that says the limit.
func (s *Server) uploadError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return apperr.New(apperr.TooLarge, "Berkas terlalu besar: batas unggahan %d MB. Bagi berkas menjadi beberapa bagian.", s.MaxUploadBytes>>20)
	}
	return apperr.Wrap(apperr.Invalid, err, "Unggahan tidak dapat dibaca; coba unggah ulang")
}

// importerFor returns an Importer bound to this server's store and clock.
func (s *Server) importerFor() *importer.Importer {
	im := importer.New(s.Store, s.Jurisdiction)
	im.Now = s.Now
	return im
}

var errCannotImport = apperr.New(apperr.Forbidden, "Hanya admin dan operator yang boleh mengimpor data")

// startImport records an import and runs it in the background. It returns
// a copy of the import as it started (the running one belongs to its goroutine).
func (s *Server) startImport(ctx context.Context, a auth.Actor, u *upload, dry bool) (importer.Import, error) {
	if !a.IsOfficer() {
		return importer.Import{}, errCannotImport
	}
	im := s.importerFor()
	opt := importer.Options{Source: u.Source, Sheet: u.Sheet, DryRun: dry, Mapping: u.Mapping, Actor: a}
	imp, err := im.Begin(ctx, u.Name, opt)
	if err != nil {
		return importer.Import{}, err
	}
	started := *imp
	job := &importJob{imp: *imp}
	opt.OnProgress = func(p importer.Progress) { job.mu.Lock(); job.progress = p; job.mu.Unlock() }
	opt.OnRow = func(o importer.RowOutcome) {
		if o.Outcome == importer.Rejected && len(job.rejected) < maxRejectedShown {
			job.mu.Lock()
			job.rejected = append(job.rejected, o)
			job.mu.Unlock()
		}
	}
	s.imports.mu.Lock()
	if s.imports.jobs == nil {
		s.imports.jobs = map[int64]*importJob{}
	}
	s.imports.jobs[imp.ID] = job
	if dry {
		u.LastDry = imp.ID
	}
	s.imports.mu.Unlock()
	go s.runImport(im, imp, u, opt, job)
	return started, nil
}

func (s *Server) runImport(im *importer.Importer, imp *importer.Import, u *upload, opt importer.Options, job *importJob) {
	s.imports.run.Lock()
	defer s.imports.run.Unlock()
	ctx := context.Background()
	f, err := os.Open(u.Path)
	if err == nil {
		err = im.Run(ctx, imp, importer.Input{Name: u.Name, R: f, Size: u.Size}, opt)
		f.Close()
	} else {
		imp.Status, imp.Message = importer.StatusFailed, "Berkas unggahan sudah tidak ada; unggah ulang"
		_ = s.Store.SaveImport(ctx, imp)
	}
	if err != nil && imp.Status == importer.StatusFailed && strings.HasPrefix(imp.Message, "Impor gagal karena") {
		s.Logger.Error("import failed", "import", imp.ID, "error", err.Error())
	}
	if !opt.DryRun && imp.Status == importer.StatusDone {
		s.imports.mu.Lock()
		delete(s.imports.uploads, u.Token)
		s.imports.mu.Unlock()
		os.Remove(u.Path)
	}
	job.mu.Lock()
	job.done, job.imp = true, *imp
	job.imp.Report = nil
	job.mu.Unlock()
}

// importView is an import as the API and pages show it.
type importView struct {
	importer.Import
	Progress  progressView          `json:"progress"`
	Live      bool                  `json:"-"`
	Rejected  []importer.RowOutcome `json:"-"`
	ReportURL string                `json:"report_url,omitempty"`
}

type progressView struct {
	Rows    int   `json:"rows"`
	Done    int64 `json:"done"`
	Total   int64 `json:"total"`
	Percent int   `json:"percent"`
}

// importState returns an import the actor may see: admins every import,
// operators their own. The live progress comes from this process's job.
func (s *Server) importState(ctx context.Context, a auth.Actor, id int64) (*importView, error) {
	if !a.IsOfficer() {
		return nil, apperr.New(apperr.Forbidden, "Hanya admin dan operator yang boleh melihat impor")
	}
	imp, err := s.Store.GetImport(ctx, id)
	if err != nil {
		return nil, err
	}
	if a.Role != auth.Admin && imp.UserID != a.UserID {
		return nil, apperr.New(apperr.NotFound, "Impor tidak ditemukan")
	}
	v := &importView{Import: *imp}
	if job := s.imports.job(id); job != nil {
		job.mu.Lock()
		p := job.progress
		v.Live = !job.done
		v.Rejected = append([]importer.RowOutcome(nil), job.rejected...)
		job.mu.Unlock()
		v.Progress = progressView{Rows: p.Rows, Done: p.Done, Total: p.Total}
		if p.Total > 0 {
			v.Progress.Percent = int(min(100, p.Done*100/p.Total))
		}
	}
	if v.Status != importer.StatusRunning {
		v.Progress.Percent = 100
		v.Progress.Rows = v.Summary.Total
	}
	if v.Summary.Rejected > 0 && v.Status != importer.StatusRunning && v.Status != importer.StatusFailed {
		v.ReportURL = fmt.Sprintf("/api/v1/imports/%d/report", id)
	}
	return v, nil
}
