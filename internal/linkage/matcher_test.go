package linkage_test

import (
	"testing"

	"naikkelas/internal/linkage"
	"naikkelas/internal/linkage/linktest"
)

// TestMatcher: a generated list is split into a stored half and rows that
// arrive later; a row whose business is stored finds it (and no other) in
// most cases, a row of a business not stored rarely finds anything above
// the threshold, and the answer does not depend on the stored order.
func TestMatcher(t *testing.T) {
	d := linktest.Generate(4_000, 11)
	recs := businessRecords(d)
	stored := map[int]int{} // entity → stored records of it
	var set, rows []int
	for i := range recs {
		if i%2 == 0 {
			set = append(set, i)
			stored[d.Entity[i]]++
		} else {
			rows = append(rows, i)
		}
	}
	var in []linkage.Record
	entityOf := map[string]int{}
	for _, i := range set {
		in = append(in, recs[i])
		entityOf[recs[i].ID] = d.Entity[i]
	}
	m, err := linkage.NewMatcher(in, linkage.BusinessConfig())
	if err != nil {
		t.Fatal(err)
	}
	reversed := make([]linkage.Record, len(in))
	for i := range in {
		reversed[len(in)-1-i] = in[i]
	}
	mr, err := linkage.NewMatcher(reversed, linkage.BusinessConfig())
	if err != nil {
		t.Fatal(err)
	}
	var found, missed, wrong, falseAlarm, alone int
	for _, i := range rows {
		best, ok := m.Best(recs[i].Values)
		if other, ok2 := mr.Best(recs[i].Values); ok != ok2 || best.ID != other.ID || best.Probability != other.Probability {
			t.Fatalf("row %s: %+v with the set in order, %+v reversed", recs[i].ID, best, other)
		}
		linked := ok && best.Probability >= m.Threshold()
		switch {
		case stored[d.Entity[i]] == 0:
			alone++
			if linked {
				falseAlarm++
			}
		case !linked:
			missed++
		case entityOf[best.ID] != d.Entity[i]:
			wrong++
		default:
			found++
		}
	}
	withStored := found + missed + wrong
	t.Logf("%d rows: %d of %d with a stored twin found, %d missed, %d wrong; %d false alarms among %d without",
		len(rows), found, withStored, missed, wrong, falseAlarm, alone)
	if withStored == 0 || float64(found)/float64(withStored) < 0.85 {
		t.Errorf("found %d of %d rows whose business is stored", found, withStored)
	}
	if wrong > withStored/100 || falseAlarm > alone/50+1 {
		t.Errorf("%d wrong matches, %d false alarms", wrong, falseAlarm)
	}
	if _, ok := (&linkage.Matcher{}).Best(nil); ok {
		t.Error("an empty matcher matched")
	}
}
