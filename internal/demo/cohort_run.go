package demo

import (
	"context"
	"math/rand/v2"
	"time"

	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
	"naikkelas/internal/services"
)

// clock is the programmes service's clock during the demo load: each
// action is dated when it would have happened, so history rows, selection
// and certificates carry 2025 dates and the load stays deterministic.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// at sets the clock to a date and WIB hour (UTC+7).
func (c *clock) at(date string, hour, minute int) {
	d, _ := time.Parse(time.DateOnly, date)
	c.t = d.Add(time.Duration(hour-7)*time.Hour + time.Duration(minute)*time.Minute).UTC()
}

// demoService returns a programmes service over the demo store with a clock.
func demoService(l *Loader) (*programs.Service, *clock) {
	svc := services.New(l.Store, Jurisdiction).Programs
	c := &clock{}
	svc.Now = c.now
	return svc, c
}

// officeActor is the demo admin, who runs the programmes of the office.
func officeActor(ctx context.Context, l *Loader) auth.Actor {
	if u, err := l.Store.UserByUsername(ctx, "admin"); err == nil {
		return auth.ActorOf(u)
	}
	return auth.Actor{Username: "admin", Role: auth.Admin}
}

// ownerActor is a business owner applying online from the public site.
func ownerActor(b *registry.Business) auth.Actor {
	return auth.Actor{Username: "pemilik", Role: auth.Owner, BusinessID: b.ID}
}

// runCohort takes the October 2025 programme through its life cycle with
// the real rules, and fills c.programID and c.completers.
func runCohort(ctx context.Context, l *Loader, c *cohort, rng *rand.Rand) error {
	svc, clk := demoService(l)
	admin := officeActor(ctx, l)
	clk.at("2025-08-25", 10, 0)
	setup := cohortProgram(c.districts)
	setup.Funding = l.cofunded(setup.Budget, "csr", 50_000_000)
	p, err := svc.Create(ctx, admin, setup)
	if err != nil {
		return err
	}
	c.programID = p.ID
	if _, err := svc.Move(ctx, admin, p.ID, programs.StatusOpen); err != nil {
		return err
	}
	if err := applyCohort(ctx, svc, clk, admin, c, rng); err != nil {
		return err
	}
	clk.at("2025-09-22", 10, 0)
	seed := cohortSeed
	if _, err := svc.RunSelection(ctx, admin, p.ID, &seed); err != nil {
		return err
	}
	clk.at("2025-09-23", 9, 30)
	if _, err := svc.LockSelection(ctx, admin, p.ID); err != nil {
		return err
	}
	clk.at("2025-09-23", 10, 0)
	if _, err := svc.PublishSelection(ctx, admin, p.ID); err != nil {
		return err
	}
	if err := withdrawOne(ctx, svc, clk, p.ID, c); err != nil {
		return err
	}
	clk.at(cohortStartsOn, 7, 30)
	if _, err := svc.Move(ctx, admin, p.ID, programs.StatusRunning); err != nil {
		return err
	}
	if err := attendCohort(ctx, svc, clk, admin, p.ID, rng); err != nil {
		return err
	}
	clk.at(cohortEndsOn, 16, 0)
	if _, err := svc.Move(ctx, admin, p.ID, programs.StatusFinished); err != nil {
		return err
	}
	if err := c.collectCompleters(ctx, l); err != nil {
		return err
	}
	if err := issueCertificates(ctx, l, clk, admin, c, rng); err != nil {
		return err
	}
	return followUpCohort(ctx, svc, clk, admin, p.ID, rng)
}

// cohortProgram is the programme as the office set it up in August 2025.
func cohortProgram(districts []string) *programs.Program {
	p := &programs.Program{Name: cohortName, Kind: programs.KindPelatihan,
		Topics:   []string{"produksi", "pemasaran", "kemasan_label"},
		StartsOn: cohortStartsOn, EndsOn: cohortEndsOn, Venue: "Aula Diskoumperindag Kabupaten Serang",
		Capacity: cohortSize, MaxPerDistrict: cohortPerDist, MinDistricts: cohortDistrict, Districts: districts,
		Eligibility: programs.Eligibility{SizeClasses: []string{registry.Mikro}, Sectors: []string{"C"}},
		Weights:     programs.DefaultWeights, Completion: programs.DefaultCompletion, Budget: 150_000_000}
	d, _ := time.Parse(time.DateOnly, cohortStartsOn)
	for i, title := range []string{"Kapasitas produksi", "Strategi pemasaran", "Kemasan dan label", "Rencana tindak lanjut"} {
		p.Sessions = append(p.Sessions, programs.Session{Number: i + 1, Date: d.AddDate(0, 0, i).Format(time.DateOnly), Title: title})
	}
	return p
}

// applyCohort enters the 100 applications between 1 and 19 September 2025:
// about two in five online by their owners, the rest nominated by the office.
func applyCohort(ctx context.Context, svc *programs.Service, clk *clock, admin auth.Actor, c *cohort, rng *rand.Rand) error {
	const days, office = 18, 8 * 60 // calendar days, minutes of an office day (08:00–16:00 WIB)
	start := time.Date(2025, 9, 1, 1, 0, 0, 0, time.UTC)
	step := days * office / len(c.applicants)
	for i, it := range c.applicants {
		m := i*step + rng.IntN(step)
		clk.t = start.AddDate(0, 0, m/office).Add(time.Duration(m%office) * time.Minute)
		a := admin
		if rng.IntN(5) < 2 {
			a = ownerActor(it.Business)
		}
		if _, err := svc.Apply(ctx, a, c.programID, it.Business.ID); err != nil {
			return err
		}
	}
	return nil
}

// withdrawOne has one selected business give up its place before the
// start (its owner fell ill); the best reserve that keeps the rules takes it.
func withdrawOne(ctx context.Context, svc *programs.Service, clk *clock, programID int64, c *cohort) error {
	apps, err := svc.Store.ListApplications(ctx, programID)
	if err != nil {
		return err
	}
	for _, ap := range apps {
		if ap.Status == programs.AppSelected {
			clk.at("2025-10-06", 14, 10)
			b := &registry.Business{ID: ap.BusinessID}
			_, err := svc.Withdraw(ctx, ownerActor(b), programID, ap.BusinessID)
			return err
		}
	}
	return nil
}

// collectCompleters reads back who completed.
func (c *cohort) collectCompleters(ctx context.Context, l *Loader) error {
	apps, err := l.Store.ListApplications(ctx, c.programID)
	if err != nil {
		return err
	}
	byID := map[int64]registry.NewBusiness{}
	for _, it := range c.applicants {
		byID[it.Business.ID] = it
	}
	for _, ap := range apps {
		if ap.Status == programs.AppCompleted {
			c.completers = append(c.completers, byID[ap.BusinessID])
		}
	}
	return nil
}
