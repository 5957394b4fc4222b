package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
)

// runner holds one import's state while its rows stream through.
type runner struct {
	im       *Importer
	batch    int // changes per Apply (BatchSizer)
	imp      *Import
	opt      Options
	parts    parts
	cur      int   // the part being read
	doneSize int64 // progress units of the parts already read
	ledgers  bool  // some part has a year column: load the stored ledgers
	plan     *planner
	pending  [][]string         // rows read while looking for the header
	row      int                // number of the last row read
	blanks   []int              // blank rows not yet reported: only those before a later row are
	group    placeDefaults      // the region set by the last group row
	seen     map[matchKey]int   // keys of accepted rows → their row number
	existing map[matchKey]int64 // keys of stored businesses → id
	claimed  map[int64]int      // stored businesses matched by a row → that row's number
	matchers likelyMatchers     // per kecamatan, for rows without an exact match
	// identifiers: the kecamatans of the stored NIKs and phones, read when
	// the first row without a likely match in its own kecamatan needs them
	identifiers *identifierIndex
	report      reportWriter
}

// loadKeys indexes the stored businesses by their matching keys.
func (r *runner) loadKeys(ctx context.Context, tx Tx) error {
	return tx.EachKey(ctx, func(k ExistingKey) error {
		for _, mk := range keys(k.NIB, k.NIK, k.Name, k.Owner, k.VillageCode) {
			if _, dup := r.existing[mk]; !dup {
				r.existing[mk] = k.ID
			}
		}
		return nil
	})
}

// chunkIn is one chunk of interpreted rows and how far reading had come.
type chunkIn struct {
	rows        []*Candidate
	done, total int64
	err         error
}

// chunkPlanned is one chunk matched and planned, ready to write.
type chunkPlanned struct {
	ms          []matched
	changes     []Change
	where       []int // index in ms of each change
	done, total int64
	err         error
}

