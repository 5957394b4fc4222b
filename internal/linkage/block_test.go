package linkage_test

import (
	"strconv"
	"testing"

	"naikkelas/internal/linkage"
)

// TestRuleMaxBlock: a rule's own MaxBlock turns its large block into a
// sorted neighbourhood (each record with its next MaxBlock records) while
// another rule's block of the same size is compared in full.
func TestRuleMaxBlock(t *testing.T) {
	recs := make([]linkage.Record, 10)
	for i := range recs {
		recs[i] = linkage.Record{ID: strconv.Itoa(i + 1), Values: []string{"Siti Aminah " + strconv.Itoa(i), "x"}}
	}
	fields := []linkage.Field{{Name: "nama", Kind: linkage.Name}, {Name: "kota", Kind: linkage.Exact}}
	byTown := func(v []string) string { return v[1] }
	for _, c := range []struct {
		maxBlock, want int
	}{{0, 45}, {2, 17}} {
		cfg := linkage.Config{Fields: fields, Blocks: []linkage.BlockRule{{Name: "kota", Key: byTown, MaxBlock: c.maxBlock}}}
		res, err := linkage.Link(recs, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if res.Candidates != c.want {
			t.Errorf("rule MaxBlock %d: %d candidate pairs, want %d", c.maxBlock, res.Candidates, c.want)
		}
	}
}
