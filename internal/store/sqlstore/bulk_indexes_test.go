package sqlstore

import "testing"

func TestIsUniqueIndex(t *testing.T) {
	for sql, want := range map[string]bool{
		"CREATE UNIQUE INDEX ux ON t (a)":     true,
		"create   unique\n index ux ON t (a)": true,
		"CREATE UNIQUE INDEX ux_businesses_nib ON t_1.businesses USING btree (nib) WHERE (nib <> ''::text)": true,
		"CREATE INDEX ix_unique ON t (a)":                                             false,
		"CREATE INDEX ix ON t (a) WHERE a <> ''":                                      false,
		"CREATE INDEX ix_businesses_search ON t_1.businesses USING gin (search_text)": false,
	} {
		if got := isUniqueIndex(sql); got != want {
			t.Errorf("isUniqueIndex(%q) = %v", sql, got)
		}
	}
}
