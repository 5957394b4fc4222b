package sqlstore

import (
	"strings"
	"testing"
	"testing/fstest"
)

// typesOnly is a Dialect that answers only ColumnTypes.
type typesOnly struct {
	Dialect
	types ColumnTypes
}

func (d typesOnly) ColumnTypes() ColumnTypes { return d.types }

func TestMigrationsMergeSharedWithOwn(t *testing.T) {
	db := &DB{Dialect: typesOnly{types: ColumnTypes{ID: "ID_T", SerialID: "SERIAL_T", BigInt: "BIGINT_T",
		SmallInt: "SMALLINT_T", Bool: "BOOL_T", False: "FALSE_T", Float: "FLOAT_T", Bytes: "BYTES_T", Time: "TIME_T"}}}
	own := fstest.MapFS{
		"0001_registry.sql": {Data: []byte("CREATE TABLE a (id INTEGER);")},
		"0099_later.sql":    {Data: []byte("CREATE TABLE z (id INTEGER);")},
	}
	ms, err := db.migrations(own)
	if err != nil {
		t.Fatal(err)
	}
	if ms[0].Name != "0001_registry.sql" || ms[len(ms)-1].Name != "0099_later.sql" {
		t.Errorf("first %s, last %s: want the engine's own at both ends", ms[0].Name, ms[len(ms)-1].Name)
	}
	var programs string
	for i, m := range ms {
		if i > 0 && ms[i-1].Version >= m.Version {
			t.Errorf("%s after %s: not in order", m.Name, ms[i-1].Name)
		}
		if strings.Contains(m.SQL, "{{") {
			t.Errorf("%s still holds a template action", m.Name)
		}
		if m.Version == 3 {
			programs = m.SQL
		}
	}
	if !strings.Contains(programs, "id         ID_T,") || !strings.Contains(programs, "created_at TIME_T NOT NULL") {
		t.Errorf("0003 not written with the dialect's types:\n%s", programs)
	}

	own["0003_programs.sql"] = &fstest.MapFile{Data: []byte("SELECT 1;")}
	if _, err := db.migrations(own); err == nil || !strings.Contains(err.Error(), "bernomor sama") {
		t.Errorf("a number both shared and the engine's own: err = %v, want bernomor sama", err)
	}
}
