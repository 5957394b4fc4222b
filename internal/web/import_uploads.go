package web

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/importer"
)

// An uploaded file holds personal data (NIK, phone numbers), so it lives on
// disk only while it is needed: from the upload through the preview to the
// end of its import. A failed, cancelled or committed import deletes it at
// once, and so does a dry run through the API; a dry run on the page keeps
// it for the "import now" that follows, and an upload nobody touches for
// uploadIdle is deleted. Uploads a stopped process left behind are deleted
// when the next one starts (sweepUploads).

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
	Header  importer.HeaderChoice // the header rows the officer chose; zero = found by the importer
	Created time.Time
	LastDry int64 // id of the last dry run, shown before commit
	// LinkLikely links rows likely a stored business to it instead of
	// inserting them for the duplicate review (the officer's choice).
	LinkLikely bool

	jobs  int         // imports using the file now
	timer *time.Timer // deletes the file when it has waited uploadIdle
}

// uploadIdle is how long an upload waits for its next step (preview, dry
// run, import) before it is deleted.
const uploadIdle = 30 * time.Minute

// uploadPattern names upload files, so that a sweep deletes nothing else.
const uploadPattern = "naikkelas-impor-*"

func (j *importJobs) upload(token string, a auth.Actor) (*upload, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	u := j.uploads[token]
	if u == nil || u.UserID != a.UserID {
		return nil, apperr.New(apperr.NotFound, "Berkas unggahan tidak ditemukan atau sudah kedaluwarsa; unggah ulang")
	}
	j.wait(u)
	return u, nil
}

// wait (re)starts the upload's idle timer; j.mu is held.
func (j *importJobs) wait(u *upload) {
	if u.timer != nil {
		u.timer.Stop()
	}
	u.timer = time.AfterFunc(j.idle, func() {
		j.mu.Lock()
		defer j.mu.Unlock()
		if u.jobs == 0 && j.uploads[u.Token] == u {
			j.remove(u)
		}
	})
}

// use marks the upload as read by one more import; j.mu is held.
func (j *importJobs) use(u *upload) {
	u.jobs++
	if u.timer != nil {
		u.timer.Stop()
	}
}

// release ends one import's use of the upload: keep waits for the next
// step, otherwise the file goes once no import reads it.
func (j *importJobs) release(u *upload, keep bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	u.jobs--
	switch {
	case keep && j.uploads[u.Token] == u:
		if u.jobs == 0 {
			j.wait(u)
		}
	case u.jobs == 0:
		j.remove(u)
	default:
		delete(j.uploads, u.Token) // the last import reading it removes the file
	}
}

// drop deletes an upload that will not be used (a failed request).
func (j *importJobs) drop(u *upload) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if u.jobs == 0 {
		j.remove(u)
	}
}

// remove deletes the file and forgets the upload; j.mu is held.
func (j *importJobs) remove(u *upload) {
	if u.timer != nil {
		u.timer.Stop()
	}
	delete(j.uploads, u.Token)
	os.Remove(u.Path)
}

// sweepUploads deletes the uploads a stopped process left in dir, and
// returns how many.
func sweepUploads(dir string) (int, error) {
	files, err := filepath.Glob(filepath.Join(dir, uploadPattern))
	if err != nil {
		return 0, err
	}
	n := 0
	for _, f := range files {
		if err := os.Remove(f); err == nil {
			n++
		}
	}
	return n, nil
}

var (
	errNotMultipart = apperr.Validation(map[string]string{"file": "Kirim berkas sebagai multipart/form-data dengan bagian \"file\""})
	errNoUploadFile = apperr.Validation(map[string]string{"file": "Berkas wajib diunggah (bagian \"file\")"})
)

// receiveUpload takes an officer's upload form (the page's, with named
// text fields, or the API's): the stored file and the text fields. A body
// that is not multipart is errNotMultipart; one without a file, or with an
// empty one, errNoUploadFile.
func (s *Server) receiveUpload(r *http.Request, a auth.Actor, named bool) (*upload, map[string]string, error) {
	if !a.IsOfficer() {
		return nil, nil, errCannotImport
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, nil, errNotMultipart
	}
	u, fields, err := s.readUploadForm(a, mr, named)
	if err != nil {
		return nil, nil, err
	}
	if u == nil || u.Size == 0 {
		if u != nil {
			s.imports.drop(u)
		}
		return nil, nil, errNoUploadFile
	}
	return u, fields, nil
}

// readUploadForm reads a multipart import form: the first "file" part is
// saved with saveUpload (with named, only a part carrying a file name, as a
// browser sends an empty file input too) and every other part becomes a
// trimmed field of at most 1000 bytes. u is nil when no file was sent.
func (s *Server) readUploadForm(a auth.Actor, mr *multipart.Reader, named bool) (u *upload, fields map[string]string, err error) {
	fields = map[string]string{}
	defer func() {
		if err != nil && u != nil {
			s.imports.drop(u)
		}
	}()
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return u, fields, nil
		}
		if err != nil {
			return u, nil, s.uploadError(err)
		}
		if !cleanText(part.FormName()) || !cleanText(part.FileName()) {
			return u, nil, badText(map[string]string{fieldName(part.FormName()): badTextMessage})
		}
		if part.FormName() == "file" && (!named || part.FileName() != "") && u == nil {
			if u, err = s.saveUpload(a, part); err != nil {
				return nil, nil, err
			}
			continue
		}
		val, err := io.ReadAll(io.LimitReader(part, 1000))
		if err != nil {
			return u, nil, s.uploadError(err)
		}
		if !cleanText(string(val)) {
			return u, nil, badText(map[string]string{part.FormName(): badTextMessage})
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
	f, err := os.CreateTemp(s.imports.dir, uploadPattern+filepath.Ext(part.FileName()))
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
	s.imports.uploads[token] = u
	s.imports.wait(u)
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
