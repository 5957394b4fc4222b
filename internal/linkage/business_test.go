package linkage_test

import (
	"testing"

	"naikkelas/internal/linkage"
	"naikkelas/internal/linkage/linktest"
)

func businessRecords(d linktest.Data) []linkage.Record {
	recs := make([]linkage.Record, len(d.Records))
	for i, b := range d.Records {
		recs[i] = linkage.Record{ID: b.ID, Values: b.Values()}
	}
	return recs
}

// TestBusinessesGenerated links a generated list of 20,000 businesses with
// the office's configuration and checks the pairwise F1 against the truth.
func TestBusinessesGenerated(t *testing.T) {
	d := linktest.Generate(20_000, 7)
	res, err := linkage.Link(businessRecords(d), linkage.BusinessConfig())
	if err != nil {
		t.Fatal(err)
	}
	p, r, f1 := linktest.F1(res.Cluster, d.Entity)
	t.Logf("%d records, %d candidates, %d clusters: precision %.4f recall %.4f F1 %.4f", len(d.Records), res.Candidates, res.Clusters, p, r, f1)
	if f1 < 0.95 {
		t.Errorf("F1 %.4f, want ≥ 0.95", f1)
	}
}
