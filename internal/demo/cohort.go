package demo

import (
	"context"
	"math/rand/v2"
	"sort"
	"time"

	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
)

// The October 2025 training of DOMAIN.md: 50 businesses from 10 of the 29
// kecamatan, in production capacity, marketing strategy and packaging.
const (
	cohortName     = "Pelatihan Manajemen Produk: Produksi, Pemasaran dan Kemasan (Oktober 2025)"
	cohortStartsOn = "2025-10-13"
	cohortEndsOn   = "2025-10-16"
	cohortSize     = 50
	cohortPerDist  = 5
)

// cohort is the finished October 2025 programme and its completers.
type cohort struct {
	programID  int64
	startsOn   string
	completers []registry.NewBusiness
}

// ensureCohort finds the finished October 2025 programme (the programmes'
// own demo step may have created it) or creates it with 50 completers:
// in each of 10 kecamatan, the 5 mikro food producers (sector C) with the
// highest sales, the ones the office judged ready to grow; the next 5
// applied but were not selected. A demo too small for it gets none (nil).
func ensureCohort(ctx context.Context, l *Loader, rng *rand.Rand) (*cohort, error) {
	ps := l.Store
	byID := map[int64]registry.NewBusiness{}
	for _, it := range l.Businesses {
		byID[it.Business.ID] = it
	}
	list, _, err := ps.ListPrograms(ctx, programs.ProgramFilter{Page: 1, PerPage: 100})
	if err != nil {
		return nil, err
	}
	for _, p := range list {
		if p.Status == programs.StatusFinished && p.StartsOn[:7] == cohortStartsOn[:7] {
			apps, err := ps.ListApplications(ctx, p.ID)
			if err != nil {
				return nil, err
			}
			c := &cohort{programID: p.ID, startsOn: p.StartsOn}
			for _, a := range apps {
				if it, ok := byID[a.BusinessID]; ok && a.Status == programs.AppCompleted {
					c.completers = append(c.completers, it)
				}
			}
			return c, nil
		}
	}
	return createCohort(ctx, l, ps, rng)
}

func createCohort(ctx context.Context, l *Loader, ps programs.Store, rng *rand.Rand) (*cohort, error) {
	perDistrict := map[string][]registry.NewBusiness{}
	for _, it := range l.Businesses {
		b := it.Business
		if b.SizeClass == registry.Mikro && b.Sector == "C" && len(it.Measurements) >= 2 {
			perDistrict[b.DistrictCode] = append(perDistrict[b.DistrictCode], it)
		}
	}
	var districts []string
	for d, items := range perDistrict {
		if len(items) >= cohortPerDist*2 {
			districts = append(districts, d)
		}
	}
	sort.Strings(districts)
	rng.Shuffle(len(districts), func(i, j int) { districts[i], districts[j] = districts[j], districts[i] })
	if len(districts) < 10 {
		return nil, nil // a small demo: too few kecamatan for the cohort
	}
	districts = districts[:10]
	sort.Strings(districts)
	p := &programs.Program{Name: cohortName, Kind: "pelatihan", Topics: []string{"produksi", "pemasaran", "kemasan_label"},
		StartsOn: cohortStartsOn, EndsOn: cohortEndsOn, Venue: "Aula Diskoumperindag Kabupaten Serang",
		Capacity: cohortSize, MaxPerDistrict: cohortPerDist, MinDistricts: 10, Districts: districts,
		Eligibility: programs.Eligibility{SizeClasses: []string{registry.Mikro}, Sectors: []string{"C"}},
		Weights:     programs.DefaultWeights, Completion: programs.DefaultCompletion, Budget: 150_000_000,
		Status: programs.StatusFinished, CreatedBy: auth.System.Username}
	for i := range 4 {
		d, _ := time.Parse(time.DateOnly, cohortStartsOn)
		p.Sessions = append(p.Sessions, programs.Session{Number: i + 1, Date: d.AddDate(0, 0, i).Format(time.DateOnly),
			Title: []string{"Kapasitas produksi", "Strategi pemasaran", "Kemasan dan label", "Rencana tindak lanjut"}[i]})
	}
	if err := ps.CreateProgram(ctx, p, &audit.Entry{Username: auth.System.Username, Action: audit.Create, Entity: "program"}); err != nil {
		return nil, err
	}
	c := &cohort{programID: p.ID, startsOn: p.StartsOn}
	who := programs.Who{Username: auth.System.Username}
	var apps []*programs.Application
	applied := time.Date(2025, 9, 8, 2, 0, 0, 0, time.UTC)
	for _, d := range districts {
		items := perDistrict[d]
		sort.Slice(items, func(i, j int) bool { return items[i].Business.AnnualRevenue > items[j].Business.AnnualRevenue })
		for i, it := range items[:cohortPerDist*2] { // 10 applicants per kecamatan, 5 completed
			b := it.Business
			status := programs.AppNotSelected
			if i < cohortPerDist {
				status = programs.AppCompleted
				c.completers = append(c.completers, it)
			}
			apps = append(apps, &programs.Application{ProgramID: p.ID, BusinessID: b.ID, BusinessName: b.Name,
				VillageCode: b.VillageCode, DistrictCode: b.DistrictCode, Channel: programs.ChannelNominasi, Status: status,
				AppliedAt: applied.Add(time.Duration(rng.IntN(10*24)) * time.Hour), AppliedBy: "operator"})
		}
	}
	if err := ps.AddApplications(ctx, apps, who); err != nil {
		return nil, err
	}
	return c, recordAttendance(ctx, ps, p, c, rng)
}

// recordAttendance gives every completer full or near-full attendance and
// pre/post tests that meet the completion rule.
func recordAttendance(ctx context.Context, ps programs.Store, p *programs.Program, c *cohort, rng *rand.Rand) error {
	at := time.Date(2025, 10, 16, 9, 0, 0, 0, time.UTC)
	for _, it := range c.completers {
		missed := -1
		if rng.IntN(4) == 0 {
			missed = 1 + rng.IntN(len(p.Sessions))
		}
		for _, s := range p.Sessions {
			a := &programs.Attendance{ProgramID: p.ID, BusinessID: it.Business.ID, Session: s.Number,
				Present: s.Number != missed, RecordedBy: "operator", RecordedAt: at}
			if err := ps.SetAttendance(ctx, a, nil, programs.Who{Username: "operator"}); err != nil {
				return err
			}
		}
		pre, post := float64(30+rng.IntN(30)), float64(65+rng.IntN(31))
		if err := ps.SetScores(ctx, &programs.Scores{ProgramID: p.ID, BusinessID: it.Business.ID, PreTest: &pre, PostTest: &post,
			RecordedBy: "operator", RecordedAt: at}, &audit.Entry{Username: "operator", Action: audit.Update, Entity: "program", EntityID: p.ID}); err != nil {
			return err
		}
	}
	return nil
}