// readAll streams the rows through three goroutines, so that the cores of
// an office PC all work: one parses and interprets rows (pure work), one
// matches and plans them, and this one writes each planned chunk and
// records its outcomes, in file order. The planner reads stored
// businesses through the same transaction the writer writes with; txMu
// keeps the two from using it at once (PostgreSQL's connection cannot
// interleave them). Planning a chunk never depends on the chunks before it
// being written: a stored business is matched by at most one row (a second
// is a duplicate), and rows never match businesses this import inserts.
func (r *runner) readAll(ctx context.Context, tx Tx) error {
	chunks := make(chan chunkIn, 2)
	planned := make(chan chunkPlanned, 2)
	stop := make(chan struct{})
	var txMu sync.Mutex
	var wg sync.WaitGroup
	defer func() { close(stop); wg.Wait() }() // no goroutine outlives the transaction
	wg.Add(2)
	go func() { defer wg.Done(); r.produce(chunks, stop) }()
	go func() { defer wg.Done(); r.planAll(ctx, tx, &txMu, chunks, planned, stop) }()
	// The writer merges planned chunks until it has batch changes, then
	// writes them with one Apply (see BatchSizer).
	var pending []chunkPlanned
	var changes []Change
	flush := func() error {
		if len(changes) > 0 {
			txMu.Lock()
			err := tx.Apply(ctx, r.imp.ID, changes)
			txMu.Unlock()
			if err != nil {
				return err
			}
		}
		for _, pc := range pending {
			for j, ch := range pc.changes {
				pc.ms[pc.where[j]].out.BusinessID = ch.Business.ID
			}
			if err := r.record(pc.ms); err != nil {
				return err
			}
			if r.opt.OnProgress != nil {
				r.opt.OnProgress(Progress{Rows: r.imp.Summary.Total, Done: pc.done, Total: pc.total})
			}
		}
		pending, changes = pending[:0], changes[:0]
		return nil
	}
	for pc := range planned {
		if pc.err != nil {
			return pc.err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		pending, changes = append(pending, pc), append(changes, pc.changes...)
		if len(changes) >= r.batch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// produce reads and interprets rows into chunks until the file ends, an
// error occurs (sent as the last chunk), or stop is closed.
func (r *runner) produce(out chan<- chunkIn, stop <-chan struct{}) {
	defer close(out)
	send := func(c chunkIn) bool {
		select {
		case out <- c:
			return true
		case <-stop:
			return false
		}
	}
	chunk := make([]*Candidate, 0, chunkSize)
	for {
		cs, err := r.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			send(chunkIn{err: err})
			return
		}
		chunk = append(chunk, cs...)
		if len(chunk) >= chunkSize {
			done, total := r.progress()
			if !send(chunkIn{rows: chunk, done: done, total: total}) {
				return
			}
			chunk = make([]*Candidate, 0, chunkSize)
		}
	}
	done, total := r.progress()
	send(chunkIn{rows: chunk, done: done, total: total})
}

// planAll matches and plans each chunk from in, until in ends, an error
// occurs (sent as the last chunk), or stop is closed.
func (r *runner) planAll(ctx context.Context, tx Tx, txMu *sync.Mutex, in <-chan chunkIn, out chan<- chunkPlanned,
	stop <-chan struct{}) {
	defer close(out)
	for c := range in {
		var pc chunkPlanned
		if c.err != nil {
			pc.err = c.err
		} else {
			pc = r.planChunk(ctx, tx, txMu, c.rows)
			pc.done, pc.total = c.done, c.total
		}
		select {
		case out <- pc:
		case <-stop:
			return
		}
		if pc.err != nil {
			return
		}
	}
}

type matched struct {
	c      *Candidate
	id     int64   // 0 = new
	likely *Likely // the stored business the row likely is, in full (out.Likely: as the officer may see it)
	out    RowOutcome
}

// planChunk matches one chunk of interpreted rows and plans their changes.
func (r *runner) planChunk(ctx context.Context, tx Tx, txMu *sync.Mutex, chunk []*Candidate) chunkPlanned {
	if err := ctx.Err(); err != nil {
		return chunkPlanned{err: err}
	}
	ms := make([]matched, len(chunk))
	var ids []int64
	for i, c := range chunk {
		m := &ms[i]
		m.c = c
		m.out = RowOutcome{Row: c.Row, Name: c.Business.Name, Warnings: c.Warnings}
		if len(r.parts) > 1 {
			m.out.Sheet = c.part.sheet
		}
		if c.Skip != "" {
			m.out.Outcome, m.out.Kind, m.out.Name = Skipped, c.Skip, c.Label
			continue
		}
		if len(c.Reasons) > 0 {
			m.out.Outcome, m.out.Reasons = Rejected, c.Reasons
			continue
		}
		ks := candidateKeys(c)
		if first, dup := r.firstSeen(ks); dup {
			m.out.Outcome, m.out.Duplicate = Rejected, true
			m.out.Reasons = []string{fmt.Sprintf("Duplikat dalam berkas: usaha yang sama sudah ada di baris %d", first)}
			continue
		}
		for _, k := range ks {
			r.seen[k] = c.Row
		}
		m.id = r.match(c, ks)
		if m.id == 0 {
			var err error
			if m.likely, err = r.likely(ctx, tx, txMu, c); err != nil {
				return chunkPlanned{err: err}
			}
			m.out.Likely = m.likely.shownTo(r.opt.Actor)
			if m.likely != nil && r.opt.LinkLikely && !m.out.Likely.OutsideArea {
				m.id = m.likely.BusinessID
			}
		}
		if m.id != 0 {
			ids = append(ids, m.id)
		}
	}
	var olds map[int64]*Existing
	if len(ids) > 0 {
		var err error
		txMu.Lock()
		olds, err = tx.Load(ctx, ids, r.ledgers)
		txMu.Unlock()
		if err != nil {
			return chunkPlanned{err: err}
		}
	}
	pc := chunkPlanned{ms: ms, changes: make([]Change, 0, len(chunk)), where: make([]int, 0, len(chunk))}
	for i := range ms {
		m := &ms[i]
		if m.out.Outcome != "" { // rejected or skipped already
			continue
		}
		var old *Existing
		if m.id != 0 {
			if old = olds[m.id]; old == nil {
				return chunkPlanned{err: fmt.Errorf("importer: business %d vanished during the import", m.id)}
			}
			if m.c.Business.NIB != "" && old.Business.NIB != "" && old.Business.NIB != m.c.Business.NIB {
				old = nil // matched by NIK and name, but a different NIB: another business
			}
		}
		if old != nil {
			// Two rows with different keys can still both lead to one stored
			// business (one by its NIB, one by its NIK and old name): the
			// same business twice in one file.
			if first, dup := r.claimed[old.Business.ID]; dup {
				m.out.Outcome, m.out.Duplicate = Rejected, true
				m.out.Reasons = []string{fmt.Sprintf("Duplikat dalam berkas: baris %d sudah cocok dengan usaha yang sama", first)}
				continue
			}
			r.claimed[old.Business.ID] = m.c.Row
		}
		ch, reasons := r.plan.plan(m.c, old)
		if len(reasons) > 0 {
			m.out.Outcome, m.out.Reasons = Rejected, reasons
			continue
		}
		m.out.Outcome = ch.Action
		if l := m.out.Likely; l != nil {
			if ch.Action == Inserted {
				ch.Review = m.likely
				m.out.Warnings = append(m.out.Warnings, l.Text()+"; ditambahkan dan masuk tinjauan duplikat")
			} else {
				m.out.Warnings = append(m.out.Warnings, l.Text()+"; ditautkan ke usaha itu")
			}
		}
		if ch.Action == Updated {
			m.out.Changed = changedFields(ch)
		}
		pc.changes = append(pc.changes, *ch)
		pc.where = append(pc.where, i)
	}
	return pc
}

// firstSeen reports whether a key of this row belongs to an earlier row.
func (r *runner) firstSeen(ks []matchKey) (int, bool) {
	for _, k := range ks {
		if row, ok := r.seen[k]; ok {
			return row, true
		}
	}
	return 0, false
}

// match returns the id of the stored business this row is, or 0.
func (r *runner) match(c *Candidate, ks []matchKey) int64 {
	for _, k := range ks {
		if id, ok := r.existing[k]; ok {
			return id
		}
	}
	return 0
}

// record counts outcomes, reports rejected rows and progress.
func (r *runner) record(ms []matched) error {
	s := &r.imp.Summary
	for i := range ms {
		o := ms[i].out
		s.Total++
		if o.Likely != nil && o.Outcome != Rejected {
			s.Likely++
		}
		if p := ms[i].c.part; p != nil && p.index >= 0 {
			s.Sheets[p.index].Rows++
		}
		switch o.Outcome {
		case Skipped:
			s.Skipped++
			s.SkippedKinds.add(o.Kind)
		case Inserted:
			s.Inserted++
		case Updated:
			s.Updated++
		case Unchanged:
			s.Unchanged++
		case Rejected:
			s.Rejected++
			if o.Duplicate {
				s.DuplicatesInFile++
			}
			if err := r.report.add(ms[i].c.part, o.Row, ms[i].c.Cells, o.Reasons); err != nil {
				return err
			}
		}
		if r.opt.OnRow != nil {
			r.opt.OnRow(o)
		}
	}
	return nil
}

func changedFields(ch *Change) []string {
	if ch.Audit == nil || len(ch.Audit.After) == 0 {
		return nil
	}
	return jsonKeys(ch.Audit.After)
}
