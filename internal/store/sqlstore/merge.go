package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/duplicates"
	"naikkelas/internal/registry"
)

// BusinessLink is a table whose business_id column names a business, with
// the columns besides it that name one of its rows (none: one row per
// business).
type BusinessLink struct {
	Table string
	Key   []string
}

// BusinessLinks are the tables a merge moves from the merged business to the
// kept one: every table with a business_id column (a test reads the schema).
// A row that would break a unique rule on the kept business (an application
// to the same programme, a second halal profile) stays with the merged
// record, where undo finds it. Pairs judged "bukan duplikat" name the
// merged record in business_a/b and stay as they are: it is never proposed
// again, being archived.
var BusinessLinks = []BusinessLink{
	{"applications", []string{"id"}},
	{"assessments", []string{"id"}},
	{"attendance", []string{"program_id", "session"}},
	{"business_proposals", []string{"id"}},
	{"capital_needs", []string{"id"}},
	{"capital_referrals", []string{"id"}},
	{"catalogue_consents", nil},
	{"certificates", []string{"id"}},
	{"contact_preferences", nil},
	{"follow_ups", []string{"id"}},
	{"halal_allocations", []string{"id"}},
	{"halal_profiles", nil},
	{"import_businesses", []string{"import_id"}},
	{"measurements", []string{"id"}},
	{"messages_sent", []string{"id"}},
	{"permits", []string{"id"}},
	{"products", []string{"id"}},
	{"test_scores", []string{"program_id"}},
	{"users", []string{"id"}},
}

// mergeUndo is what undoing a merge needs: both records before it, their
// versions after it, and the keys of the rows moved per table.
type mergeUndo struct {
	Kept          registry.Business    `json:"kept"`
	Merged        registry.Business    `json:"merged"`
	KeptVersion   int64                `json:"kept_version"`
	MergedVersion int64                `json:"merged_version"`
	Moved         map[string][][]int64 `json:"moved"`
	Exchanged     []int64              `json:"exchanged,omitempty"` // programmes whose rows the two records exchanged
}

// businessBefore reads a business as stored, merged or not, and whether it
// was merged into another.
func (q *Runner) businessBefore(ctx context.Context, id int64) (*registry.Business, bool, error) {
	var b registry.Business
	var into sql.NullInt64
	row := q.QueryRow(ctx, `SELECT `+BusinessColumns+`, merged_into FROM businesses WHERE id = ?`, id)
	err := ScanBusiness(scanPlus{row, &into}, &b)
	if ErrNoRows(err) {
		return nil, false, errBusinessNotFound
	}
	if err != nil {
		return nil, false, fmt.Errorf("business %d: %w", id, err)
	}
	return &b, into.Valid, nil
}

// scanPlus scans one more column after those ScanBusiness reads.
type scanPlus struct {
	s     Scanner
	extra any
}

func (p scanPlus) Scan(dest ...any) error { return p.s.Scan(append(dest, p.extra)...) }

// MergeBusinesses implements duplicates.MergeStore.
func (db *DB) MergeBusinesses(ctx context.Context, kept *registry.Business, m *duplicates.Merge, e *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		keptBefore, keptMerged, err := q.businessBefore(ctx, kept.ID)
		if err != nil {
			return err
		}
		mergedBefore, mergedMerged, err := q.businessBefore(ctx, m.MergedID)
		if err != nil {
			return err
		}
		if keptMerged || mergedMerged || keptBefore.Status != registry.StatusActive || mergedBefore.Status != registry.StatusActive {
			return apperr.New(apperr.Conflict, "Usaha ini sudah digabung atau diarsipkan")
		}
		if keptBefore.Version != kept.Version {
			return staleVersion()
		}
		u := mergeUndo{Kept: *keptBefore, Merged: *mergedBefore, Moved: map[string][][]int64{}}
		m.Moved, m.Left = map[string]int{}, map[string]int{}
		held, err := q.mergeProgrammes(ctx, kept.ID, &u, m)
		if err != nil {
			return err
		}
		for _, l := range BusinessLinks {
			moved, left, err := q.moveLinked(ctx, l, m.MergedID, kept.ID, held)
			if err != nil {
				return err
			}
			if len(moved) > 0 {
				u.Moved[l.Table], m.Moved[l.Table] = moved, len(moved)
			}
			if left > 0 {
				m.Left[l.Table] = left
			}
		}
		nib := mergedBefore.NIB
		if kept.NIB == nib {
			nib = "" // the kept record takes it; NIB is unique
		}
		if _, err := q.Exec(ctx, `UPDATE businesses SET nib = ?, status = ?, merged_into = ?, version = version + 1,
			updated_at = ? WHERE id = ?`, nib, registry.StatusArchived, kept.ID, q.Dialect.Time(Now()), m.MergedID); err != nil {
			return fmt.Errorf("archive merged business: %w", err)
		}
		if _, err := q.writeProductSummary(ctx, m.MergedID); err != nil {
			return err
		}
		if kept.Products, err = q.writeProductSummary(ctx, kept.ID); err != nil {
			return err
		}
		if err := q.UpdateBusiness(ctx, kept); err != nil {
			return err
		}
		u.KeptVersion, u.MergedVersion = kept.Version, mergedBefore.Version+1
		detail, _ := json.Marshal(m.Detail)
		undo, err := json.Marshal(u)
		if err != nil {
			return err
		}
		m.ID, err = q.InsertID(ctx, `INSERT INTO business_merges (kept_id, merged_id, merged_by, merged_at, detail, undo)
			VALUES (?, ?, ?, ?, ?, ?)`, kept.ID, m.MergedID, m.MergedBy, q.Dialect.Time(m.MergedAt), string(detail), string(undo))
		if err != nil {
			return fmt.Errorf("record merge: %w", err)
		}
		e.After = withMergeID(e.After, m.ID)
		if err := q.RefreshYearClasses(ctx, kept.ID, m.MergedID); err != nil {
			return err
		}
		return q.InsertAudit(ctx, e)
	})
}

