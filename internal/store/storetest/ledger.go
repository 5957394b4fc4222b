package storetest

import (
	"testing"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

func measurement(id int64, year int, revenue int64, source string) *registry.Measurement {
	class, basis := registry.Classify(revenue, 0)
	return &registry.Measurement{BusinessID: id, Year: year, AnnualRevenue: registry.Known(revenue), Employees: year - 2020,
		Source: source, SizeClass: class, SizeBasis: basis, RecordedBy: "uji"}
}

func testMeasurements(t *testing.T, s store.Store) {
	b := biz("Kerupuk Ikan Tirtayasa", cikandeA)
	b.AnnualRevenue, b.SizeClass, b.SizeBasis = 900_000_000, registry.Mikro, registry.BasisRevenue
	m0 := measurement(0, 2024, 900_000_000, registry.SourceOfficerVerified)
	if err := s.CreateBusiness(ctx, b, m0, nil); err != nil {
		t.Fatalf("create: %v", err)
	}
	add := func(m *registry.Measurement, mirror bool) {
		t.Helper()
		a := &audit.Entry{Username: "uji", Action: audit.Create, Entity: "measurement"}
		if err := s.AddMeasurement(ctx, m, mirror, a); err != nil {
			t.Fatalf("AddMeasurement(%d): %v", m.Year, err)
		}
		if m.ID == 0 || m.CreatedAt.IsZero() || a.EntityID != b.ID {
			t.Fatalf("AddMeasurement did not set ids: %+v audit %d", m, a.EntityID)
		}
	}
	check := func(what string, revenue int64, class string, version int64) {
		t.Helper()
		got, err := s.GetBusiness(ctx, b.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.AnnualRevenue != revenue || got.SizeClass != class || got.Version != version {
			t.Errorf("%s: business revenue %d class %q version %d; want %d %q %d",
				what, got.AnnualRevenue, got.SizeClass, got.Version, revenue, class, version)
		}
	}
	// A newer, mirrored measurement moves the business up a class.
	add(measurement(b.ID, 2025, 3_000_000_000, registry.SourceOfficerVerified), true)
	check("newer mirrored", 3_000_000_000, registry.Kecil, 2)
	// The same year again, mirrored: not older than any entry, so it mirrors.
	add(measurement(b.ID, 2025, 2_500_000_000, registry.SourceOfficerVerified), true)
	check("same year mirrored", 2_500_000_000, registry.Kecil, 3)
	// An older entry goes into the ledger only.
	add(measurement(b.ID, 2023, 100_000_000, registry.SourceOfficerVerified), true)
	check("older", 2_500_000_000, registry.Kecil, 3)
	// A self-report (mirror=false) never changes the business.
	add(measurement(b.ID, 2026, 20_000_000_000, registry.SourceSelfReport), false)
	check("not mirrored", 2_500_000_000, registry.Kecil, 3)

	ms, err := s.ListMeasurements(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	var years []int
	for _, m := range ms {
		years = append(years, m.Year)
	}
	if len(years) != 5 || years[0] != 2023 || years[1] != 2024 || years[4] != 2026 || ms[4].Source != registry.SourceSelfReport {
		t.Errorf("ledger years = %v (oldest first expected), last source %q", years, ms[len(ms)-1].Source)
	}
	if registry.Amount(ms[2].AnnualRevenue) != 3_000_000_000 || registry.Amount(ms[3].AnnualRevenue) != 2_500_000_000 {
		t.Errorf("entries of one year must keep insertion order: %+v", ms[2:4])
	}
	err = s.AddMeasurement(ctx, measurement(424242, 2025, 1, registry.SourceSelfReport), true, nil)
	wantCode(t, err, apperr.NotFound)
	if ms, err := s.ListMeasurements(ctx, 424242); err != nil || len(ms) != 0 {
		t.Errorf("ledger of absent business = %v, %v", ms, err)
	}
	bad := measurement(b.ID, 2025, -5, registry.SourceSelfReport)
	wantCode(t, s.AddMeasurement(ctx, bad, true, nil), apperr.Invalid)
	if _, total, _ := s.ListAudit(ctx, audit.Filter{Entity: "measurement"}); total != 4 {
		t.Errorf("measurement audit entries = %d, want 4", total)
	}
}

// An edit that changes money saves the fields, the new measurement and both
// audit entries together; a stale version saves none of them.
func testUpdateMeasured(t *testing.T, s store.Store) {
	b := biz("Gula Aren Cikande", cikandeA)
	b.AnnualRevenue, b.SizeClass, b.SizeBasis = 500_000_000, registry.Mikro, registry.BasisRevenue
	if err := s.CreateBusiness(ctx, b, measurement(0, 2024, 500_000_000, registry.SourceOfficerVerified), nil); err != nil {
		t.Fatal(err)
	}
	stale := *b
	b.Address = "Jl. Raya Cikande No. 1"
	ua := &audit.Entry{Username: "uji", Action: audit.Update, Entity: "business"}
	ma := &audit.Entry{Username: "uji", Action: audit.Create, Entity: "measurement"}
	if err := s.UpdateMeasured(ctx, b, ua, measurement(0, 2025, 4_000_000_000, registry.SourceOfficerVerified), ma); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetBusiness(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Address != b.Address || got.AnnualRevenue != 4_000_000_000 || got.SizeClass != registry.Kecil || got.Version != 3 {
		t.Fatalf("after UpdateMeasured: %+v", got)
	}
	if ua.EntityID != b.ID || ma.EntityID != b.ID {
		t.Fatalf("audit entity ids %d %d, want %d", ua.EntityID, ma.EntityID, b.ID)
	}
	stale.Address = "tidak tersimpan"
	err = s.UpdateMeasured(ctx, &stale, nil, measurement(0, 2025, 60_000_000_000, registry.SourceOfficerVerified), nil)
	if apperr.CodeOf(err) != apperr.Conflict {
		t.Fatalf("stale UpdateMeasured = %v, want Conflict", err)
	}
	ms, err := s.ListMeasurements(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 {
		t.Fatalf("ledger has %d entries after a refused edit, want 2", len(ms))
	}
}

// A figure nobody gave is stored as NULL and read back as not known (nil),
// never as Rp0; a known zero stays a zero; the note travels with the entry.
// A mirrored entry without capital leaves the business's capital 0, which
// on a business means "not known".
func testMeasurementUnknown(t *testing.T, s store.Store) {
	b := create(t, s, biz("Gipang Pontang", cikandeA))
	m := &registry.Measurement{BusinessID: b.ID, Year: 2025, AnnualRevenue: registry.Known(240_000_000),
		Source: registry.SourceOfficerVerified, Note: registry.MonthlyNote(20_000_000)}
	m.Classify()
	if err := s.AddMeasurement(ctx, m, true, nil); err != nil {
		t.Fatal(err)
	}
	zero := &registry.Measurement{BusinessID: b.ID, Year: 2024, Capital: registry.Known(0),
		AnnualRevenue: registry.Known(1_000_000), Source: registry.SourceSelfReport}
	if err := s.AddMeasurement(ctx, zero, false, nil); err != nil {
		t.Fatal(err)
	}
	ms, err := s.ListMeasurements(ctx, b.ID)
	if err != nil || len(ms) != 2 {
		t.Fatalf("ledger = %+v, %v", ms, err)
	}
	if ms[0].Capital == nil || *ms[0].Capital != 0 {
		t.Errorf("a known zero capital came back as %v", ms[0].Capital)
	}
	got := ms[1]
	if got.Capital != nil {
		t.Errorf("blank capital stored as %d, want NULL", *got.Capital)
	}
	if registry.Amount(got.AnnualRevenue) != 240_000_000 || got.Note != "Omzet per bulan Rp20.000.000 × 12" {
		t.Errorf("revenue %v note %q", got.AnnualRevenue, got.Note)
	}
	bz, err := s.GetBusiness(ctx, b.ID)
	if err != nil || bz.AnnualRevenue != 240_000_000 || bz.Capital != 0 || bz.SizeClass != registry.Mikro {
		t.Errorf("mirrored business = %+v, %v", bz, err)
	}
}
