package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"naikkelas/internal/apperr"
	"naikkelas/internal/assessment"
	"naikkelas/internal/audit"
)

// Assessments: one SQL for both engines. Rows are never updated;
// the migrations enforce it with a trigger.

var errAssessmentNotFound = apperr.New(apperr.NotFound, "Penilaian tidak ditemukan")

const assessmentCols = `id, business_id, instrument_version, assessed_on, source, answers, scores, level,
	recommendations, assessor_id, assessor, visit_date, COALESCE(verified_from, 0), client_ref, created_at`

// AddAssessment implements assessment.Store.
func (db *DB) AddAssessment(ctx context.Context, a *assessment.Assessment, e *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		return q.insertAssessment(ctx, a, e)
	})
}

// InsertAssessments implements assessment.Store. The statement is prepared
// once; a missing business fails the whole batch on its foreign key.
func (db *DB) InsertAssessments(ctx context.Context, items []*assessment.Assessment) error {
	return db.Tx(ctx, func(q *Runner) error {
		insert := func(args ...any) (int64, error) { return q.InsertID(ctx, insertAssessmentSQL, args...) }
		if tx, ok := q.Conn.(*sql.Tx); ok {
			stmt, err := tx.PrepareContext(ctx, q.Dialect.Rebind(insertAssessmentSQL+" RETURNING id"))
			if err != nil {
				return err
			}
			defer stmt.Close()
			insert = func(args ...any) (int64, error) {
				var id int64
				err := stmt.QueryRowContext(ctx, args...).Scan(&id)
				return id, err
			}
		}
		ids := make([]int64, len(items))
		for i, a := range items {
			args, err := assessmentArgs(q.Dialect, a)
			if err != nil {
				return err
			}
			if a.ID, err = insert(args...); err != nil {
				return fmt.Errorf("insert assessment: %w", err)
			}
			ids[i] = a.BusinessID
		}
		return q.RefreshYearClasses(ctx, ids...)
	})
}

