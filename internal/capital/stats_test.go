package capital

import (
	"testing"
	"time"
)

// TestBuildStats counts a need once per step however many banks it went
// to, averages the days between steps, and splits trained from untrained.
func TestBuildStats(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 10, d, 3, 0, 0, 0, time.UTC) }
	f := &Facts{
		Needs: []NeedFact{
			{ID: 1, BusinessID: 10, DistrictCode: "36.04.15", Amount: 50_000_000, RecordedAt: day(1)},
			{ID: 2, BusinessID: 20, DistrictCode: "36.04.05", Amount: 5_000_000, RecordedAt: day(1)},
			{ID: 3, BusinessID: 20, DistrictCode: "36.04.05", Amount: 7_000_000, RecordedAt: day(2)},
		},
		Referrals: []ReferralFact{
			{NeedID: 1, Status: StatusDisbursed, ReferredAt: day(3), DecidedAt: day(13), ApprovedAmount: 40_000_000,
				DisbursedOn: "2026-10-20", DisbursedAmount: 40_000_000},
			{NeedID: 1, Status: StatusRejected, ReferredAt: day(5), DecidedAt: day(9)},
			{NeedID: 2, Status: StatusReferred, ReferredAt: day(5)},
		},
		Completions: []Completion{{BusinessID: 10, ProgramID: 7, ProgramName: "Kemasan"}, {BusinessID: 10, ProgramID: 7, ProgramName: "Kemasan"}},
	}
	st := BuildStats(f)
	tot := st.Total
	if tot.Needs != 3 || tot.Referred != 2 || tot.Decided != 1 || tot.Approved != 1 || tot.Disbursed != 1 {
		t.Errorf("total %+v", tot)
	}
	// Need 1: referred 2 days after, first decision 6 days after the first
	// referral (day 3 → day 9), paid 7 days after approval (13 → 20).
	// Need 2: referred 4 days after.
	if *tot.DaysToReferral != 3 || *tot.DaysToDecision != 6 || *tot.DaysToDisbursal != 7 {
		t.Errorf("days %v %v %v", *tot.DaysToReferral, *tot.DaysToDecision, *tot.DaysToDisbursal)
	}
	if len(st.Programs) != 1 || st.Programs[0].Needs != 1 || st.Programs[0].DisbursedAmount != 40_000_000 {
		t.Errorf("programmes %+v", st.Programs)
	}
	if st.Untrained.Needs != 2 || st.Untrained.Referred != 1 || st.Untrained.DaysToDecision != nil {
		t.Errorf("untrained %+v", st.Untrained)
	}
	if len(st.Districts) != 2 || st.Districts[0].Key != "36.04.05" || st.Districts[0].NeedAmount != 12_000_000 {
		t.Errorf("districts %+v", st.Districts)
	}
}
