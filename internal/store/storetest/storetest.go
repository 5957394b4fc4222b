// Package storetest is the one test suite every storage engine must pass.
// Engines call Run from their own tests with a function that opens a fresh,
// migrated, empty store per subtest. OpenSQLite and OpenPostgres open such
// stores for the tests of every package.
package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

// Opener returns a fresh, migrated, empty store; it registers its own cleanup.
type Opener func(t *testing.T) store.Store

// Run runs the whole suite against the engine that open returns.
func Run(t *testing.T, open Opener) {
	suites := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"CreateGet", testCreateGet},
		{"GetNotFound", testGetNotFound},
		{"UpdateVersion", testUpdateVersion},
		{"DuplicateNIB", testDuplicateNIB},
		{"CheckConstraint", testCheckConstraint},
		{"Archive", testArchive},
		{"Filters", testFilters},
		{"Scope", testScope},
		{"SortPaging", testSortPaging},
		{"Search", testSearch},
		{"SearchTypo", testSearchTypo},
		{"SearchArchived", testSearchArchived},
		{"SearchAfterEdit", testSearchAfterEdit},
		{"SearchMasked", testSearchMasked},
		{"SearchMaskedTwins", testSearchMaskedTwins},
		{"Each", testEach},
		{"Measurements", testMeasurements},
		{"UpdateMeasured", testUpdateMeasured},
		{"MeasurementUnknown", testMeasurementUnknown},
		{"Proposals", testProposals},
		{"Stats", testStats},
		{"Users", testUsers},
		{"TokensSessions", testTokensSessions},
		{"PartnerAccounts", testPartnerAccounts},
		{"Audit", testAudit},
		{"InsertBatch", testInsertBatch},
		{"InsertBatchAtomic", testInsertBatchAtomic},
		{"MigrateIdempotent", testMigrateIdempotent},
		{"Assessments", testAssessments},
		{"AssessmentFacts", testAssessmentFacts},
		{"AssessmentProgramFacts", testAssessmentProgramFacts},
		{"AssessmentFactsClassify", testAssessmentFactsClassify},
		{"Programs", testPrograms},
		{"ProgramApplications", testProgramApplications},
		{"ProgramRun", testProgramRun},
		{"PermitsFromFields", testPermitsFromFields},
		{"PermitsList", testPermitsList},
		{"HalalFacts", testHalalFacts},
		{"PermitCountsKept", testPermitCountsKept},
		{"DuplicateDismissals", testDuplicateDismissals},
		{"DuplicateQueue", testDuplicateQueue},
		{"FundingLedger", testFundingLedger},
		{"PlannerStore", testPlannerStore},
		{"Products", testProducts},
		{"RetailRequirements", testRetailRequirements},
		{"Capital", testCapital},
		{"Messages", testMessages},
		{"Curations", testCurations},
		{"Listings", testListings},
		{"MergeLinksSchema", testMergeLinksSchema},
		{"MergeUndo", testMergeUndo},
		{"MergeProgrammesSchema", testMergeProgrammesSchema},
		{"MergeProgrammes", testMergeProgrammes},
		{"MarketOutcomes", testMarketOutcomes},
		{"FindProducts", testFindProducts},
		{"YearClassesRandom", testYearClassesRandom},
		{"YearClassesStats", testYearClassesStats},
		{"Stocks", testStocks},
	}
	for _, sc := range suites {
		t.Run(sc.name, func(t *testing.T) {
			sc.fn(t, open(t))
		})
	}
}

// Serang villages used by the fixtures: two in Cikande, one in Kramatwatu.
const (
	cikande     = "36.04.15"
	cikandeA    = "36.04.15.2001"
	cikandeB    = "36.04.15.2002"
	kramatwatu  = "36.04.05"
	kramatwatuA = "36.04.05.2001"
	today       = "2026-06-01"
)

var ctx = context.Background()

// biz returns a valid active business in village with the given name.
func biz(name, village string) *registry.Business {
	return &registry.Business{
		Name: name, OwnerName: "Pemilik " + name, VillageCode: village, Sector: "C",
		OwnerGender: "L", HalalStatus: registry.HalalNone, Status: registry.StatusActive,
	}
}

// createAudit is the audit entry of a record of entity the test creates.
func createAudit(entity string) *audit.Entry {
	return &audit.Entry{Username: "uji", Action: audit.Create, Entity: entity}
}

// create stores b with an audit entry and fails the test on error.
func create(t *testing.T, s store.Store, b *registry.Business) *registry.Business {
	t.Helper()
	if b.SizeClass == "" && (b.AnnualRevenue > 0 || b.Capital > 0) {
		b.SizeClass, b.SizeBasis = registry.Classify(b.AnnualRevenue, b.Capital)
	}
	if err := s.CreateBusiness(ctx, b, nil, createAudit("business")); err != nil {
		t.Fatalf("CreateBusiness(%s): %v", b.Name, err)
	}
	return b
}

// wantCode fails unless err carries code.
func wantCode(t *testing.T, err error, code apperr.Code) {
	t.Helper()
	if !apperr.Is(err, code) {
		t.Fatalf("error = %v, want code %s", err, code)
	}
}

// names lists businesses' names in order.
func names(bs []registry.Business) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.Name
	}
	return out
}

// list runs ListBusinesses with defaults (page 1, 100 per page, fixed today).
func list(t *testing.T, s store.Store, f registry.Filter) ([]string, int) {
	t.Helper()
	if f.PerPage == 0 {
		f.PerPage = 100
	}
	if f.Today == "" {
		f.Today = today
	}
	bs, total, err := s.ListBusinesses(ctx, f)
	if err != nil {
		t.Fatalf("ListBusinesses(%+v): %v", f, err)
	}
	return names(bs), total
}

// sameNames compares name lists in order.
// listed checks that f lists exactly the businesses named want, in order,
// and counts as many.
func listed(t *testing.T, s store.Store, f registry.Filter, what string, want ...string) {
	t.Helper()
	got, total := list(t, s, f)
	sameNames(t, what, got, want...)
	if total != len(want) {
		t.Errorf("%s: total = %d, want %d", what, total, len(want))
	}
}

func sameNames(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}

func testMigrateIdempotent(t *testing.T, s store.Store) {
	if err := s.Migrate(ctx); err != nil {
		t.Fatalf("second Migrate: %v", err)
	}
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("Ping: %v", err)
	}
	if e := s.Engine(); e != "sqlite" && e != "postgres" {
		t.Errorf("Engine() = %q", e)
	}
}

func ptr(f float64) *float64 { return &f }

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}
