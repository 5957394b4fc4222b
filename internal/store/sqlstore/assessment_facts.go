package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"time"

	"naikkelas/internal/assessment"
	"naikkelas/internal/registry"
)

// EachFacts implements assessment.Store. It reads three streams ordered by
// business id (the businesses in scope, all measurements, all assessments)
// and merges them, so the cost is three index scans and no per-business
// query. Measurements and assessments are decoded by their own goroutines,
// in batches, while this one merges and calls fn: on two cores the
// statistics take little more than the longest stream.
func (db *DB) EachFacts(ctx context.Context, fq assessment.FactsQuery, fn func(*assessment.BusinessFacts) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	q := db.Reader()
	w, err := BusinessWhere(ctx, q, registry.Filter{District: fq.District, Scope: fq.Scope})
	if err != nil {
		return err
	}
	maxYear := 9999
	if t, err := time.Parse(time.DateOnly, fq.To); err == nil {
		maxYear = t.Year()
	}
	// With a district or an operator's area, only the businesses in it cross the driver.
	inScope, scopeArgs := "", []any{}
	if len(w.Conds) > 1 {
		inScope, scopeArgs = " AND business_id IN (SELECT b.id FROM businesses b WHERE "+w.SQL()+")", w.Args
	}
	conns, err := db.readConns(ctx, 3)
	if err != nil {
		return fmt.Errorf("facts connections: %w", err)
	}
	defer func() {
		for _, c := range conns {
			_ = c.Close()
		}
	}()
	qm, qa, qb := &Runner{Conn: conns[0], Dialect: db.Dialect}, &Runner{Conn: conns[1], Dialect: db.Dialect}, &Runner{Conn: conns[2], Dialect: db.Dialect}
	ms, err := qm.Query(ctx, factsMeasurementsSQL(q.Dialect.Engine(), inScope), append([]any{maxYear}, scopeArgs...)...)
	if err != nil {
		return fmt.Errorf("facts measurements: %w", err)
	}
	mStream := newFactStream(ctx, ms, scanSizePoint)
	as, err := qa.Query(ctx, `SELECT business_id, assessed_on, level, source FROM assessments
		WHERE assessed_on <= ?`+inScope+` ORDER BY business_id, assessed_on, id`, append([]any{maxDate(fq.To)}, scopeArgs...)...)
	if err != nil {
		return fmt.Errorf("facts assessments: %w", err)
	}
	aStream := newFactStream(ctx, as, scanLevelPoint)
	biz, err := qb.Query(ctx, `SELECT b.id, b.district_code, b.sector FROM businesses b WHERE `+w.SQL()+` ORDER BY b.id`, w.Args...)
	if err != nil {
		return fmt.Errorf("facts businesses: %w", err)
	}
	defer biz.Close()
	var f assessment.BusinessFacts
	for biz.Next() {
		f = assessment.BusinessFacts{Sizes: f.Sizes[:0], Levels: f.Levels[:0]}
		if err := biz.Scan(&f.BusinessID, &f.District, &f.Sector); err != nil {
			return err
		}
		if f.Sizes, err = mStream.collect(f.BusinessID, f.Sizes); err != nil {
			return err
		}
		if f.Levels, err = aStream.collect(f.BusinessID, f.Levels); err != nil {
			return err
		}
		if err := fn(&f); err != nil {
			return err
		}
	}
	return biz.Err()
}

func maxDate(to string) string {
	if to == "" {
		return "9999-12-31"
	}
	return to
}

type factRow struct {
	id int64
	pt assessment.Point
}

type factBatch struct {
	rows []factRow
	err  error
}

// factStream is a cursor over evidence rows ordered by business id, decoded
// by a goroutine that sends batches; cancelling ctx stops it.
type factStream struct {
	ch    <-chan factBatch
	batch []factRow
	i     int
	done  bool
}

func newFactStream(ctx context.Context, rows *sql.Rows, scan func(*sql.Rows) (int64, assessment.Point, error)) *factStream {
	ch := make(chan factBatch, 4)
	go func() {
		defer close(ch)
		defer rows.Close()
		send := func(b factBatch) bool {
			select {
			case ch <- b:
				return true
			case <-ctx.Done():
				return false
			}
		}
		batch := make([]factRow, 0, 2048)
		for rows.Next() {
			id, pt, err := scan(rows)
			if err != nil {
				send(factBatch{err: err})
				return
			}
			batch = append(batch, factRow{id, pt})
			if len(batch) == cap(batch) {
				if !send(factBatch{rows: batch}) {
					return
				}
				batch = make([]factRow, 0, 2048)
			}
		}
		if err := rows.Err(); err != nil {
			send(factBatch{err: err})
			return
		}
		send(factBatch{rows: batch})
	}()
	return &factStream{ch: ch}
}

