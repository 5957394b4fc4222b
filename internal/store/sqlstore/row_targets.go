package sqlstore

import (
	"strings"

	"naikkelas/internal/registry"
)

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
	// DuplicateQueueTarget: a pair an import queued for the duplicate review.
	DuplicateQueueTarget = RowTarget{"duplicate_queue", []string{"business_a", "business_b", "probability", "import_id"}}
	// ProductTarget: the records of a new business's embedded product list (ProductRows).
	ProductTarget = RowTarget{"products", []string{"business_id", "name", "category", "price", "created_at", "updated_at"}}
)

// ProductRows returns the product records of a business being inserted by a
// bulk path, one per entry of its product list, in order.
func ProductRows(d Dialect, b *registry.Business) [][]any {
	var rows [][]any
	for _, p := range b.Products {
		if strings.TrimSpace(p.Name) == "" {
			continue
		}
		rows = append(rows, []any{b.ID, strings.TrimSpace(p.Name), p.Category, p.Price, d.Time(b.CreatedAt), d.Time(b.UpdatedAt)})
	}
	return rows
}

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
