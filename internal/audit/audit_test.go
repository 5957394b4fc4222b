package audit

import "testing"

func TestDiffKeepsOnlyChangedFields(t *testing.T) {
	type rec struct {
		Name    string `json:"name"`
		Phone   string `json:"phone"`
		Version int    `json:"version"`
	}
	b, a := Diff(rec{"Warung Asep", "+6281", 1}, rec{"Warung Asep Jaya", "+6281", 2})
	if string(b) != `{"name":"Warung Asep"}` || string(a) != `{"name":"Warung Asep Jaya"}` {
		t.Fatalf("diff = %s → %s", b, a)
	}
	b, a = Diff(nil, rec{"X", "", 1})
	if string(b) != "null" || string(a) != `{"name":"X","phone":""}` {
		t.Fatalf("create diff = %s → %s", b, a)
	}
}
