package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/importer"
)

// This file implements importer.Store for both engines. The import's own
// transaction (RunImport) lives in imports_tx.go.

const importColumns = `id, source, file_name, user_id, username, dry_run, status, message, summary_json,
	unknown_columns, created_at, finished_at`

// CreateImport records a starting import, setting ID and CreatedAt.
func (db *DB) CreateImport(ctx context.Context, imp *importer.Import) error {
	imp.CreatedAt = Now()
	if imp.Status == "" {
		imp.Status = importer.StatusRunning
	}
	return db.Tx(ctx, func(q *Runner) error {
		id, err := q.InsertID(ctx, `INSERT INTO imports (source, file_name, user_id, username, dry_run, status, message,
			summary_json, unknown_columns, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			imp.Source, imp.FileName, imp.UserID, imp.Username, imp.DryRun, imp.Status, imp.Message,
			summaryJSON(imp), unknownJSON(imp), db.Dialect.Time(imp.CreatedAt))
		imp.ID = id
		return err
	})
}

// SaveImport updates an import's outcome outside any import transaction.
func (db *DB) SaveImport(ctx context.Context, imp *importer.Import) error {
	return db.Tx(ctx, func(q *Runner) error { return q.saveImport(ctx, imp) })
}

func (q *Runner) saveImport(ctx context.Context, imp *importer.Import) error {
	if imp.FinishedAt.IsZero() && imp.Status != importer.StatusRunning {
		imp.FinishedAt = Now()
	}
	var finished any
	if !imp.FinishedAt.IsZero() {
		finished = q.Dialect.Time(imp.FinishedAt.UTC())
	}
	var report any
	if imp.Report != nil {
		report = imp.Report
	}
	res, err := q.Exec(ctx, `UPDATE imports SET status = ?, message = ?, summary_json = ?, unknown_columns = ?, report = ?,
		finished_at = ? WHERE id = ?`, imp.Status, imp.Message, summaryJSON(imp), unknownJSON(imp), report, finished, imp.ID)
	if err != nil {
		return fmt.Errorf("save import %d: %w", imp.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errImportNotFound
	}
	return nil
}

var errImportNotFound = apperr.New(apperr.NotFound, "Impor tidak ditemukan")

func summaryJSON(imp *importer.Import) string {
	raw, _ := json.Marshal(imp.Summary)
	return string(raw)
}

func unknownJSON(imp *importer.Import) string {
	if len(imp.UnknownColumns) == 0 {
		return "[]"
	}
	raw, _ := json.Marshal(imp.UnknownColumns)
	return string(raw)
}

func scanImport(s Scanner, imp *importer.Import) error {
	var summary, unknown string
	var finished time.Time
	if err := s.Scan(&imp.ID, &imp.Source, &imp.FileName, &imp.UserID, &imp.Username, &imp.DryRun, &imp.Status,
		&imp.Message, &summary, &unknown, ScanTime(&imp.CreatedAt), ScanTime(&finished)); err != nil {
		return err
	}
	imp.FinishedAt = finished
	if err := json.Unmarshal([]byte(summary), &imp.Summary); err != nil {
		return fmt.Errorf("import %d summary: %w", imp.ID, err)
	}
	return json.Unmarshal([]byte(unknown), &imp.UnknownColumns)
}

// GetImport returns an import without its report, or NotFound.
func (db *DB) GetImport(ctx context.Context, id int64) (*importer.Import, error) {
	return queryOne(ctx, db.Reader(), errImportNotFound, fmt.Sprintf("get import %d", id), scanImport,
		`SELECT `+importColumns+` FROM imports WHERE id = ?`, id)
}

// ListImports returns imports newest first, and the total.
func (db *DB) ListImports(ctx context.Context, page, perPage int) ([]importer.Import, int, error) {
	perPage, offset := clampPage(page, perPage)
	var total int
	if err := db.Reader().QueryRow(ctx, `SELECT COUNT(*) FROM imports`).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count imports: %w", err)
	}
	items, err := db.queryImports(ctx, `SELECT `+importColumns+` FROM imports ORDER BY id DESC LIMIT ? OFFSET ?`,
		perPage, offset)
	return items, total, err
}

// BusinessImports returns the imports that touched a business, newest first.
func (db *DB) BusinessImports(ctx context.Context, businessID int64) ([]importer.Import, error) {
	return db.queryImports(ctx, `SELECT i.id, i.source, i.file_name, i.user_id, i.username, i.dry_run, i.status,
		i.message, i.summary_json, i.unknown_columns, i.created_at, i.finished_at
		FROM import_businesses ib JOIN imports i ON i.id = ib.import_id
		WHERE ib.business_id = ? ORDER BY i.id DESC`, businessID)
}

func (db *DB) queryImports(ctx context.Context, query string, args ...any) ([]importer.Import, error) {
	return queryRows(ctx, db.Reader(), "list imports", []importer.Import{}, scanImport,
		query, args...)
}

// ImportReport returns an import's rejected-rows XLSX (nil when none), or NotFound.
func (db *DB) ImportReport(ctx context.Context, id int64) ([]byte, error) {
	var report []byte
	err := db.Reader().QueryRow(ctx, `SELECT report FROM imports WHERE id = ?`, id).Scan(&report)
	if ErrNoRows(err) {
		return nil, errImportNotFound
	}
	if err != nil && err != sql.ErrNoRows {
		return nil, fmt.Errorf("import report %d: %w", id, err)
	}
	return report, nil
}

// FailInterrupted implements importer.Store.
func (db *DB) FailInterrupted(ctx context.Context, msg string) (int, error) {
	res, err := db.Writer().Exec(ctx, `UPDATE imports SET status = ?, message = ?, finished_at = ? WHERE status = ?`,
		importer.StatusFailed, msg, db.Dialect.Time(Now()), importer.StatusRunning)
	if err != nil {
		return 0, db.MapError(fmt.Errorf("fail interrupted imports: %w", err))
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}
