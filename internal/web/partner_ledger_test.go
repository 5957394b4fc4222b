package web

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"naikkelas/internal/auth"
	"naikkelas/internal/funding"
	"naikkelas/internal/pdftext"
)

// partnerLedgers holds, per fixture, a commitment of the mitra's partner
// ("a": Rp50.000.000 in 2026, Rp30.000.000 realised, Rp12.000.000 of it
// allocated to its running programme) and one of the other partner ("b").
var partnerLedgers builtOnce[*fixture, [2]int64]

func (f *fixture) partnerLedger() (mine, theirs int64) {
	ids := partnerLedgers.get(f, func() [2]int64 {
		program := f.stage("running@a")
		var ids [2]int64
		for i, key := range []string{"a", "b"} {
			ids[i] = f.realisedCommitment(f.partner[key], &funding.Commitment{Kind: funding.KindMoney, Amount: 50_000_000,
				Year: 2026, Reference: "PKS/" + key + "/2026"}, 30_000_000, "2026-02-10")
		}
		if _, err := f.srv.Funding.Allocate(context.Background(), auth.System, program,
			&funding.Allocation{CommitmentID: ids[0], Amount: 12_000_000}); err != nil {
			f.t.Fatal(err)
		}
		return ids
	})
	return ids[0], ids[1]
}

// ownCommitment builds a path for the mitra's partner's commitment (the
// row's in case) or the other partner's (out): {c} is the commitment.
func ownCommitment(format string) func(*fixture, int64, string) string {
	return func(f *fixture, id int64, _ string) string {
		mine, theirs := f.partnerLedger()
		if id != f.In.ID {
			mine = theirs
		}
		return strings.ReplaceAll(format, "{c}", itoa64(mine))
	}
}

func partnerLedgerMatrix() map[string]matrixCase {
	return map[string]matrixCase{
		"GET /api/v1/partner-commitments":      {path: ownCommitment("/api/v1/partner-commitments?year=2026"), want: mitraOnly(s200, s200)},
		"GET /api/v1/partner-commitments/{id}": {path: ownCommitment("/api/v1/partner-commitments/{c}"), want: mitraOnly(s200, s404)},
		"GET /api/v1/partner-impact.pdf":       {path: ownCommitment("/api/v1/partner-impact.pdf?year=2026"), want: mitraOnly(s200, s200)},
	}
}

// TestPartnerLedger: a funding mitra sees its own commitments with what
// was realised, allocated and is unspent, per year, on the API and the
// portal, and nothing of the other partner's.
func TestPartnerLedger(t *testing.T) {
	f := newFixture(t)
	mine, theirs := f.partnerLedger()
	w := f.do(request{Method: "GET", Path: "/api/v1/partner-commitments", Role: "mitra"})
	var led struct {
		Years []struct {
			Year                                    int
			Committed, Realised, Allocated, Unspent int64
		} `json:"years"`
		Commitments []struct {
			ID          int64 `json:"id"`
			Allocations []struct {
				ProgramName string `json:"program_name"`
				Amount      int64  `json:"amount"`
			} `json:"allocations"`
		} `json:"commitments"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &led); err != nil || w.Code != s200 {
		t.Fatalf("partner-commitments: %d %v %s", w.Code, err, w.Body)
	}
	if len(led.Years) != 1 || led.Years[0].Year != 2026 || led.Years[0].Committed != 50_000_000 || led.Years[0].Realised != 30_000_000 ||
		led.Years[0].Allocated != 12_000_000 || led.Years[0].Unspent != 18_000_000 {
		t.Errorf("years = %+v; want 2026: 50, 30, 12 and 18 million", led.Years)
	}
	if len(led.Commitments) != 1 || led.Commitments[0].ID != mine || len(led.Commitments[0].Allocations) != 1 ||
		led.Commitments[0].Allocations[0].ProgramName != "Program running@a" {
		t.Errorf("commitments = %+v; want only its own, allocated to its programme", led.Commitments)
	}
	if w := f.do(request{Method: "GET", Path: "/api/v1/partner-commitments/" + itoa64(theirs), Role: "mitra"}); w.Code != s404 {
		t.Errorf("the other partner's commitment: %d, want 404", w.Code)
	}
	if w := f.do(request{Method: "GET", Path: "/api/v1/partner-commitments?year=1999", Role: "mitra"}); w.Code != s422 {
		t.Errorf("year 1999: %d, want 422", w.Code)
	}
	page := f.do(request{Method: "GET", Path: "/portal", Role: "mitra"}).Body.String()
	for _, want := range []string{"Komitmen dan realisasi dana", "PKS/a/2026", "Rp50.000.000", "Rp18.000.000", "/api/v1/partner-impact.pdf"} {
		if !strings.Contains(page, want) {
			t.Errorf("portal lacks %q", want)
		}
	}
	if strings.Contains(page, "PKS/b/2026") {
		t.Error("portal shows the other partner's commitment")
	}
}

// TestPartnerImpactPDF reads the impact report's text for its figures.
func TestPartnerImpactPDF(t *testing.T) {
	f := newFixture(t)
	f.partnerLedger()
	w := f.do(request{Method: "GET", Path: "/api/v1/partner-impact.pdf?year=2026", Role: "mitra"})
	if w.Code != s200 || w.Header().Get("Content-Type") != "application/pdf" {
		t.Fatalf("impact pdf: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	text := pdftext.Text(w.Body.Bytes())
	for _, want := range []string{"Laporan Dampak Kemitraan", "Swalayan Daerah, tahun 2026", "Rp50.000.000", "Rp30.000.000 (60%)",
		"Rp12.000.000", "Rp18.000.000", "PKS/a/2026", "Program running@a", "Kecamatan peserta"} {
		if !strings.Contains(text, want) {
			t.Errorf("impact report lacks %q", want)
		}
	}
	for _, no := range []string{"PKS/b/2026", "Keripik Emping Bu Siti", "running@b"} {
		if strings.Contains(text, no) {
			t.Errorf("impact report holds %q", no)
		}
	}
}
