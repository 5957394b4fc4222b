package sqlstore

import "strings"

// RowTarget is a table and the columns of the rows that bulk paths write
// to it: multi-row INSERTs (InsertHead) on both engines, COPY on
// PostgreSQL. The values come from BusinessArgs (after the id),
// MeasurementArgs and AuditArgs, in this order.
type RowTarget struct {
	Table string
	Cols  []string
}

var (
	// BusinessTarget: the id, reserved beforehand, then InsertBusinessSQL's columns.
	BusinessTarget    = RowTarget{"businesses", append([]string{"id"}, insertColumns(InsertBusinessSQL)...)}
	MeasurementTarget = RowTarget{"measurements", insertColumns(InsertMeasurementSQL)}
	AuditTarget       = RowTarget{"audit_log", []string{"at", "user_id", "username", "action", "entity", "entity_id",
		"before_json", "after_json"}}
	ImportLinkTarget = RowTarget{"import_businesses", []string{"import_id", "business_id", "action"}}
)

// InsertHead returns "INSERT INTO table (cols) VALUES ".
func (t RowTarget) InsertHead() string {
	return "INSERT INTO " + t.Table + " (" + strings.Join(t.Cols, ", ") + ") VALUES "
}

// insertColumns returns the column list of "INSERT INTO t (a, b) …", so
// that a statement and its targets cannot disagree.
func insertColumns(insert string) []string {
	open, end := strings.Index(insert, "("), strings.Index(insert, ")")
	var cols []string
	for _, c := range strings.Split(insert[open+1:end], ",") {
		cols = append(cols, strings.TrimSpace(c))
	}
	return cols
}
