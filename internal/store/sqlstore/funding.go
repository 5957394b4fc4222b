package sqlstore

import (
	"context"
	"fmt"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/funding"
)

var errCommitmentNotFound = apperr.New(apperr.NotFound, "Komitmen mitra tidak ditemukan")

const commitmentCols = `c.id, c.partner_id, p.name, c.kind, c.amount, c.year, c.reference, c.description, c.starts_on, c.ends_on,
	c.realised, c.allocated, c.created_by, c.created_at`

const commitmentFrom = ` FROM funding_commitments c JOIN partners p ON p.id = c.partner_id`

func scanCommitment(s Scanner, c *funding.Commitment) error {
	return s.Scan(&c.ID, &c.PartnerID, &c.PartnerName, &c.Kind, &c.Amount, &c.Year, &c.Reference, &c.Description,
		&c.StartsOn, &c.EndsOn, &c.Realised, &c.Allocated, &c.CreatedBy, ScanTime(&c.CreatedAt))
}

// CreateCommitment implements funding.Store.
func (db *DB) CreateCommitment(ctx context.Context, c *funding.Commitment, a *audit.Entry) error {
	now := Now()
	return db.Tx(ctx, func(q *Runner) error {
		id, err := q.InsertID(ctx, `INSERT INTO funding_commitments (partner_id, kind, amount, year, reference, description,
			starts_on, ends_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.PartnerID, c.Kind, c.Amount, c.Year, c.Reference, c.Description, c.StartsOn, c.EndsOn, c.CreatedBy, q.Dialect.Time(now))
		if err != nil {
			return fmt.Errorf("insert commitment: %w", err)
		}
		if err := q.QueryRow(ctx, `SELECT name FROM partners WHERE id = ?`, c.PartnerID).Scan(&c.PartnerName); err != nil {
			return fmt.Errorf("partner of commitment: %w", err)
		}
		c.ID, c.CreatedAt, c.Realised, c.Allocated = id, now, 0, 0
		a.EntityID = id
		return q.InsertAudit(ctx, a)
	})
}

// GetCommitment implements funding.Store.
func (db *DB) GetCommitment(ctx context.Context, id int64) (*funding.Commitment, error) {
	return queryOne(ctx, db.Reader(), errCommitmentNotFound,
		fmt.Sprintf("get commitment %d", id), scanCommitment, `SELECT `+commitmentCols+commitmentFrom+` WHERE c.id = ?`, id)
}

// ListCommitments implements funding.Store.
func (db *DB) ListCommitments(ctx context.Context, f funding.CommitmentFilter) ([]funding.Commitment, error) {
	where, args := ` WHERE 1 = 1`, []any{}
	if f.PartnerID != 0 {
		where += ` AND c.partner_id = ?`
		args = append(args, f.PartnerID)
	}
	if f.Year != 0 {
		where += ` AND c.year = ?`
		args = append(args, f.Year)
	}
	return queryRows(ctx, db.Reader(), "list commitments", []funding.Commitment{}, scanCommitment,
		`SELECT `+commitmentCols+commitmentFrom+where+` ORDER BY c.year, p.name, c.id`, args...)
}

// AddRealisation implements funding.Store.
func (db *DB) AddRealisation(ctx context.Context, r *funding.Realisation, a *audit.Entry) error {
	now := Now()
	return db.Tx(ctx, func(q *Runner) error {
		res, err := q.Exec(ctx, `UPDATE funding_commitments SET realised = realised + ? WHERE id = ? AND realised + ? <= amount`,
			r.Amount, r.CommitmentID, r.Amount)
		if err != nil {
			return fmt.Errorf("raise realised: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var amount, realised int64
			err := q.QueryRow(ctx, `SELECT amount, realised FROM funding_commitments WHERE id = ?`, r.CommitmentID).Scan(&amount, &realised)
			if ErrNoRows(err) {
				return errCommitmentNotFound
			} else if err != nil {
				return err
			}
			return funding.ErrOverRealised(amount - realised)
		}
		id, err := q.InsertID(ctx, `INSERT INTO funding_realisations (commitment_id, amount, received_on, note, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?)`, r.CommitmentID, r.Amount, r.Date, r.Note, r.CreatedBy, q.Dialect.Time(now))
		if err != nil {
			return fmt.Errorf("insert realisation: %w", err)
		}
		r.ID, r.CreatedAt, a.EntityID = id, now, id
		return q.InsertAudit(ctx, a)
	})
}

// ListRealisations implements funding.Store.
func (db *DB) ListRealisations(ctx context.Context, commitmentID int64) ([]funding.Realisation, error) {
	return queryRows(ctx, db.Reader(), "list realisations", []funding.Realisation{}, scanRealisation,
		`SELECT id, commitment_id, amount, received_on, note, created_by, created_at
		FROM funding_realisations WHERE commitment_id = ? ORDER BY received_on, id`, commitmentID)
}

// AddAllocation implements funding.Store.
func (db *DB) AddAllocation(ctx context.Context, al *funding.Allocation, a *audit.Entry) error {
	now := Now()
	return db.Tx(ctx, func(q *Runner) error {
		// One conditional statement: on PostgreSQL a racing allocation waits
		// for this row and re-checks the condition against the new sum.
		res, err := q.Exec(ctx, `UPDATE funding_commitments SET allocated = allocated + ? WHERE id = ? AND allocated + ? <= realised`,
			al.Amount, al.CommitmentID, al.Amount)
		if err != nil {
			return fmt.Errorf("raise allocated: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var realised, allocated int64
			err := q.QueryRow(ctx, `SELECT realised, allocated FROM funding_commitments WHERE id = ?`, al.CommitmentID).Scan(&realised, &allocated)
			if ErrNoRows(err) {
				return apperr.Validation(map[string]string{"commitment_id": "Komitmen mitra tidak ditemukan"})
			} else if err != nil {
				return err
			}
			return funding.ErrOverAllocated(realised - allocated)
		}
		id, err := q.InsertID(ctx, `INSERT INTO funding_allocations (commitment_id, program_id, amount, note, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?)`, al.CommitmentID, al.ProgramID, al.Amount, al.Note, al.CreatedBy, q.Dialect.Time(now))
		if err != nil {
			return fmt.Errorf("insert allocation: %w", err)
		}
		if err := q.QueryRow(ctx, `SELECT c.partner_id, p.name, c.kind`+commitmentFrom+` WHERE c.id = ?`, al.CommitmentID).
			Scan(&al.PartnerID, &al.PartnerName, &al.Kind); err != nil {
			return fmt.Errorf("commitment of allocation: %w", err)
		}
		al.ID, al.CreatedAt, a.EntityID = id, now, id
		return q.InsertAudit(ctx, a)
	})
}

// ListAllocations implements funding.Store.
func (db *DB) ListAllocations(ctx context.Context, programID, commitmentID int64) ([]funding.Allocation, error) {
	where, arg := `a.program_id = ?`, programID
	if programID == 0 {
		where, arg = `a.commitment_id = ?`, commitmentID
	}
	return queryRows(ctx, db.Reader(), "list allocations", []funding.Allocation{}, scanAllocation,
		`SELECT a.id, a.commitment_id, a.program_id, c.partner_id, p.name, c.kind, a.amount,
		a.note, a.created_by, a.created_at FROM funding_allocations a JOIN funding_commitments c ON c.id = a.commitment_id
		JOIN partners p ON p.id = c.partner_id WHERE `+where+` ORDER BY a.id`, arg)
}

// AllocationsByProgram implements funding.Store.
func (db *DB) AllocationsByProgram(ctx context.Context, year int) (map[int64]int64, error) {
	return QueryMap[int64, int64](ctx, db.Reader(), "allocations by program", `SELECT a.program_id, SUM(a.amount)
		FROM funding_allocations a JOIN funding_commitments c ON c.id = a.commitment_id
		WHERE ? = 0 OR c.year = ? GROUP BY a.program_id`, year, year)
}

func scanRealisation(s Scanner, r *funding.Realisation) error {
	return s.Scan(&r.ID, &r.CommitmentID, &r.Amount, &r.Date, &r.Note, &r.CreatedBy, ScanTime(&r.CreatedAt))
}

func scanAllocation(s Scanner, al *funding.Allocation) error {
	return s.Scan(&al.ID, &al.CommitmentID, &al.ProgramID, &al.PartnerID, &al.PartnerName, &al.Kind, &al.Amount,
		&al.Note, &al.CreatedBy, ScanTime(&al.CreatedAt))
}
