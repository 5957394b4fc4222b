package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/region"
)

// Importer runs imports against a Store.
type Importer struct {
	Store        Store
	Regions      *region.Directory
	Jurisdiction string           // the instance's area; "" = all Indonesia
	Now          func() time.Time // injectable clock

	matcherOnce sync.Once
	matcher     *RegionMatcher
}

// New returns an Importer for the instance's jurisdiction.
func New(st Store, jurisdiction string) *Importer {
	return &Importer{Store: st, Regions: region.All(), Jurisdiction: jurisdiction, Now: time.Now}
}

// Input is an uploaded file.
type Input struct {
	Name string
	R    io.ReaderAt
	Size int64
}

// Progress is how far a running import has come.
type Progress struct {
	Rows  int   `json:"rows"`  // data rows processed
	Done  int64 `json:"done"`  // units read (bytes for CSV, rows for XLSX)
	Total int64 `json:"total"` // 0 when unknown
}

// RowOutcome is what happened to one row.
type RowOutcome struct {
	Row        int      `json:"row"`
	Sheet      string   // XLSX sheet; "" = as openParts decides, AllSheets = every one   `json:"sheet,omitempty"` // the workbook's sheet, when it has several
	Outcome    string   `json:"outcome"`
	Kind       string   `json:"kind,omitempty"` // a skipped row's kind (SkipBlank, …)
	BusinessID int64    `json:"business_id,omitempty"`
	Name       string   `json:"name"`
	Duplicate  bool     `json:"duplicate,omitempty"`
	Likely     *Likely  `json:"likely,omitempty"` // a likely stored twin: inserted beside it for review, or linked to it
	Changed    []string `json:"changed,omitempty"`
	Reasons    []string `json:"reasons,omitempty"`
	Warnings   []string `json:"warnings,omitempty"`
}

// Options configure one import.
type Options struct {
	Source string // name of the data source; defaults to the file name
	Sheet  string // XLSX sheet; "" = as openParts decides, AllSheets = every one
	DryRun bool
	// LinkLikely treats a row without an exact match as the stored business
	// it likely is (an update), instead of inserting it beside it for the
	// duplicate review.
	LinkLikely bool
	Mapping    map[int]Field // column index → field, overriding the header
	Header     HeaderChoice  // where the header is, when the officer corrected it
	Actor      auth.Actor
	Limits     Limits
	OnProgress func(Progress)
	OnRow      func(RowOutcome)
}

// chunkSize is how many rows are read, matched and planned together.
const chunkSize = 1000

// BatchSizer is implemented by a store that writes faster in batches of
// more than one chunk's changes; the writer then merges planned chunks
// into one Apply. On PostgreSQL each batch costs an id reservation and
// four COPYs, so larger batches write faster, up to a point. Reading and
// planning stay in chunks of chunkSize, so that fewer rows wait in memory
// between the goroutines. SQLite writes each chunk: larger chunks made its
// rows and search index slower. The measurements are in bench/README.md.
type BatchSizer interface{ ImportBatchSize() int }

func (im *Importer) batchSize() int {
	if bs, ok := im.Store.(BatchSizer); ok && bs.ImportBatchSize() > chunkSize {
		return bs.ImportBatchSize()
	}
	return chunkSize
}

func (im *Importer) regionMatcher() *RegionMatcher {
	im.matcherOnce.Do(func() { im.matcher = NewRegionMatcher(im.Regions, im.Jurisdiction) })
	return im.matcher
}

// Begin checks the actor and records a starting import.
func (im *Importer) Begin(ctx context.Context, fileName string, opt Options) (*Import, error) {
	if !opt.Actor.IsOfficer() {
		return nil, apperr.New(apperr.Forbidden, "Hanya admin dan operator yang boleh mengimpor data")
	}
	src := opt.Source
	if src == "" {
		src = fileName
	}
	imp := &Import{Source: src, FileName: fileName, UserID: opt.Actor.UserID, Username: opt.Actor.Username,
		DryRun: opt.DryRun, Status: StatusRunning}
	if err := im.Store.CreateImport(ctx, imp); err != nil {
		return nil, err
	}
	return imp, nil
}