// withMergeID adds the merge's id to an audit entry's JSON object.
func withMergeID(raw json.RawMessage, id int64) json.RawMessage {
	var obj map[string]any
	if json.Unmarshal(raw, &obj) != nil || obj == nil {
		obj = map[string]any{}
	}
	obj["merge_id"] = id
	out, _ := json.Marshal(obj)
	return out
}

// moveLinked moves l's rows of business from to business to, one at a time:
// a row that would break a unique rule stays, and so do the rows of the
// held programmes. It returns the keys of the rows moved and the number left.
func (q *Runner) moveLinked(ctx context.Context, l BusinessLink, from, to int64, held []int64) ([][]int64, int, error) {
	keys, err := q.linkedKeys(ctx, l, from, held)
	if err != nil {
		return nil, 0, err
	}
	var moved [][]int64
	left, err := q.countHeld(ctx, l.Table, from, held)
	if err != nil {
		return nil, 0, err
	}
	for _, key := range keys {
		if _, err := q.Exec(ctx, `SAVEPOINT merge_row`); err != nil {
			return nil, 0, err
		}
		_, err := q.Exec(ctx, `UPDATE `+l.Table+` SET business_id = ? WHERE business_id = ?`+keyWhere(l), keyArgs(to, from, key)...)
		if err != nil {
			if v, ok := q.Dialect.Classify(err); !ok || v.Kind != "unique" {
				return nil, 0, fmt.Errorf("move %s: %w", l.Table, err)
			}
			if _, err := q.Exec(ctx, `ROLLBACK TO SAVEPOINT merge_row`); err != nil {
				return nil, 0, err
			}
			left++
		} else {
			moved = append(moved, key)
		}
		if _, err := q.Exec(ctx, `RELEASE SAVEPOINT merge_row`); err != nil {
			return nil, 0, err
		}
	}
	return moved, left, nil
}

