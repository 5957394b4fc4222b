package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"

	"naikkelas/internal/audit"
	"naikkelas/internal/idfmt"
)

// auditRow is one audit entry as the audit page shows it: what changed,
// named in Indonesian, with each field's value before and after in words.
type auditRow struct {
	audit.Entry
	What    string // "Usaha", "Pendaftaran program", …
	Link    string // page of the changed record, "" when it has none
	Note    string // a line that explains the entry, e.g. "dibuat oleh impor #12, baris 7"
	Changes []auditChange
	// the programme and the business the entry concerns (0: none), named
	// by auditList so that "Pendaftaran program" says which and whose
	ProgramID, BusinessID     int64
	ProgramName, BusinessName string
}

// auditChange is one field of an entry.
type auditChange struct {
	Field, Before, After string
	Identifier           bool // a number that names something (NIB, P-IRT, barcode): written as is
	key                  string
}

// byBusiness are the records whose audit entries are numbered by their business.
var byBusiness = map[string]bool{"business": true, "attendance": true, "test_scores": true, "certificate": true,
	"measurement": true, "halal_profile": true}

// newAuditRow reads an entry for the page.
func newAuditRow(e audit.Entry) auditRow {
	row := auditRow{Entry: e, What: entityLabels[e.Entity]}
	if row.What == "" {
		row.What = strings.ReplaceAll(e.Entity, "_", " ")
	}
	before, after := jsonObject(e.Before), jsonObject(e.After)
	row.ProgramID, row.BusinessID = idIn(after, "program_id"), max(idIn(after, "business_id"), idIn(after, "withdrawn"))
	switch {
	case e.Entity == "program" || e.Entity == "selection":
		row.ProgramID = e.EntityID
	case byBusiness[e.Entity]:
		row.BusinessID = e.EntityID
	}
	switch e.Entity {
	case "business":
		row.Link = fmt.Sprintf("/usaha/%d", e.EntityID)
	case "program", "selection":
		row.Link = fmt.Sprintf("/program/%d", e.EntityID)
	}
	if row.Link == "" { // a programme's record of one business: its programme, else the business
		if id, ok := after["program_id"].(float64); ok {
			row.Link = fmt.Sprintf("/program/%d", int64(id))
		} else if id, ok := after["business_id"].(float64); ok {
			row.Link = fmt.Sprintf("/usaha/%d", int64(id))
		}
	}
	// an imported creation is recorded by reference to its import and row
	if id, ok := after["import_id"].(float64); ok && len(after) <= 2 {
		row.Note = fmt.Sprintf("dibuat oleh impor #%d", int64(id))
		if r, ok := after["row"].(float64); ok {
			row.Note += fmt.Sprintf(", baris %d", int64(r))
		}
		return row
	}
	keys := map[string]bool{}
	for k := range before {
		keys[k] = !bookkeepingFields[k]
	}
	for k := range after {
		keys[k] = !bookkeepingFields[k]
	}
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		if !keys[k] {
			continue
		}
		c := auditChange{Field: fieldLabel(k), Before: "—", After: "—", key: k, Identifier: identifierFields[k]}
		if v, ok := before[k]; ok {
			c.Before = auditValue(e.Entity, k, v)
		}
		if v, ok := after[k]; ok {
			c.After = auditValue(e.Entity, k, v)
		}
		if before == nil {
			c.Before = ""
		}
		row.Changes = append(row.Changes, c)
	}
	return row
}

// idIn is the record number held under key, 0 when there is none.
func idIn(m map[string]any, key string) int64 {
	if id, ok := m[key].(float64); ok {
		return int64(id)
	}
	return 0
}

// named puts the names of the entry's programme and business beside their
// numbers, and in the fields that hold those numbers.
func (r *auditRow) named(programName, businessName string) {
	r.ProgramName, r.BusinessName = programName, businessName
	for i, c := range r.Changes {
		switch {
		case c.key == "program_id" && programName != "":
			r.Changes[i].After = programName
		case (c.key == "business_id" || c.key == "withdrawn") && businessName != "":
			r.Changes[i].After = businessName
		}
	}
}

// jsonObject reads a JSON object; null or anything else is nil.
func jsonObject(raw json.RawMessage) map[string]any {
	var m map[string]any
	d := json.NewDecoder(bytes.NewReader(raw))
	if d.Decode(&m) != nil {
		return nil
	}
	return m
}

var (
	isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	isoTime = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T`)
)

// auditValue writes one field's value in words: labels for codes, rupiah
// for money, Indonesian dates and numbers, "—" for nothing.
func auditValue(entity, key string, v any) string {
	switch x := v.(type) {
	case nil:
		return "—"
	case bool:
		if x {
			return "ya"
		}
		return "tidak"
	case float64:
		switch {
		case moneyFields[key]:
			return idfmt.Rupiah(int64(x))
		case idField(key) && x == 0:
			return "—" // no record
		case idField(key):
			return fmt.Sprintf("#%d", int64(x))
		case key == "year" || key == "founded_year" || key == "seed":
			return fmt.Sprintf("%d", int64(x))
		}
		return idfmt.Decimal(x, 2)
	case string:
		if x == "" {
			return "—"
		}
		if key == "status" {
			if f, ok := statusLabels[entity]; ok {
				return f(x)
			}
		}
		if f, ok := codeLabels[key]; ok {
			if l := f(x); l != "" {
				return l
			}
		}
		if isoDate.MatchString(x) {
			return idfmt.DateString(x)
		}
		if isoTime.MatchString(x) {
			if t, err := time.Parse(time.RFC3339Nano, x); err == nil {
				return idfmt.DateTime(t)
			}
		}
		return x
	case []any:
		if len(x) == 0 {
			return "—"
		}
		parts := make([]string, len(x))
		for i, item := range x {
			if m, ok := item.(map[string]any); ok {
				parts[i] = auditObject(entity, m)
				continue
			}
			parts[i] = auditValue(entity, key, item)
		}
		return strings.Join(parts, "; ")
	case map[string]any:
		return auditObject(entity, x)
	}
	return fmt.Sprint(v)
}

// auditObject writes a nested record: its name when it has one (a product),
// else its fields.
func auditObject(entity string, m map[string]any) string {
	if name, ok := m["name"].(string); ok && name != "" {
		return name
	}
	parts := make([]string, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, fieldLabel(k)+" "+auditValue(entity, k, m[k]))
	}
	return strings.Join(parts, ", ")
}

// ActionLabel is what was done, in Indonesian.
func (r auditRow) ActionLabel() string {
	if l, ok := actionLabels[r.Action]; ok {
		return l
	}
	return r.Action
}
