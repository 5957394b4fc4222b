package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/assessment"
	"naikkelas/internal/idfmt"
)

// Programme facts for the naik-kelas comparison and the timeline, read from
// the programmes' tables (migration 0003).

// ProgramCohort implements assessment.ProgramFacts. Participants are the
// businesses that held a place (selected, attended, completed, dropped out).
func (db *DB) ProgramCohort(ctx context.Context, programID int64) (*assessment.Cohort, error) {
	q := db.Reader()
	c := &assessment.Cohort{ProgramID: programID}
	err := q.QueryRow(ctx, `SELECT name, starts_on FROM programs WHERE id = ?`, programID).Scan(&c.Name, &c.StartsOn)
	if ErrNoRows(err) {
		return nil, apperr.New(apperr.NotFound, "Program tidak ditemukan")
	}
	if err != nil {
		return nil, fmt.Errorf("cohort program: %w", err)
	}
	rows, err := q.Query(ctx, `SELECT business_id, status FROM applications WHERE program_id = ?
		AND status IN ('selected', 'attended', 'completed', 'dropped_out') ORDER BY business_id`, programID)
	if err != nil {
		return nil, fmt.Errorf("cohort applications: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var status string
		if err := rows.Scan(&id, &status); err != nil {
			return nil, err
		}
		c.Participants = append(c.Participants, id)
		if status == "completed" {
			c.Completers = append(c.Completers, id)
		}
	}
	return c, rows.Err()
}

// ProgramEvents implements assessment.ProgramFacts. Applying and selection
// are dated by their records but never after the programme's start (records
// entered late do not move history); completion is dated at the end of the
// programme.
func (db *DB) ProgramEvents(ctx context.Context, businessID int64) ([]assessment.ProgramEvent, error) {
	rows, err := db.Reader().Query(ctx, `SELECT a.program_id, p.name, p.starts_on, p.ends_on, a.status, a.applied_at,
		(SELECT MIN(h.at) FROM application_history h WHERE h.application_id = a.id AND h.to_status = 'selected')
		FROM applications a JOIN programs p ON p.id = a.program_id WHERE a.business_id = ? ORDER BY a.id`, businessID)
	if err != nil {
		return nil, fmt.Errorf("program events: %w", err)
	}
	defer rows.Close()
	var out []assessment.ProgramEvent
	for rows.Next() {
		var id int64
		var name, starts, ends, status string
		var applied, selected time.Time
		if err := rows.Scan(&id, &name, &starts, &ends, &status, ScanTime(&applied), ScanTime(&selected)); err != nil {
			return nil, err
		}
		ev := func(kind, date string) {
			out = append(out, assessment.ProgramEvent{Date: date, Kind: kind, ProgramID: id, ProgramName: name})
		}
		ev(assessment.EventProgramApplied, capDate(applied, starts))
		switch status {
		case "selected", "attended", "completed", "dropped_out":
			ev(assessment.EventProgramSelected, capDate(selected, starts))
		}
		if status == "completed" {
			ev(assessment.EventProgramCompleted, ends)
		}
	}
	return out, rows.Err()
}

// capDate is t's date in WIB, or limit when t is unknown or later.
func capDate(t time.Time, limit string) string {
	if t.IsZero() {
		return limit
	}
	d := idfmt.Day(t)
	if limit != "" && d > limit {
		return limit
	}
	return d
}

// ProgramRefs implements assessment.ProgramFacts.
func (db *DB) ProgramRefs(ctx context.Context, status string) ([]assessment.ProgramRef, error) {
	return queryRows(ctx, db.Reader(), "program refs", nil, scanProgramRef, `SELECT id, name, starts_on, status, spec
		FROM programs WHERE (CAST(? AS TEXT) = '' OR status = ?) ORDER BY starts_on DESC, id DESC`, status, status)
}

func scanProgramRef(s Scanner, p *assessment.ProgramRef) error {
	var spec string
	if err := s.Scan(&p.ID, &p.Name, &p.StartsOn, &p.Status, &spec); err != nil {
		return err
	}
	var sp struct {
		Topics []string `json:"topics"`
	}
	if err := json.Unmarshal([]byte(spec), &sp); err != nil {
		return fmt.Errorf("spec of program %d: %w", p.ID, err)
	}
	p.Topics = sp.Topics
	return nil
}
