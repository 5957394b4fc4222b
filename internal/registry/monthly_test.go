package registry

import "testing"

// A blank figure is not known (nil), never Rp0; a monthly revenue becomes
// the annual one × 12 with a note; both at once, or an absurd one, is a
// field error on monthly_revenue.
func TestMeasurementMoneyUnknownAndMonthly(t *testing.T) {
	cases := []struct {
		name      string
		m         Measurement
		wantField string
		revenue   *int64
		note      string
	}{
		{name: "capital only", m: Measurement{Capital: Known(50_000_000)}},
		{name: "nothing", m: Measurement{}, wantField: "annual_revenue"},
		{name: "monthly", m: Measurement{MonthlyRevenue: Known(12_500_000)}, revenue: Known(150_000_000),
			note: "Omzet per bulan Rp12.500.000 × 12"},
		{name: "both", m: Measurement{AnnualRevenue: Known(1), MonthlyRevenue: Known(1)}, wantField: "monthly_revenue", revenue: Known(1)},
		{name: "negative monthly", m: Measurement{MonthlyRevenue: Known(-1)}, wantField: "monthly_revenue"},
		{name: "huge monthly", m: Measurement{MonthlyRevenue: Known(MaxRupiah)}, wantField: "monthly_revenue"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := c.m
			m.Year, m.Source = 2025, SourceSelfReport
			f := m.fromMonthly()
			for k, v := range m.Validate(testNow) {
				f[k] = v
			}
			if c.wantField == "" && len(f) != 0 || c.wantField != "" && f[c.wantField] == "" {
				t.Fatalf("errors %v, want one on %q", f, c.wantField)
			}
			if c.revenue != nil && Amount(m.AnnualRevenue) != *c.revenue || c.revenue == nil && m.AnnualRevenue != nil {
				t.Errorf("annual revenue %v, want %v", m.AnnualRevenue, c.revenue)
			}
			if m.Note != c.note || m.MonthlyRevenue != nil {
				t.Errorf("note %q monthly %v", m.Note, m.MonthlyRevenue)
			}
			if c.name == "capital only" {
				m.Classify()
				if m.SizeBasis != BasisCapital || m.AnnualRevenue != nil {
					t.Errorf("capital only classed by %q, revenue %v", m.SizeBasis, m.AnnualRevenue)
				}
			}
		})
	}
}

// A profile's completeness counts what is filled and names what is missing.
func TestCompleteness(t *testing.T) {
	var empty Business
	if pct, missing := empty.Completeness(); pct != 0 || len(missing) != len(profileItems) {
		t.Errorf("empty profile: %d%% missing %v", pct, missing)
	}
	b := validBusiness()
	b.Normalize()
	pct, missing := b.Completeness()
	want := []string{"Alamat", "Merek", "Tenaga kerja", "Produk", "NIB", "Izin edar (P-IRT atau BPOM)", "Sertifikat halal"}
	if pct != 100*(len(profileItems)-len(want))/len(profileItems) || len(missing) != len(want) {
		t.Fatalf("%d%% missing %v, want %v", pct, missing, want)
	}
	for i := range want {
		if missing[i] != want[i] {
			t.Errorf("missing %v, want %v", missing, want)
		}
	}
}