// linkedKeys returns the keys of l's rows of a business, but those of the
// held programmes, in key order.
func (q *Runner) linkedKeys(ctx context.Context, l BusinessLink, business int64, held []int64) ([][]int64, error) {
	cols := "1"
	if len(l.Key) > 0 {
		cols = strings.Join(l.Key, ", ")
	}
	except, args := heldProgrammes(l.Table, held, false)
	rows, err := q.Query(ctx, `SELECT `+cols+` FROM `+l.Table+` WHERE business_id = ?`+except+` ORDER BY `+cols,
		append([]any{business}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("rows of %s: %w", l.Table, err)
	}
	defer rows.Close()
	var keys [][]int64
	for rows.Next() {
		key := make([]int64, max(len(l.Key), 1))
		dest := make([]any, len(key))
		for i := range key {
			dest[i] = &key[i]
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		keys = append(keys, key[:len(l.Key)])
	}
	return keys, rows.Err()
}

func keyWhere(l BusinessLink) string {
	var b strings.Builder
	for _, c := range l.Key {
		b.WriteString(" AND " + c + " = ?")
	}
	return b.String()
}

func keyArgs(to, from int64, key []int64) []any {
	args := []any{to, from}
	for _, k := range key {
		args = append(args, k)
	}
	return args
}

// GetMerge implements duplicates.MergeStore.
func (db *DB) GetMerge(ctx context.Context, id int64) (*duplicates.Merge, error) {
	m, _, err := db.Reader().getMerge(ctx, id)
	return m, err
}

func (q *Runner) getMerge(ctx context.Context, id int64) (*duplicates.Merge, *mergeUndo, error) {
	var m duplicates.Merge
	var detail, undo string
	var undoneAt time.Time
	err := q.QueryRow(ctx, `SELECT id, kept_id, merged_id, merged_by, merged_at, undone_by, undone_at, detail, undo
		FROM business_merges WHERE id = ?`, id).Scan(&m.ID, &m.KeptID, &m.MergedID, &m.MergedBy, ScanTime(&m.MergedAt),
		&m.UndoneBy, ScanTime(&undoneAt), &detail, &undo)
	if ErrNoRows(err) {
		return nil, nil, apperr.New(apperr.NotFound, "Penggabungan tidak ditemukan")
	}
	if err != nil {
		return nil, nil, fmt.Errorf("merge %d: %w", id, err)
	}
	if !undoneAt.IsZero() {
		m.UndoneAt = &undoneAt
	}
	var u mergeUndo
	if err := json.Unmarshal([]byte(detail), &m.Detail); err != nil {
		return nil, nil, fmt.Errorf("merge %d: %w", id, err)
	}
	if err := json.Unmarshal([]byte(undo), &u); err != nil {
		return nil, nil, fmt.Errorf("merge %d: %w", id, err)
	}
	return &m, &u, nil
}

// UndoMerge implements duplicates.MergeStore.
func (db *DB) UndoMerge(ctx context.Context, id int64, by string, at time.Time, e *audit.Entry) (*duplicates.Merge, error) {
	var out *duplicates.Merge
	err := db.Tx(ctx, func(q *Runner) error {
		m, u, err := q.getMerge(ctx, id)
		if err != nil {
			return err
		}
		if m.UndoneAt != nil {
			return apperr.New(apperr.Conflict, "Penggabungan ini sudah dibatalkan")
		}
		for _, c := range []struct{ id, version int64 }{{m.KeptID, u.KeptVersion}, {m.MergedID, u.MergedVersion}} {
			var v int64
			if err := q.QueryRow(ctx, `SELECT version FROM businesses WHERE id = ?`, c.id).Scan(&v); err != nil {
				return fmt.Errorf("business %d: %w", c.id, err)
			}
			if v != c.version {
				return apperr.New(apperr.Conflict, "Usaha #%d telah diubah sejak digabung; penggabungan tidak dapat dibatalkan", c.id)
			}
		}
		for _, l := range BusinessLinks {
			for _, key := range u.Moved[l.Table] {
				res, err := q.Exec(ctx, `UPDATE `+l.Table+` SET business_id = ? WHERE business_id = ?`+keyWhere(l),
					keyArgs(m.MergedID, m.KeptID, key)...)
				if err != nil {
					return fmt.Errorf("move back %s: %w", l.Table, err)
				}
				if n, _ := res.RowsAffected(); n != 1 {
					return apperr.New(apperr.Conflict, "Data yang dipindahkan saat penggabungan telah berubah; penggabungan tidak dapat dibatalkan")
				}
			}
		}
		for _, program := range u.Exchanged {
			if err := q.exchangeProgramme(ctx, program, m.KeptID, m.MergedID); err != nil {
				return err
			}
		}
		for _, b := range []*registry.Business{&u.Kept, &u.Merged} {
			if err := q.restoreBusiness(ctx, b); err != nil {
				return err
			}
		}
		if _, err := q.Exec(ctx, `UPDATE business_merges SET undone_by = ?, undone_at = ? WHERE id = ?`,
			by, q.Dialect.Time(at), id); err != nil {
			return fmt.Errorf("undo merge %d: %w", id, err)
		}
		m.UndoneBy, m.UndoneAt = by, &at
		out = m
		if err := q.RefreshYearClasses(ctx, m.KeptID, m.MergedID); err != nil {
			return err
		}
		return q.InsertAudit(ctx, e)
	})
	return out, err
}

// restoreBusiness writes every column of b as it was, version and times
// included, and clears merged_into.
func (q *Runner) restoreBusiness(ctx context.Context, b *registry.Business) error {
	cols := strings.TrimPrefix(BusinessColumns, "id, ")
	args := append(BusinessArgs(q.Dialect, b), b.ID)
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(args)-1), ", ")
	if _, err := q.Exec(ctx, `UPDATE businesses SET (`+cols+`) = (`+marks+`), merged_into = NULL WHERE id = ?`, args...); err != nil {
		return fmt.Errorf("restore business %d: %w", b.ID, err)
	}
	return nil
}
