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

// TestRuleOrder: in a block larger than MaxBlock, the rule's Order decides
// which records are neighbours. Ten records of one town, two of them the
// same person listed with another number: in name order they are apart
// (MaxBlock 1 pairs each record with the next only), in the order of the
// second field they are side by side.
func TestRuleOrder(t *testing.T) {
	names := []string{"Ai", "Budi", "Cecep", "Dadang", "Enah", "Fatimah", "Gilang", "Hasan", "Iis", "Jajang"}
	recs := make([]linkage.Record, len(names))
	for i, n := range names {
		recs[i] = linkage.Record{ID: strconv.Itoa(i + 1), Values: []string{n, "x", strconv.Itoa(i)}}
	}
	recs[1].Values[2], recs[8].Values[2] = "77", "77" // Budi and Iis share the second field
	fields := []linkage.Field{{Name: "nama", Kind: linkage.Name}, {Name: "kota", Kind: linkage.Exact}, {Name: "kode", Kind: linkage.Exact}}
	byTown := func(v []string) string { return v[1] }
	byCode := func(v []string) string { return v[2] }
	paired := func(order func([]string) string) bool {
		cfg := linkage.Config{Fields: fields, Blocks: []linkage.BlockRule{{Name: "kota", Key: byTown, MaxBlock: 1, Order: order}}}
		res, err := linkage.Link(recs, cfg)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		res.Pairs(0, func(p linkage.Pair) error {
			found = found || (p.A == 1 && p.B == 8) || (p.A == 8 && p.B == 1)
			return nil
		})
		return found
	}
	if paired(nil) {
		t.Errorf("in name order, records 2 and 9 should not be neighbours")
	}
	if !paired(byCode) {
		t.Errorf("in the order of the second field, records 2 and 9 should be neighbours")
	}
}
