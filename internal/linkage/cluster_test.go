package linkage_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"naikkelas/internal/linkage"
	"naikkelas/internal/linkage/linktest"
)

// TestDeterministicUnderShuffle links the same records in three orders and
// expects the same cluster and probability for every ID.
func TestDeterministicUnderShuffle(t *testing.T) {
	recs := businessRecords(linktest.Generate(3000, 11))
	type outcome struct {
		cluster string
		p       float64
	}
	run := func(recs []linkage.Record) map[string]outcome {
		res, err := linkage.Link(recs, linkage.BusinessConfig())
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]outcome{}
		for i, r := range recs {
			out[r.ID] = outcome{res.Cluster[i], res.Probability[i]}
		}
		return out
	}
	want := run(recs)
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2 {
		shuffled := append([]linkage.Record(nil), recs...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		got := run(shuffled)
		for id, w := range want {
			g := got[id]
			if g.cluster != w.cluster || !(g.p == w.p || math.IsNaN(g.p) && math.IsNaN(w.p)) {
				t.Fatalf("record %s: %+v after shuffling, %+v before", id, g, w)
			}
		}
	}
}

// TestNoChaining: two businesses of one household in one desa, "Warung
// Berkah" (Enah) and "Bengkel Motor Oman" (her husband), share a phone.
// Each is listed twice. A third listing of the warung was filled in by Oman
// with his bengkel's NIB, which links it strongly to both businesses. That
// one record must not chain the warung and the bengkel into one cluster.
func TestNoChaining(t *testing.T) {
	b := []linkage.Business{
		{ID: "1", Name: "Warung Berkah", OwnerName: "Enah Suhaena", NIK: "3604154203750001", Phone: "081234567001", Place: "36.04.15.2001", Address: "Kp. Babakan RT 01/02"},
		{ID: "2", Name: "Warung Berkah Bu Enah", OwnerName: "Hj. Enah Suhaena", NIK: "3604154203750001", Place: "36.04.15.2001", Address: "Kp. Babakan"},
		{ID: "3", Name: "WARUNG BERKAH", OwnerName: "Oman Abdurahman", NIB: "9120301234567", Phone: "081234567001", Place: "36.04.15.2001"},
		{ID: "4", Name: "Bengkel Motor Oman", OwnerName: "Oman Abdurahman", NIK: "3604151105720002", NIB: "9120301234567", Phone: "081234567001", Place: "36.04.15.2001", Address: "Kp. Babakan RT 01/02"},
		{ID: "5", Name: "Bengkel Oman Jaya", OwnerName: "H. Oman Abdurahman", NIK: "3604151105720002", Phone: "0812 3456 7001", Place: "36.04.15.2001"},
	}
	recs := businessRecords(linktest.Data{Records: b})
	// Background records give EM something to tell matches from.
	bg := linktest.Generate(2000, 5)
	for i := range bg.Records {
		bg.Records[i].ID = "bg" + bg.Records[i].ID
	}
	recs = append(recs, businessRecords(bg)...)
	res, err := linkage.Link(recs, linkage.BusinessConfig())
	if err != nil {
		t.Fatal(err)
	}
	c := res.Cluster
	if c[0] != c[1] || c[3] != c[4] {
		t.Fatalf("true duplicates not linked: clusters %v", c[:5])
	}
	t.Logf("clusters %v, probabilities %v", c[:5], res.Probability[:5])
	if c[0] == c[3] {
		t.Fatalf("the two businesses were chained into one cluster: %v", c[:5])
	}
}
