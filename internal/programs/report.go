package programs

import "sort"

// DistrictReport counts one kecamatan's applicants through the programme.
type DistrictReport struct {
	Code       string `json:"code"`
	Name       string `json:"name"`
	Applicants int    `json:"applicants"`
	Eligible   int    `json:"eligible"`
	Selected   int    `json:"selected"`
	Attended   int    `json:"attended"`
	Completed  int    `json:"completed"`
}

// FundingShare is one kind of funding's amount and share of all funding.
type FundingShare struct {
	Kind   string  `json:"kind"`
	Amount int64   `json:"amount"`
	Share  float64 `json:"share"` // percent
}

// Report is a programme's results: counts per kecamatan, test gains, cost.
type Report struct {
	ProgramID          int64            `json:"program_id"`
	Districts          []DistrictReport `json:"districts"`
	Totals             DistrictReport   `json:"totals"`
	AvgPreTest         float64          `json:"avg_pre_test"`
	AvgPostTest        float64          `json:"avg_post_test"`
	AvgGain            float64          `json:"avg_gain"` // mean of post − pre over participants with both
	TestedPairs        int              `json:"tested_pairs"`
	Cost               int64            `json:"cost"`
	CostPerParticipant int64            `json:"cost_per_participant"`
	CostPerCompleter   int64            `json:"cost_per_completer"`
	Funding            []FundingShare   `json:"funding"`
}

// BuildReport aggregates a programme's applications and progress.
func BuildReport(p *Program, apps []Application, prog []Progress) *Report {
	rows := map[string]*DistrictReport{}
	row := func(code string) *DistrictReport {
		if rows[code] == nil {
			rows[code] = &DistrictReport{Code: code, Name: districtName(code)}
		}
		return rows[code]
	}
	for _, a := range apps {
		r := row(a.DistrictCode)
		r.Applicants++
		if a.Status != AppIneligible {
			r.Eligible++
		}
		if IsParticipant(a.Status) {
			r.Selected++
		}
	}
	rep := &Report{ProgramID: p.ID, Districts: []DistrictReport{}, Funding: []FundingShare{}}
	var pre, post, gain float64
	for _, pr := range prog {
		r := row(pr.DistrictCode)
		if len(pr.Present) > 0 {
			r.Attended++
		}
		if pr.Completed {
			r.Completed++
		}
		if pr.PreTest != nil && pr.PostTest != nil {
			pre += *pr.PreTest
			post += *pr.PostTest
			gain += *pr.PostTest - *pr.PreTest
			rep.TestedPairs++
		}
	}
	if rep.TestedPairs > 0 {
		n := float64(rep.TestedPairs)
		rep.AvgPreTest, rep.AvgPostTest, rep.AvgGain = round2(pre/n), round2(post/n), round2(gain/n)
	}
	for _, r := range rows {
		rep.Districts = append(rep.Districts, *r)
		t := &rep.Totals
		t.Applicants += r.Applicants
		t.Eligible += r.Eligible
		t.Selected += r.Selected
		t.Attended += r.Attended
		t.Completed += r.Completed
	}
	sort.Slice(rep.Districts, func(i, j int) bool { return rep.Districts[i].Code < rep.Districts[j].Code })
	rep.Totals.Name = "Jumlah"
	rep.Cost = p.Cost()
	rep.CostPerParticipant = p.CostPerParticipant(rep.Totals.Selected)
	if rep.Totals.Completed > 0 {
		rep.CostPerCompleter = rep.Cost / int64(rep.Totals.Completed)
	}
	rep.Funding = fundingMix(p.Funding)
	return rep
}

func fundingMix(lines []FundingLine) []FundingShare {
	sum := map[string]int64{}
	var total int64
	for _, l := range lines {
		sum[l.Kind] += l.Amount
		total += l.Amount
	}
	out := []FundingShare{}
	for _, k := range FundingKinds {
		if v, ok := sum[k]; ok {
			share := 0.0
			if total > 0 {
				share = round2(float64(v) * 100 / float64(total))
			}
			out = append(out, FundingShare{Kind: k, Amount: v, Share: share})
		}
	}
	return out
}

// Coverage is one kecamatan's share of businesses ever trained.
type Coverage struct {
	Code       string  `json:"code"`
	Name       string  `json:"name"`
	Businesses int     `json:"businesses"` // registered, active
	Trained    int     `json:"trained"`    // completed at least one programme
	Share      float64 `json:"share"`      // percent
}

// BuildCoverage joins registered and trained counts per kecamatan.
// registered maps kecamatan code → active businesses; trained maps it to
// distinct businesses that completed a programme.
func BuildCoverage(registered, trained map[string]int) []Coverage {
	out := []Coverage{}
	for code, n := range registered {
		c := Coverage{Code: code, Name: districtName(code), Businesses: n, Trained: trained[code]}
		if n > 0 {
			c.Share = round2(float64(c.Trained) * 100 / float64(n))
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}
