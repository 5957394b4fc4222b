package web

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/importer"
)

// importJobs tracks the imports this process runs in the background and
// the files uploaded for them (import_uploads.go). Imports run one at a
// time: on SQLite an import holds the only write connection.
type importJobs struct {
	mu      sync.Mutex
	jobs    map[int64]*importJob
	uploads map[string]*upload
	dir     string        // where uploads are kept; "" = the system's temporary folder
	idle    time.Duration // how long an upload waits for its next step
	slot    chan struct{} // holds one token while an import runs
}

func newImportJobs(dir string) importJobs {
	return importJobs{jobs: map[int64]*importJob{}, uploads: map[string]*upload{}, dir: dir, idle: uploadIdle,
		slot: make(chan struct{}, 1)}
}

// importJob is one running or finished import in this process.
type importJob struct {
	mu       sync.Mutex
	progress importer.Progress
	done     bool
	imp      importer.Import
	rejected []importer.RowOutcome // the first ones, for the result page
	likely   []importer.RowOutcome // the first rows likely a stored business, for the result page
	cancel   context.CancelFunc
	finished chan struct{} // closed when the import has ended
}

// maxRejectedShown caps the rejected rows a result page lists (the report has them all).
const maxRejectedShown = 200

func (j *importJobs) job(id int64) *importJob {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.jobs[id]
}

// importerFor returns an Importer bound to this server's store and clock.
func (s *Server) importerFor() *importer.Importer {
	im := importer.New(s.Store, s.Jurisdiction)
	im.Now = s.Now
	return im
}

var errCannotImport = apperr.New(apperr.Forbidden, "Hanya admin dan operator yang boleh mengimpor data")

// startImport records an import and runs it in the background, within
// s.ImportTimeout. It returns a copy of the import as it started (the
// running one belongs to its goroutine). forCommit keeps a dry run's upload
// for the "import now" that follows it on the page.
func (s *Server) startImport(ctx context.Context, a auth.Actor, u *upload, dry, forCommit bool) (importer.Import, error) {
	if !a.IsOfficer() {
		return importer.Import{}, errCannotImport
	}
	im := s.importerFor()
	opt := importer.Options{Source: u.Source, Sheet: u.Sheet, DryRun: dry, Mapping: u.Mapping, Header: u.Header, Actor: a,
		LinkLikely: u.LinkLikely}
	imp, err := im.Begin(ctx, u.Name, opt)
	if err != nil {
		return importer.Import{}, err
	}
	started := *imp
	runCtx, cancel := context.WithTimeout(context.Background(), s.ImportTimeout)
	job := &importJob{imp: *imp, cancel: cancel, finished: make(chan struct{})}
	opt.OnProgress = func(p importer.Progress) { job.mu.Lock(); job.progress = p; job.mu.Unlock() }
	opt.OnRow = func(o importer.RowOutcome) {
		if o.Outcome == importer.Rejected && len(job.rejected) < maxRejectedShown {
			job.mu.Lock()
			job.rejected = append(job.rejected, o)
			job.mu.Unlock()
		}
		if o.Outcome != importer.Rejected && o.Likely != nil && len(job.likely) < maxRejectedShown {
			job.mu.Lock()
			job.likely = append(job.likely, o)
			job.mu.Unlock()
		}
	}
	s.imports.mu.Lock()
	s.imports.jobs[imp.ID] = job
	if dry {
		u.LastDry = imp.ID
	}
	s.imports.use(u)
	s.imports.mu.Unlock()
	go s.runImport(runCtx, im, imp, u, opt, job, dry && forCommit)
	return started, nil
}

// runImport waits for the import slot, runs the import and lets its upload
// go: kept for the commit after a page's dry run, deleted otherwise.
func (s *Server) runImport(ctx context.Context, im *importer.Importer, imp *importer.Import, u *upload,
	opt importer.Options, job *importJob, keep bool) {
	defer job.cancel()
	select {
	case s.imports.slot <- struct{}{}:
		defer func() { <-s.imports.slot }()
	case <-ctx.Done(): // cancelled or out of time while waiting: Run records it
	}
	f, err := os.Open(u.Path)
	if err == nil {
		err = im.Run(ctx, imp, importer.Input{Name: u.Name, R: f, Size: u.Size}, opt)
		f.Close()
	} else {
		imp.Status, imp.Message = importer.StatusFailed, "Berkas unggahan sudah tidak ada; unggah ulang"
		_ = s.Store.SaveImport(context.WithoutCancel(ctx), imp)
	}
	if err != nil && imp.Status == importer.StatusFailed && strings.HasPrefix(imp.Message, "Impor gagal karena") {
		s.Logger.Error("import failed", "import", imp.ID, "error", err.Error())
	}
	s.imports.release(u, keep && imp.Status == importer.StatusDryRun)
	job.mu.Lock()
	job.done, job.imp = true, *imp
	job.imp.Report = nil
	job.mu.Unlock()
	close(job.finished)
}

// cancelImport stops a running import of this process and waits a little
// for it to end. It returns the import as it is then.
func (s *Server) cancelImport(ctx context.Context, a auth.Actor, id int64) (*importView, error) {
	v, err := s.importState(ctx, a, id)
	if err != nil {
		return nil, err
	}
	job := s.imports.job(id)
	switch {
	case v.Status != importer.StatusRunning:
		return nil, apperr.New(apperr.Conflict, "Impor ini sudah berakhir (%s); tidak ada yang dibatalkan", v.StatusLabel())
	case job == nil:
		return nil, apperr.New(apperr.Conflict, "Impor ini tidak berjalan di server ini (mungkin dari baris perintah, "+
			"atau terputus); tidak dapat dibatalkan dari sini")
	}
	job.cancel()
	select {
	case <-job.finished:
	case <-time.After(cancelWait):
	case <-ctx.Done():
	}
	return s.importState(ctx, a, id)
}

// cancelWait is how long a cancel request waits for the import to stop.
const cancelWait = 10 * time.Second

// importView is an import as the API and pages show it.
type importView struct {
	importer.Import
	Progress  progressView          `json:"progress"`
	Live      bool                  `json:"-"`
	Rejected  []importer.RowOutcome `json:"-"`
	Likely    []importer.RowOutcome `json:"-"`
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
		v.Likely = append([]importer.RowOutcome(nil), job.likely...)
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
	if v.Summary.Rejected > 0 && (v.Status == importer.StatusDone || v.Status == importer.StatusDryRun) {
		v.ReportURL = fmt.Sprintf("/api/v1/imports/%d/report", id)
	}
	return v, nil
}
