package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/registry"
)

// ProposeChange implements registry.ProposalStore.
func (db *DB) ProposeChange(ctx context.Context, b *registry.Business, ba *audit.Entry, p *registry.Proposal, pa *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		if err := q.saveBusiness(ctx, b, ba); err != nil {
			return err
		}
		changes, _ := json.Marshal(p.Changes)
		before, _ := json.Marshal(p.Before)
		p.ProposedAt = Now()
		id, err := q.InsertID(ctx, `INSERT INTO business_proposals (business_id, status, changes_json, before_json, proposed_by,
			proposed_by_id, proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, p.BusinessID, p.Status, string(changes), string(before),
			p.ProposedBy, p.ProposedByID, q.Dialect.Time(p.ProposedAt))
		if err != nil {
			if apperr.Is(MapError(q.Dialect, err), apperr.Conflict) {
				return apperr.New(apperr.Conflict, "Masih ada usulan perubahan yang menunggu verifikasi petugas")
			}
			return fmt.Errorf("insert proposal: %w", err)
		}
		p.ID = id
		pa.EntityID = id
		return q.InsertAudit(ctx, pa)
	})
}

// saveBusiness is UpdateBusiness with its audit entry; nothing when b is nil.
func (q *Runner) saveBusiness(ctx context.Context, b *registry.Business, a *audit.Entry) error {
	if b == nil {
		return nil
	}
	if err := q.UpdateBusiness(ctx, b); err != nil {
		return err
	}
	a.EntityID = b.ID
	return q.InsertAudit(ctx, a)
}

const proposalCols = `p.id, p.business_id, b.name, b.village_code, p.status, p.changes_json, p.before_json, p.proposed_by,
	p.proposed_by_id, p.proposed_at, p.decided_by, p.decided_at, p.reason`

func scanProposal(s Scanner, p *registry.Proposal) error {
	var changes, before string
	var decided time.Time
	if err := s.Scan(&p.ID, &p.BusinessID, &p.BusinessName, &p.VillageCode, &p.Status, &changes, &before, &p.ProposedBy,
		&p.ProposedByID, ScanTime(&p.ProposedAt), &p.DecidedBy, ScanTime(&decided), &p.Reason); err != nil {
		return err
	}
	p.DecidedAt = nil
	if !decided.IsZero() {
		p.DecidedAt = &decided
	}
	if err := json.Unmarshal([]byte(changes), &p.Changes); err != nil {
		return fmt.Errorf("proposal %d changes: %w", p.ID, err)
	}
	return json.Unmarshal([]byte(before), &p.Before)
}

// ListProposals implements registry.ProposalStore.
func (db *DB) ListProposals(ctx context.Context, f registry.ProposalFilter) ([]registry.Proposal, error) {
	where, args := []string{"1=1"}, []any{}
	if f.Status != "" {
		where, args = append(where, "p.status = ?"), append(args, f.Status)
	}
	if f.BusinessID != 0 {
		where, args = append(where, "p.business_id = ?"), append(args, f.BusinessID)
	}
	if f.Regions != nil {
		var or []string
		for _, r := range f.Regions {
			or = append(or, "b.village_code = ? OR b.village_code LIKE ?")
			args = append(args, r, r+".%")
		}
		where = append(where, "("+strings.Join(or, " OR ")+")")
	}
	return queryRows(ctx, db.Reader(), "list proposals", []registry.Proposal{}, scanProposal,
		`SELECT `+proposalCols+` FROM business_proposals p JOIN businesses b ON b.id = p.business_id
		WHERE `+strings.Join(where, " AND ")+` ORDER BY p.proposed_at, p.id LIMIT 500`, args...)
}

// GetProposal implements registry.ProposalStore.
func (db *DB) GetProposal(ctx context.Context, id int64) (*registry.Proposal, error) {
	return queryOne(ctx, db.Reader(), apperr.New(apperr.NotFound, "Usulan tidak ditemukan"),
		fmt.Sprintf("get proposal %d", id), scanProposal, `SELECT `+proposalCols+` FROM business_proposals p
		JOIN businesses b ON b.id = p.business_id WHERE p.id = ?`, id)
}

// DecideProposal implements registry.ProposalStore.
func (db *DB) DecideProposal(ctx context.Context, p *registry.Proposal, pa *audit.Entry, b *registry.Business, ba *audit.Entry) error {
	var decided any
	if p.DecidedAt != nil {
		decided = db.Dialect.Time(*p.DecidedAt)
	}
	return db.Tx(ctx, func(q *Runner) error {
		res, err := q.Exec(ctx, `UPDATE business_proposals SET status = ?, decided_by = ?, decided_at = ?, reason = ?
			WHERE id = ? AND status = 'pending'`, p.Status, p.DecidedBy, decided, p.Reason, p.ID)
		if err != nil {
			return fmt.Errorf("decide proposal: %w", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.New(apperr.Conflict, "Usulan ini sudah diputuskan")
		}
		pa.EntityID = p.ID
		if err := q.InsertAudit(ctx, pa); err != nil {
			return err
		}
		return q.saveBusiness(ctx, b, ba)
	})
}