// collect appends the points of business id, skipping rows of businesses
// before it (out of scope) and stopping at the first row after it.
func (s *factStream) collect(id int64, dst []assessment.Point) ([]assessment.Point, error) {
	for !s.done {
		if s.i == len(s.batch) {
			b, ok := <-s.ch
			if !ok {
				s.done = true
				break
			}
			if b.err != nil {
				return dst, b.err
			}
			s.batch, s.i = b.rows, 0
			continue
		}
		r := s.batch[s.i]
		if r.id > id {
			break
		}
		if r.id == id {
			dst = append(dst, r.pt)
		}
		s.i++
	}
	return dst, nil
}

// factsMeasurementsSQL reads measurements as compact evidence: two integers
// and, only for a figure recorded within its own year, the timestamp (every
// string costs an allocation per row, and there are three rows per business).
// year·16 + rank·2 + verified packs the year, the class (the one
// registry.Classify stored with the row; for a row stored without it, the
// same PP 7/2021 bounds here, checked against Classify by the store suite)
// and the source. Rows of one year come in the order they were recorded;
// ix_measurements_evidence covers the query. Rows recorded at the same
// instant (a merge of two businesses of one batch) come in the order of
// that index, then id, spelt the same on both engines (tiedMeasurements),
// so that the order never depends on where a row happens to lie.
func factsMeasurementsSQL(engine, inScope string) string {
	created := "CASE WHEN created_at >= CAST(year + 1 AS TEXT) THEN NULL ELSE created_at END"
	ties := "size_class, source, annual_revenue, capital, id"
	if engine == "postgres" {
		created = `CASE WHEN EXTRACT(YEAR FROM created_at) > year THEN NULL
			ELSE to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END`
		ties = `size_class COLLATE "C", source COLLATE "C", annual_revenue NULLS FIRST, capital NULLS FIRST, id`
	}
	return `SELECT business_id, year * 16 + 2 * (CASE size_class WHEN 'mikro' THEN 1 WHEN 'kecil' THEN 2
			WHEN 'menengah' THEN 3 WHEN 'besar' THEN 4 WHEN '' THEN (CASE
				WHEN annual_revenue > 0 THEN (CASE WHEN annual_revenue <= 2000000000 THEN 1
					WHEN annual_revenue <= 15000000000 THEN 2 WHEN annual_revenue <= 50000000000 THEN 3 ELSE 4 END)
				WHEN capital > 0 THEN (CASE WHEN capital <= 1000000000 THEN 1 WHEN capital <= 5000000000 THEN 2
					WHEN capital <= 10000000000 THEN 3 ELSE 4 END)
				ELSE 0 END) ELSE 0 END) + (CASE WHEN source = 'officer_verified' THEN 1 ELSE 0 END),
		` + created + ` FROM measurements WHERE year <= ?` + inScope + ` ORDER BY business_id, year, created_at, ` + ties
}

// scanSizePoint reads one row of factsMeasurementsSQL as evidence, dated
// as assessment.MeasurementDate says.
func scanSizePoint(r *sql.Rows) (int64, assessment.Point, error) {
	id, _, p, err := scanSizeYearPoint(r)
	return id, p, err
}

// scanSizeYearPoint is scanSizePoint also returning the measurement's year.
func scanSizeYearPoint(r *sql.Rows) (int64, int, assessment.Point, error) {
	var id, packed int64
	var created sql.NullString
	if err := r.Scan(&id, &packed, &created); err != nil {
		return 0, 0, assessment.Point{}, err
	}
	year := int(packed / 16)
	p := assessment.Point{Rank: int(packed%16) / 2, Verified: packed%2 == 1, Date: yearEnd(year)}
	if created.Valid {
		p.Date = measurementDate(year, created.String)
	}
	return id, year, p, nil
}

var yearEnds sync.Map // int → "YYYY-12-31"

func measurementDate(year int, created string) string {
	var t time.Time
	if err := ScanTime(&t).Scan(created); err != nil || t.Year() > year {
		return yearEnd(year)
	}
	return assessment.MeasurementDate(year, t)
}

func yearEnd(year int) string {
	if s, ok := yearEnds.Load(year); ok {
		return s.(string)
	}
	s := fmt.Sprintf("%04d-12-31", year)
	yearEnds.Store(year, s)
	return s
}

func scanLevelPoint(r *sql.Rows) (int64, assessment.Point, error) {
	var id int64
	var p assessment.Point
	var source string
	if err := r.Scan(&id, &p.Date, &p.Rank, &source); err != nil {
		return 0, p, err
	}
	p.Verified = source != assessment.SourceSelf
	return id, p, nil
}
