package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/market"
)

// Retailer implements market.Store.
func (db *DB) Retailer(ctx context.Context, partnerID int64) (*market.Retailer, error) {
	var r market.Retailer
	var req string
	err := db.Reader().QueryRow(ctx, `SELECT id, name, kind, requirements FROM partners WHERE id = ?`, partnerID).
		Scan(&r.ID, &r.Name, &r.Kind, &req)
	if ErrNoRows(err) {
		return nil, errPartnerNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("retailer %d: %w", partnerID, err)
	}
	if err := json.Unmarshal([]byte(req), &r.Requirements); err != nil {
		return nil, fmt.Errorf("retailer %d requirements: %w", partnerID, err)
	}
	return &r, nil
}

// curationCols reads a round with its partner's name and its counts.
const curationCols = `c.id, c.partner_id, pt.name, c.held_on, c.place, c.capacity, c.created_by, c.created_at,
	(SELECT COUNT(*) FROM curation_entries e WHERE e.curation_id = c.id),
	(SELECT COUNT(*) FROM curation_entries e WHERE e.curation_id = c.id AND e.decision = 'lolos')`

const curationFrom = ` FROM curations c JOIN partners pt ON pt.id = c.partner_id`

func scanCuration(s Scanner, c *market.Curation) error {
	return s.Scan(&c.ID, &c.PartnerID, &c.PartnerName, &c.HeldOn, &c.Place, &c.Capacity, &c.CreatedBy, ScanTime(&c.CreatedAt),
		&c.EntryCount, &c.Passed)
}

// CreateCuration implements market.Store.
func (db *DB) CreateCuration(ctx context.Context, c *market.Curation, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		return q.insertAudited(ctx, "curation", &c.ID, a, `INSERT INTO curations (partner_id, held_on, place, capacity, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?)`, c.PartnerID, c.HeldOn, c.Place, c.Capacity, c.CreatedBy, q.Dialect.Time(c.CreatedAt))
	})
}

// GetCuration implements market.Store.
func (db *DB) GetCuration(ctx context.Context, id int64) (*market.Curation, error) {
	q := db.Reader()
	c, err := queryOne(ctx, q, apperr.New(apperr.NotFound, "Kurasi tidak ditemukan"), fmt.Sprintf("curation %d", id),
		scanCuration, `SELECT `+curationCols+curationFrom+` WHERE c.id = ?`, id)
	if err != nil {
		return nil, err
	}
	c.Entries, err = queryRows(ctx, q, "curation entries", []market.CurationEntry{}, scanEntry,
		`SELECT `+entryCols+entryFrom+` WHERE e.curation_id = ? ORDER BY e.id`, id)
	return c, err
}

// ListCurations implements market.Store.
func (db *DB) ListCurations(ctx context.Context, partnerID int64) ([]market.Curation, error) {
	where, args := "", []any{}
	if partnerID != 0 {
		where, args = ` WHERE c.partner_id = ?`, append(args, partnerID)
	}
	return queryRows(ctx, db.Reader(), "list curations", []market.Curation{}, scanCuration,
		`SELECT `+curationCols+curationFrom+where+` ORDER BY c.held_on DESC, c.id DESC`, args...)
}

// entryCols reads an entry with the names of its product and business and
// where the business is; nothing personal.
const entryCols = `e.id, e.curation_id, e.product_id, p.name, b.id, b.name, b.district_code, b.village_code, e.monthly_supply,
	e.unmet, e.decision, e.fixes, e.note, e.decided_by, e.decided_at, e.created_by, e.created_at`

const entryFrom = ` FROM curation_entries e JOIN products p ON p.id = e.product_id JOIN businesses b ON b.id = p.business_id`

func scanEntry(s Scanner, e *market.CurationEntry) error {
	var unmet, fixes string
	var decided time.Time
	if err := s.Scan(&e.ID, &e.CurationID, &e.ProductID, &e.ProductName, &e.BusinessID, &e.BusinessName, &e.DistrictCode,
		&e.VillageCode, &e.MonthlySupply, &unmet, &e.Decision, &fixes, &e.Note, &e.DecidedBy, ScanTime(&decided),
		&e.CreatedBy, ScanTime(&e.CreatedAt)); err != nil {
		return err
	}
	if !decided.IsZero() {
		e.DecidedAt = &decided
	}
	if err := json.Unmarshal([]byte(unmet), &e.Unmet); err != nil {
		return fmt.Errorf("curation entry %d: %w", e.ID, err)
	}
	if err := json.Unmarshal([]byte(fixes), &e.Fixes); err != nil {
		return fmt.Errorf("curation entry %d: %w", e.ID, err)
	}
	return nil
}

// AddCurationEntry implements market.Store. The round's row is locked
// (PostgreSQL) so that two officers cannot both take its last place.
func (db *DB) AddCurationEntry(ctx context.Context, e *market.CurationEntry, a *audit.Entry) error {
	unmet, _ := json.Marshal(e.Unmet)
	return db.Tx(ctx, func(q *Runner) error {
		var capacity, taken int
		if err := q.QueryRow(ctx, `SELECT capacity FROM curations WHERE id = ?`+q.forUpdate(), e.CurationID).Scan(&capacity); err != nil {
			if ErrNoRows(err) {
				return apperr.New(apperr.NotFound, "Kurasi tidak ditemukan")
			}
			return fmt.Errorf("curation capacity: %w", err)
		}
		if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM curation_entries WHERE curation_id = ?`, e.CurationID).Scan(&taken); err != nil {
			return fmt.Errorf("curation entries count: %w", err)
		}
		if taken >= capacity {
			return apperr.New(apperr.Conflict, "Kuota kurasi sudah penuh (%d produk)", capacity)
		}
		return q.insertAudited(ctx, "curation entry", &e.ID, a, `INSERT INTO curation_entries (curation_id, product_id, monthly_supply, unmet, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?)`, e.CurationID, e.ProductID, e.MonthlySupply, string(unmet), e.CreatedBy, q.Dialect.Time(e.CreatedAt))
	})
}

// GetCurationEntry implements market.Store.
func (db *DB) GetCurationEntry(ctx context.Context, id int64) (*market.CurationEntry, error) {
	return queryOne(ctx, db.Reader(), apperr.New(apperr.NotFound, "Produk kurasi tidak ditemukan"),
		fmt.Sprintf("curation entry %d", id), scanEntry, `SELECT `+entryCols+entryFrom+` WHERE e.id = ?`, id)
}

// DecideCurationEntry implements market.Store.
func (db *DB) DecideCurationEntry(ctx context.Context, e *market.CurationEntry, a *audit.Entry) error {
	fixes, _ := json.Marshal(e.Fixes)
	var at any
	if e.DecidedAt != nil {
		at = db.Dialect.Time(*e.DecidedAt)
	}
	return db.Tx(ctx, func(q *Runner) error {
		res, err := q.Exec(ctx, `UPDATE curation_entries SET decision = ?, fixes = ?, note = ?, decided_by = ?, decided_at = ?
			WHERE id = ?`, e.Decision, string(fixes), e.Note, e.DecidedBy, at, e.ID)
		if err != nil {
			return fmt.Errorf("decide curation entry: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.New(apperr.NotFound, "Produk kurasi tidak ditemukan")
		}
		return q.InsertAudit(ctx, a)
	})
}