const insertAssessmentSQL = `INSERT INTO assessments (business_id, instrument_version, assessed_on, source, answers,
	scores, level, recommendations, assessor_id, assessor, visit_date, verified_from, client_ref, created_at)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// assessmentArgs encodes a (setting CreatedAt) as the values of insertAssessmentSQL.
func assessmentArgs(d Dialect, a *assessment.Assessment) ([]any, error) {
	answers, err1 := json.Marshal(a.Answers)
	scores, err2 := json.Marshal(a.Scores)
	recs, err3 := json.Marshal(a.Recommendations)
	if err := firstAssessmentErr(err1, err2, err3); err != nil {
		return nil, fmt.Errorf("encode assessment: %w", err)
	}
	var verifiedFrom any
	if a.VerifiedFrom != 0 {
		verifiedFrom = a.VerifiedFrom
	}
	a.CreatedAt = Now()
	return []any{a.BusinessID, a.InstrumentVersion, a.AssessedOn, a.Source, string(answers), string(scores), a.Level,
		string(recs), a.AssessorID, a.Assessor, a.VisitDate, verifiedFrom, a.ClientRef, d.Time(a.CreatedAt)}, nil
}

func (q *Runner) insertAssessment(ctx context.Context, a *assessment.Assessment, e *audit.Entry) error {
	var one int
	if err := q.QueryRow(ctx, `SELECT 1 FROM businesses WHERE id = ?`, a.BusinessID).Scan(&one); ErrNoRows(err) {
		return errBusinessNotFound
	} else if err != nil {
		return fmt.Errorf("assessment business: %w", err)
	}
	args, err := assessmentArgs(q.Dialect, a)
	if err != nil {
		return err
	}
	if a.ID, err = q.InsertID(ctx, insertAssessmentSQL, args...); err != nil {
		return fmt.Errorf("insert assessment: %w", err)
	}
	if err := q.RefreshYearClasses(ctx, a.BusinessID); err != nil {
		return err
	}
	if e == nil {
		return nil
	}
	e.EntityID = a.ID
	return q.InsertAudit(ctx, e)
}

// GetAssessment implements assessment.Store.
func (db *DB) GetAssessment(ctx context.Context, id int64) (*assessment.Assessment, error) {
	return queryOne(ctx, db.Reader(), errAssessmentNotFound,
		fmt.Sprintf("get assessment %d", id), scanAssessment, `SELECT `+assessmentCols+` FROM assessments WHERE id = ?`, id)
}

// ListAssessments implements assessment.Store.
func (db *DB) ListAssessments(ctx context.Context, businessID int64) ([]assessment.Assessment, error) {
	return queryRows(ctx, db.Reader(), "list assessments", nil, scanAssessment,
		`SELECT `+assessmentCols+` FROM assessments WHERE business_id = ?
		ORDER BY assessed_on, id`, businessID)
}

// LatestAssessments implements assessment.Store.
func (db *DB) LatestAssessments(ctx context.Context, businessIDs []int64) (map[int64]*assessment.Assessment, error) {
	out := map[int64]*assessment.Assessment{}
	if len(businessIDs) == 0 {
		return out, nil
	}
	q := db.Reader()
	cond, arg := q.Dialect.InIDs("business_id", businessIDs)
	rows, err := q.Query(ctx, `SELECT `+assessmentCols+` FROM assessments WHERE `+cond+` ORDER BY business_id, assessed_on, id`, arg)
	if err != nil {
		return nil, fmt.Errorf("latest assessments: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a := &assessment.Assessment{}
		if err := scanAssessment(rows, a); err != nil {
			return nil, err
		}
		out[a.BusinessID] = a // rows come oldest first: the last one stays
	}
	return out, rows.Err()
}

// LatestDimensionScores implements programs.NeedSource: each assessed
// business's latest scores per programme topic. It reads only the answers
// and scores (selection asks for thousands of applicants at once).
func (db *DB) LatestDimensionScores(ctx context.Context, businessIDs []int64) (map[int64]map[string]float64, error) {
	out := map[int64]map[string]float64{}
	if len(businessIDs) == 0 {
		return out, nil
	}
	q := db.Reader()
	cond, arg := q.Dialect.InIDs("business_id", businessIDs)
	rows, err := q.Query(ctx, `SELECT business_id, instrument_version, answers, scores FROM assessments WHERE `+cond+`
		ORDER BY business_id, assessed_on, id`, arg)
	if err != nil {
		return nil, fmt.Errorf("latest dimension scores: %w", err)
	}
	defer rows.Close()
	type latest struct{ version, answers, scores string }
	last := map[int64]latest{}
	for rows.Next() {
		var id int64
		var l latest
		if err := rows.Scan(&id, &l.version, &l.answers, &l.scores); err != nil {
			return nil, err
		}
		last[id] = l // oldest first: the last one stays
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for id, l := range last {
		var answers map[string]string
		var scores map[string]int
		if err := firstAssessmentErr(json.Unmarshal([]byte(l.answers), &answers), json.Unmarshal([]byte(l.scores), &scores)); err != nil {
			return nil, fmt.Errorf("assessment of business %d: %w", id, err)
		}
		in, err := assessment.Load(l.version)
		if err != nil {
			return nil, fmt.Errorf("assessment of business %d: %w", id, err)
		}
		out[id] = in.TopicScores(answers, scores)
	}
	return out, nil
}

func scanAssessment(r Scanner, a *assessment.Assessment) error {
	var answers, scores, recs string
	err := r.Scan(&a.ID, &a.BusinessID, &a.InstrumentVersion, &a.AssessedOn, &a.Source, &answers, &scores, &a.Level,
		&recs, &a.AssessorID, &a.Assessor, &a.VisitDate, &a.VerifiedFrom, &a.ClientRef, ScanTime(&a.CreatedAt))
	if err != nil {
		return err
	}
	if err := firstAssessmentErr(json.Unmarshal([]byte(answers), &a.Answers), json.Unmarshal([]byte(scores), &a.Scores),
		json.Unmarshal([]byte(recs), &a.Recommendations)); err != nil {
		return fmt.Errorf("decode assessment %d: %w", a.ID, err)
	}
	if in, err := assessment.Load(a.InstrumentVersion); err == nil {
		a.LevelName = in.LevelName(a.Level)
	}
	return nil
}

func firstAssessmentErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
