// Package audit describes the audit trail: who changed which record, when,
// and the fields before and after. Stores write an Entry in the same
// transaction as the change it records, so the trail cannot miss a change.
package audit

import (
	"context"
	"encoding/json"
	"time"
)

// Actions.
const (
	Create  = "create"
	Update  = "update"
	Archive = "archive"
)

// Entry is one audited change.
type Entry struct {
	ID       int64           `json:"id"`
	At       time.Time       `json:"at"`
	UserID   int64           `json:"user_id"`
	Username string          `json:"username"`
	Action   string          `json:"action"`
	Entity   string          `json:"entity"` // "business", "user", "program", …
	EntityID int64           `json:"entity_id"`
	Before   json.RawMessage `json:"before"` // changed fields before, or null
	After    json.RawMessage `json:"after"`  // changed fields after, or null
}

// Filter selects audit entries.
type Filter struct {
	Entity   string
	EntityID int64
	Page     int
	PerPage  int
}

// Store reads the audit log. Writes happen inside other stores' transactions.
type Store interface {
	// ListAudit returns entries newest first, and the total count.
	ListAudit(ctx context.Context, f Filter) ([]Entry, int, error)
	// AppendAudit writes a standalone entry (for changes with no other store write).
	AppendAudit(ctx context.Context, e *Entry) error
}

// Diff returns the fields of before and after (both JSON objects) that differ,
// as two JSON objects holding only those fields. Either side may be nil.
func Diff(before, after any) (json.RawMessage, json.RawMessage) {
	b, a := toMap(before), toMap(after)
	db, da := map[string]any{}, map[string]any{}
	for k, av := range a {
		bv, ok := b[k]
		if !ok || !jsonEqual(av, bv) {
			da[k] = av
			if ok {
				db[k] = bv
			}
		}
	}
	for k, bv := range b {
		if _, ok := a[k]; !ok {
			db[k] = bv
		}
	}
	for _, k := range []string{"version", "updated_at", "created_at"} {
		delete(db, k)
		delete(da, k)
	}
	return marshalOrNull(db, before == nil), marshalOrNull(da, after == nil)
}

func toMap(v any) map[string]any {
	if v == nil {
		return nil
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var m map[string]any
	_ = json.Unmarshal(raw, &m)
	return m
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func marshalOrNull(m map[string]any, null bool) json.RawMessage {
	if null {
		return json.RawMessage("null")
	}
	raw, _ := json.Marshal(m)
	return raw
}
