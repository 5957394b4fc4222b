package sqlstore

import (
	"context"
	"fmt"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/planner"
	"naikkelas/internal/registry"
)

// TrainedInGroup implements planner.Store.
func (db *DB) TrainedInGroup(ctx context.Context, f registry.Filter) (map[string]int, error) {
	q := db.Reader()
	f.Archived = false
	w, err := BusinessWhere(ctx, q, f)
	if err != nil {
		return nil, err
	}
	return QueryMap[string, int](ctx, q, "trained in group", `SELECT b.district_code, COUNT(*) FROM businesses b WHERE `+w.SQL()+
		` AND EXISTS (SELECT 1 FROM applications a WHERE a.business_id = b.id AND a.status = 'completed')
		GROUP BY b.district_code`, w.Args...)
}

// CreateScenario implements planner.Store.
func (db *DB) CreateScenario(ctx context.Context, sc *planner.Scenario, a *audit.Entry) error {
	now := Now()
	return db.Tx(ctx, func(q *Runner) error {
		id, err := q.InsertID(ctx, `INSERT INTO coverage_scenarios (name, cost_per_participant, cohort_size, extra_per_year,
			target_group, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, sc.Name, sc.CostPerParticipant, sc.CohortSize,
			sc.ExtraPerYear, sc.Group, sc.CreatedBy, q.Dialect.Time(now))
		if err != nil {
			return fmt.Errorf("insert scenario: %w", err)
		}
		sc.ID, sc.CreatedAt, a.EntityID = id, now, id
		return q.InsertAudit(ctx, a)
	})
}

// ListScenarios implements planner.Store.
func (db *DB) ListScenarios(ctx context.Context) ([]planner.Scenario, error) {
	return queryRows(ctx, db.Reader(), "list scenarios", []planner.Scenario{}, scanScenario,
		`SELECT id, name, cost_per_participant, cohort_size, extra_per_year, target_group,
		created_by, created_at FROM coverage_scenarios ORDER BY id`)
}

// DeleteScenario implements planner.Store.
func (db *DB) DeleteScenario(ctx context.Context, id int64, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		res, err := q.Exec(ctx, `DELETE FROM coverage_scenarios WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete scenario: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.New(apperr.NotFound, "Skenario tidak ditemukan")
		}
		return q.InsertAudit(ctx, a)
	})
}

func scanScenario(s Scanner, sc *planner.Scenario) error {
	return s.Scan(&sc.ID, &sc.Name, &sc.CostPerParticipant, &sc.CohortSize, &sc.ExtraPerYear, &sc.Group,
		&sc.CreatedBy, ScanTime(&sc.CreatedAt))
}
