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
	q := db.R()
	w, err := BusinessWhere(ctx, q, registry.Filter{District: fq.District, Scope: fq.Scope})
	if err != nil {
		return err
	}
	maxYear := 9999
	if t, err := time.Parse(time.DateOnly, fq.To); err == nil {
		maxYear = t.Year()
	}
	ms, err := q.Query(ctx, factsMeasurementsSQL(q.D.Engine()), maxYear)
	if err != nil {
		return fmt.Errorf("facts measurements: %w", err)
	}
	mStream := newFactStream(ctx, ms, scanSizePoint)
	as, err := q.Query(ctx, `SELECT business_id, assessed_on, level, source FROM assessments
		WHERE assessed_on <= ? ORDER BY business_id, assessed_on, id`, maxDate(fq.To))
	if err != nil {
		return fmt.Errorf("facts assessments: %w", err)
	}
	aStream := newFactStream(ctx, as, scanLevelPoint)
	biz, err := q.Query(ctx, `SELECT b.id, b.district_code, b.sector FROM businesses b WHERE `+w.SQL()+` ORDER BY b.id`, w.Args...)
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

// factsMeasurementsSQL reads measurements as compact evidence: only
// integers cross the driver (strings cost an allocation per row), and the
// timestamp only for a figure recorded within its own year. rank·2+verified
// packs the class (from the row's stored class, which registry.Classify gave
// when it was written) and the source; revenue and capital come only for a
// row stored without its class. Rows of one year come in the order they
// were recorded; ix_measurements_evidence covers the whole query.
func factsMeasurementsSQL(engine string) string {
	sameYear := "CASE WHEN CAST(substr(created_at, 1, 4) AS INTEGER) > year THEN NULL ELSE created_at END"
	if engine == "postgres" {
		sameYear = "CASE WHEN EXTRACT(YEAR FROM created_at) > year THEN NULL ELSE created_at END"
	}
	return `SELECT business_id, year,
		(CASE size_class WHEN 'mikro' THEN 1 WHEN 'kecil' THEN 2 WHEN 'menengah' THEN 3 WHEN 'besar' THEN 4 ELSE 0 END) * 2
			+ (CASE WHEN source = 'officer_verified' THEN 1 ELSE 0 END),
		CASE WHEN size_class = '' THEN annual_revenue ELSE 0 END, CASE WHEN size_class = '' THEN capital ELSE 0 END,
		` + sameYear + ` FROM measurements WHERE year <= ? ORDER BY business_id, year, created_at`
}

// scanSizePoint reads one row of factsMeasurementsSQL as evidence, dated
// as assessment.MeasurementDate says.
func scanSizePoint(r *sql.Rows) (int64, assessment.Point, error) {
	var id, revenue, capital int64
	var year, packed int
	var created any
	if err := r.Scan(&id, &year, &packed, &revenue, &capital, &created); err != nil {
		return 0, assessment.Point{}, err
	}
	p := assessment.Point{Rank: packed / 2, Verified: packed%2 == 1}
	if p.Rank == 0 && (revenue > 0 || capital > 0) { // written without its class: classify now
		c, _ := registry.Classify(revenue, capital)
		p.Rank = registry.ClassRank(c)
	}
	if created == nil {
		p.Date = yearEnd(year)
	} else {
		p.Date = measurementDate(year, created)
	}
	return id, p, nil
}

var yearEnds sync.Map // int → "YYYY-12-31"

func measurementDate(year int, created any) string {
	var t time.Time
	switch v := created.(type) {
	case time.Time:
		t = v
	case string:
		_ = T(&t).Scan(v)
	case []byte:
		_ = T(&t).Scan(string(v))
	}
	if !t.IsZero() && t.Year() > year {
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