// Run reads the file and applies it in one transaction (rolled back for a
// dry run). It fills imp's summary, unknown columns and report, and saves
// imp. A file that cannot be read at all is a FormatError or one of the
// Err* values; imp is then saved as failed. When ctx is cancelled, or its
// deadline passes, the import stops wherever it is, writes nothing, and is
// saved as failed with a message that says so.
func (im *Importer) Run(ctx context.Context, imp *Import, in Input, opt Options) error {
	err := im.run(ctx, imp, in, opt)
	imp.FinishedAt = im.Now().UTC()
	if cerr := ctx.Err(); err != nil && cerr != nil {
		err = cerr // whatever the store made of the interruption
	}
	if err != nil {
		imp.Status, imp.Message = StatusFailed, Message(err)
		if serr := im.Store.SaveImport(context.WithoutCancel(ctx), imp); serr != nil {
			return errors.Join(err, serr)
		}
		return err
	}
	if opt.DryRun {
		return im.Store.SaveImport(ctx, imp)
	}
	return nil
}

func (im *Importer) run(ctx context.Context, imp *Import, in Input, opt Options) error {
	ps, sheets, err := im.openParts(ctx, in, opt)
	if err != nil {
		return err
	}
	defer ps.Close()
	imp.Summary.Sheets = sheets
	for _, p := range ps {
		for _, c := range p.h.Unknown() {
			imp.UnknownColumns = append(imp.UnknownColumns, columnNote(p, c, len(ps) > 1))
		}
	}
	r := &runner{im: im, imp: imp, opt: opt, parts: ps, batch: im.batchSize(),
		plan: &planner{importID: imp.ID, source: imp.Source, actor: opt.Actor, dir: im.Regions, jurisdiction: im.Jurisdiction, now: im.Now},
		seen: map[matchKey]int{}, existing: map[matchKey]int64{}, claimed: map[int64]int{}, matchers: likelyMatchers{}}
	r.start(0)
	r.report.bySheet = len(ps) > 1
	for _, p := range ps {
		r.ledgers = r.ledgers || p.h.has(FYear)
	}
	imp.Status = StatusDone
	if opt.DryRun {
		imp.Status = StatusDryRun
	}
	err = im.Store.RunImport(ctx, imp, !opt.DryRun, func(tx Tx) error {
		if err := r.loadKeys(ctx, tx); err != nil {
			return err
		}
		err := r.readAll(ctx, tx)
		// The matching keys (tens of megabytes for a million rows) are not
		// needed once the rows are written; the store may still spend
		// minutes indexing them, so let the collector have them now.
		r.seen, r.existing, r.claimed = nil, nil, nil
		if err != nil {
			return err
		}
		if imp.Summary.Total == imp.Summary.Skipped {
			return ErrHeaderOnly
		}
		imp.Report, err = r.report.finish()
		return err
	})
	if err != nil {
		imp.Status = StatusRunning
	}
	return err
}

// columnNote names an unknown or hidden column for the summary.
func columnNote(p *part, c Column, sheets bool) string {
	where := c.Letter
	if c.Hidden {
		where += ", tersembunyi"
	}
	if sheets {
		where = fmt.Sprintf("lembar %s, %s", p.sheet, where)
	}
	return fmt.Sprintf("%s (%s)", c.Header, where)
}

// Message is the Indonesian text shown for an import or preview that could
// not run. Internal errors get a general text; they are for the log.
func Message(err error) string {
	var fe *FormatError
	switch {
	case errors.As(err, &fe):
		return fe.Msg
	case errors.Is(err, ErrNoData), errors.Is(err, ErrNoColumns), errors.Is(err, ErrHeaderOnly):
		return err.Error()
	case errors.Is(err, context.Canceled):
		return "Impor dibatalkan; tidak ada data yang diubah"
	case errors.Is(err, context.DeadlineExceeded):
		return "Impor dihentikan karena melewati batas waktu; tidak ada data yang diubah. " +
			"Bagi berkas menjadi beberapa bagian, atau impor lewat baris perintah."
	}
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return apperr.MessageOf(err)
	}
	if msg := err.Error(); len(msg) > 0 && isIndonesianReason(err) {
		return msg
	}
	return "Impor gagal karena kesalahan sistem; tidak ada data yang diubah"
}

// isIndonesianReason reports whether err is one of this package's own
// messages (header problems), safe to show.
func isIndonesianReason(err error) bool {
	var he headerError
	return errors.As(err, &he)
}

type headerError struct{ msg string }

func (e headerError) Error() string { return e.msg }
