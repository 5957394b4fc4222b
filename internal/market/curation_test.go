package market

import (
	"slices"
	"testing"
)

func TestPreCheckReasons(t *testing.T) {
	all := &Requirements{Halal: true, PIRTOrBPOM: true, Barcode: true, MinShelfLifeDays: 90, MinMonthlySupply: 1500,
		MinLabelScore: 80, Brand: true}
	score := func(n int) *int { return &n }
	ready := func() *Candidate {
		return &Candidate{Brand: "Emping Bu Siti", MonthlySupply: 2000, LabelScore: score(85), Product: &Product{
			HalalNumber: "ID36110000123450124", HalalVerified: true, PIRTNumber: "2063604010112", PIRTVerified: true,
			Barcode: "4006381333931", ShelfLifeDays: 180}}
	}
	cases := []struct {
		name   string
		req    *Requirements
		change func(c *Candidate)
		want   []string
	}{
		{"meets all", all, func(*Candidate) {}, []string{}},
		{"no requirements", nil, func(c *Candidate) { c.Product = &Product{} }, []string{}},
		{"no halal", all, func(c *Candidate) { c.Product.HalalNumber, c.Product.HalalVerified = "", false },
			[]string{"belum ada sertifikat halal"}},
		{"halal unverified", all, func(c *Candidate) { c.Product.HalalVerified = false },
			[]string{"sertifikat halal belum diverifikasi petugas"}},
		{"no permit", all, func(c *Candidate) { c.Product.PIRTNumber = "" }, []string{"belum ada P-IRT atau BPOM MD"}},
		{"BPOM instead of P-IRT", all, func(c *Candidate) {
			c.Product.PIRTNumber, c.Product.BPOMNumber, c.Product.BPOMVerified = "", "MD 224510001234", true
		}, []string{}},
		{"permit unverified", all, func(c *Candidate) { c.Product.PIRTVerified = false },
			[]string{"nomor P-IRT/BPOM belum diverifikasi petugas"}},
		{"no barcode", all, func(c *Candidate) { c.Product.Barcode = "" }, []string{"belum ada barcode EAN-8/EAN-13"}},
		{"no brand", all, func(c *Candidate) { c.Brand = " " }, []string{"belum ada merek"}},
		{"short shelf life", all, func(c *Candidate) { c.Product.ShelfLifeDays = 30 }, []string{"umur simpan 30 hari < 90 hari"}},
		{"shelf life unknown", all, func(c *Candidate) { c.Product.ShelfLifeDays = 0 },
			[]string{"umur simpan belum diisi (minimal 90 hari)"}},
		{"shelf life exactly", all, func(c *Candidate) { c.Product.ShelfLifeDays = 90 }, []string{}},
		{"small supply", all, func(c *Candidate) { c.MonthlySupply = 200 }, []string{"pasokan 200 unit/bulan < 1.500 unit/bulan"}},
		{"supply unknown", all, func(c *Candidate) { c.MonthlySupply = 0 },
			[]string{"pasokan per bulan belum diketahui (minimal 1.500 unit)"}},
		{"label never checked", all, func(c *Candidate) { c.LabelScore = nil }, []string{"label belum diperiksa (skor minimal 80)"}},
		{"label score low", all, func(c *Candidate) { c.LabelScore = score(65) }, []string{"skor label 65 < 80"}},
		{"only what is asked", &Requirements{Barcode: true}, func(c *Candidate) {
			c.Product.HalalNumber, c.Product.ShelfLifeDays, c.Brand, c.LabelScore = "", 1, "", nil
		}, []string{}},
		{"every reason, catalogue order", all, func(c *Candidate) {
			*c = Candidate{Product: &Product{ShelfLifeDays: 30}, MonthlySupply: 10, LabelScore: score(40)}
		}, []string{"belum ada sertifikat halal", "belum ada P-IRT atau BPOM MD", "belum ada barcode EAN-8/EAN-13",
			"belum ada merek", "umur simpan 30 hari < 90 hari", "pasokan 10 unit/bulan < 1.500 unit/bulan", "skor label 40 < 80"}},
	}
	for _, tc := range cases {
		c := ready()
		tc.change(c)
		if got := tc.req.Unmet(c); !slices.Equal(got, tc.want) {
			t.Errorf("%s: Unmet = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestDecisionValidate(t *testing.T) {
	cases := []struct {
		in        Decision
		badField  string
		wantFixes int
	}{
		{Decision{Decision: DecisionPass}, "", 0},
		{Decision{Decision: DecisionPass, Fixes: []string{"dibuang"}}, "", 0},
		{Decision{Decision: DecisionFix, Fixes: []string{"Urus P-IRT", "  ", "Cetak barcode"}}, "", 2},
		{Decision{Decision: DecisionFix, Fixes: []string{" "}}, "fixes", 0},
		{Decision{Decision: DecisionFail, Note: "Rasa terlalu asin"}, "", 0},
		{Decision{Decision: "diterima"}, "decision", 0},
		{Decision{}, "decision", 0},
	}
	for _, tc := range cases {
		d := tc.in
		bad := d.Validate()
		if tc.badField == "" && len(bad) > 0 || tc.badField != "" && bad[tc.badField] == "" {
			t.Errorf("%+v: Validate = %v, want a message for %q", tc.in, bad, tc.badField)
		}
		if tc.badField == "" && len(d.Fixes) != tc.wantFixes {
			t.Errorf("%+v: fixes after Validate = %q, want %d", tc.in, d.Fixes, tc.wantFixes)
		}
	}
}

func TestCurationValidate(t *testing.T) {
	ok := Curation{PartnerID: 1, HeldOn: "2026-03-12", Place: "Aula Dinas", Capacity: 30}
	if bad := ok.Validate(); len(bad) > 0 {
		t.Fatalf("valid round: %v", bad)
	}
	for field, c := range map[string]Curation{
		"partner_id": {HeldOn: "2026-03-12", Place: "Aula", Capacity: 1},
		"held_on":    {PartnerID: 1, HeldOn: "12/03/2026", Place: "Aula", Capacity: 1},
		"place":      {PartnerID: 1, HeldOn: "2026-03-12", Place: "  ", Capacity: 1},
		"capacity":   {PartnerID: 1, HeldOn: "2026-03-12", Place: "Aula", Capacity: 0},
	} {
		if bad := c.Validate(); bad[field] == "" {
			t.Errorf("%+v: no message for %s (%v)", c, field, bad)
		}
	}
}
