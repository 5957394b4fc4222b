package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
)

// runner holds one import's state while its rows stream through.
type runner struct {
	im       *Importer
	imp      *Import
	t        Table
	opt      Options
	interp   *Interpreter
	plan     *planner
	pending  [][]string         // rows read while looking for the header
	row      int                // number of the last row read
	seen     map[matchKey]int   // keys of accepted rows → their row number
	existing map[matchKey]int64 // keys of stored businesses → id
	report   reportWriter
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

// next returns the next data row, skipping blank ones.
func (r *runner) next() ([]string, error) {
	for {
		var cells []string
		if len(r.pending) > 0 {
			cells, r.pending = r.pending[0], r.pending[1:]
		} else {
			var err error
			if cells, err = r.t.Next(); err != nil {
				return nil, err
			}
		}
		r.row++
		if !blankRow(cells) {
			return cells, nil
		}
	}
}

// chunkIn is one chunk of interpreted rows and how far reading had come.
type chunkIn struct {
	rows        []*Candidate
	done, total int64
	err         error
}

// readAll streams the rows in chunks: a reader goroutine parses and
// interprets rows (pure work) while this one matches and writes the
// previous chunk, so the two cores of an office PC both work.
func (r *runner) readAll(ctx context.Context, tx Tx) error {
	r.report.header = r.interp.Header.Cells
	chunks := make(chan chunkIn, 2)
	stop := make(chan struct{})
	defer close(stop)
	go r.produce(chunks, stop)
	for ch := range chunks {
		if ch.err != nil {
			return ch.err
		}
		if err := r.flush(ctx, tx, ch.rows); err != nil {
			return err
		}
		if r.opt.OnProgress != nil {
			r.opt.OnProgress(Progress{Rows: r.imp.Summary.Total, Done: ch.done, Total: ch.total})
		}
	}
	return nil
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
		cells, err := r.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			send(chunkIn{err: err})
			return
		}
		chunk = append(chunk, r.interp.Interpret(r.row, cells))
		if len(chunk) == chunkSize {
			done, total := r.t.Progress()
			if !send(chunkIn{rows: chunk, done: done, total: total}) {
				return
			}
			chunk = make([]*Candidate, 0, chunkSize)
		}
	}
	done, total := r.t.Progress()
	send(chunkIn{rows: chunk, done: done, total: total})
}

type matched struct {
	c   *Candidate
	id  int64 // 0 = new
	out RowOutcome
}

// flush processes one chunk of interpreted rows.
func (r *runner) flush(ctx context.Context, tx Tx, chunk []*Candidate) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	ms := make([]matched, len(chunk))
	var ids []int64
	for i, c := range chunk {
		m := &ms[i]
		m.c = c
		m.out = RowOutcome{Row: c.Row, Name: c.Business.Name, Warnings: c.Warnings}
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
		if m.id != 0 {
			ids = append(ids, m.id)
		}
	}
	var olds map[int64]*Existing
	if len(ids) > 0 {
		var err error
		if olds, err = tx.Load(ctx, ids, r.interp.Header.has(FYear)); err != nil {
			return err
		}
	}
	changes := make([]Change, 0, len(chunk))
	where := make([]int, 0, len(chunk)) // index in ms of each change
	for i := range ms {
		m := &ms[i]
		if m.out.Outcome == Rejected {
			continue
		}
		var old *Existing
		if m.id != 0 {
			if old = olds[m.id]; old == nil {
				return fmt.Errorf("importer: business %d vanished during the import", m.id)
			}
			if m.c.Business.NIB != "" && old.Business.NIB != "" && old.Business.NIB != m.c.Business.NIB {
				old = nil // matched by NIK and name, but a different NIB: another business
			}
		}
		ch, reasons := r.plan.plan(m.c, old)
		if len(reasons) > 0 {
			m.out.Outcome, m.out.Reasons = Rejected, reasons
			continue
		}
		m.out.Outcome = ch.Action
		if ch.Action == Updated {
			m.out.Changed = changedFields(ch)
		}
		changes = append(changes, *ch)
		where = append(where, i)
	}
	if len(changes) > 0 {
		if err := tx.Apply(ctx, r.imp.ID, changes); err != nil {
			return err
		}
	}
	for j, ch := range changes {
		ms[where[j]].out.BusinessID = ch.Business.ID
	}
	return r.record(ms)
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
		switch o.Outcome {
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
			if err := r.report.add(o.Row, ms[i].c.Cells, o.Reasons); err != nil {
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
