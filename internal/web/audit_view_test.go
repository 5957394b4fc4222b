package web

import (
	"encoding/json"
	"testing"

	"naikkelas/internal/audit"
)

// An entry names the programme and business it concerns, and a record
// number is a number (#9251), not a count (9.251).
func TestAuditRowNamesItsRecords(t *testing.T) {
	for _, tc := range []struct {
		entry                audit.Entry
		program, business    int64
		field, before, after string
	}{
		{audit.Entry{Entity: "selection", EntityID: 7, Action: audit.Update,
			Before: json.RawMessage(`{"withdrawn":0}`), After: json.RawMessage(`{"withdrawn":9251}`)},
			7, 9251, "Usaha yang mengundurkan diri", "—", "Keripik Bu Ela"},
		{audit.Entry{Entity: "application", EntityID: 6231, Action: audit.Create, Before: json.RawMessage(`null`),
			After: json.RawMessage(`{"business_id":9251,"program_id":7,"status":"applied","reason":""}`)},
			7, 9251, "Program", "", "Pelatihan Kemasan"},
		{audit.Entry{Entity: "halal_quota", EntityID: 1, Action: "allocate", Before: json.RawMessage(`null`),
			After: json.RawMessage(`{"business_ids":[1328,2542]}`)},
			0, 0, "Usaha", "", "#1328; #2542"},
	} {
		row := newAuditRow(tc.entry)
		if row.ProgramID != tc.program || row.BusinessID != tc.business {
			t.Errorf("%s: programme %d, business %d; want %d, %d", tc.entry.Entity, row.ProgramID, row.BusinessID, tc.program, tc.business)
		}
		row.named("Pelatihan Kemasan", "Keripik Bu Ela")
		found := false
		for _, c := range row.Changes {
			if c.Field == tc.field {
				found = true
				if c.Before != tc.before || c.After != tc.after {
					t.Errorf("%s %s: %q → %q, want %q → %q", tc.entry.Entity, c.Field, c.Before, c.After, tc.before, tc.after)
				}
			}
		}
		if !found {
			t.Errorf("%s: no field %q in %+v", tc.entry.Entity, tc.field, row.Changes)
		}
	}
}
