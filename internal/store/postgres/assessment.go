package postgres

import "naikkelas/internal/assessment"

// Assessments share their SQL with SQLite in
// sqlstore/assessment*.go; the schema is migrations/0004_assessments.sql.
var (
	_ assessment.Store        = (*Store)(nil)
	_ assessment.ProgramFacts = (*Store)(nil)
)
