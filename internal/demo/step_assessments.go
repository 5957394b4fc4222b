package demo

import (
	"context"
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"naikkelas/internal/assessment"
	"naikkelas/internal/audit"
	"naikkelas/internal/registry"
)

// assessedShare is the share of businesses assessed at least once (about
// 3,100 of 48,000); completers are always assessed.
const assessedShare = 0.065

// trainedDims are the dimensions the October 2025 training coached.
var trainedDims = map[string]bool{"produksi": true, "pemasaran": true, "kemasan_label": true}

type assessGen struct {
	rng   *rand.Rand
	inst  *assessment.Instrument
	today string
}

func stepAssessments(ctx context.Context, l *Loader) error {
	g := &assessGen{rng: rand.New(rand.NewPCG(l.Options.Seed, 0x5e71a1)), inst: assessment.Current(),
		today: time.Now().UTC().Format(time.DateOnly)}
	c := pickCohort(l.Businesses, g.rng)
	applicant := c.isApplicant()
	maturity := map[int64]float64{}
	var first, verify []*assessment.Assessment
	verifyOf := map[*assessment.Assessment]*assessment.Assessment{}
	for _, it := range l.Businesses {
		b := it.Business
		if applicant[b.ID] {
			maturity[b.ID] = g.maturity(b)
			first = append(first, g.baseline(b, maturity[b.ID]))
			continue
		}
		if g.rng.Float64() >= assessedShare {
			continue
		}
		m := g.maturity(b)
		a1 := g.make(b, g.dateIn(2024, 2, 11), m, nil, g.pick(assessment.SourceOfficer, 0.6, assessment.SourceSelf))
		first = append(first, a1)
		if g.rng.Float64() < 0.25 {
			continue // assessed once only
		}
		m2 := m + 0.03 + g.rng.NormFloat64()*0.07
		a2 := g.make(b, g.dateIn(2025, 1, 12), m2, nil, g.pick(assessment.SourceOfficer, 0.4, assessment.SourceSelf))
		first = append(first, a2)
		if a2.Source == assessment.SourceSelf && g.rng.Float64() < 0.4 {
			v := g.verification(b, a2)
			verify = append(verify, v)
			verifyOf[v] = a2
		}
	}
	if err := insertChunks(ctx, l, first); err != nil {
		return err
	}
	for v, self := range verifyOf {
		v.VerifiedFrom = self.ID
	}
	sort.Slice(verify, func(i, j int) bool { return verify[i].VerifiedFrom < verify[j].VerifiedFrom })
	if err := insertChunks(ctx, l, verify); err != nil {
		return err
	}
	if c == nil {
		return nil
	}
	// The selection reads the applicants' baseline assessments, so the
	// programme runs after they are stored and before the later visits.
	if err := runCohort(ctx, l, c, rand.New(rand.NewPCG(l.Options.Seed, 0xc0407))); err != nil {
		return err
	}
	l.cohort = c
	var after []*assessment.Assessment
	for _, it := range c.completers {
		after = append(after, g.progress(it.Business, maturity[it.Business.ID]))
	}
	if err := insertChunks(ctx, l, after); err != nil {
		return err
	}
	return g.laterMeasurements(ctx, l, c)
}

func insertChunks(ctx context.Context, l *Loader, items []*assessment.Assessment) error {
	for i := 0; i < len(items); i += 1000 {
		if err := l.Store.InsertAssessments(ctx, items[i:min(i+1000, len(items))]); err != nil {
			return err
		}
	}
	return nil
}

// maturity is a business's latent maturity in [0, 1]: larger classes and
// businesses holding documents tend to be more mature.
func (g *assessGen) maturity(b *registry.Business) float64 {
	m := map[string]float64{registry.Mikro: 0.3, registry.Kecil: 0.55, registry.Menengah: 0.72}[b.SizeClass]
	if b.NIB != "" {
		m += 0.05
	}
	if b.PIRTNumber != "" || b.HalalStatus == registry.HalalCertified {
		m += 0.05
	}
	return m + g.rng.NormFloat64()*0.12
}

func (g *assessGen) pick(a string, pA float64, b string) string {
	if g.rng.Float64() < pA {
		return a
	}
	return b
}

// dateIn is a random day in the given months of a year, never after today.
func (g *assessGen) dateIn(year, fromMonth, toMonth int) string {
	d := time.Date(year, time.Month(fromMonth), 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(year, time.Month(toMonth)+1, 1, 0, 0, 0, 0, time.UTC)
	d = d.AddDate(0, 0, g.rng.IntN(int(end.Sub(d).Hours()/24)))
	if s := d.Format(time.DateOnly); s < g.today {
		return s
	}
	return g.today
}

// make answers the instrument at maturity m (boost raises some dimensions),
// with documents answered as the register knows them, and scores it.
func (g *assessGen) make(b *registry.Business, on string, m float64, boost map[string]float64, source string) *assessment.Assessment {
	known := g.inst.Prefill(b, on)
	answers := map[string]string{}
	for _, d := range g.inst.Dimensions {
		dm := m + boost[d.ID] + g.rng.NormFloat64()*0.08
		for _, q := range d.Questions {
			if opt, ok := known[q.ID]; ok {
				answers[q.ID] = opt
				continue
			}
			answers[q.ID] = g.option(q, dm)
		}
	}
	res, err := g.inst.Evaluate(answers, assessment.FactsOf(b, mustYearOf(on)))
	if err != nil {
		panic(err) // generated answers always cover the instrument
	}
	assessor := "operator"
	if source == assessment.SourceSelf {
		assessor = "pemilik"
	}
	return &assessment.Assessment{BusinessID: b.ID, InstrumentVersion: g.inst.Version, AssessedOn: on, Source: source,
		Answers: answers, Scores: res.Scores, Level: res.Level, Recommendations: res.Recommendations, Assessor: assessor}
}

// option picks the option whose rank among q's options (by score) is
// nearest to maturity m, with some noise; "not applicable" options are skipped.
func (g *assessGen) option(q assessment.Question, m float64) string {
	var opts []assessment.Option
	for _, o := range q.Options {
		if o.ID != "bukan_pangan" {
			opts = append(opts, o)
		}
	}
	sort.SliceStable(opts, func(i, j int) bool { return opts[i].Score < opts[j].Score })
	x := m*float64(len(opts)-1) + g.rng.NormFloat64()*0.5
	i := int(math.Round(math.Max(0, math.Min(float64(len(opts)-1), x))))
	return opts[i].ID
}

// verification is an officer's visit 3–30 days after a self-assessment,
// correcting an over-optimistic answer now and then.
func (g *assessGen) verification(b *registry.Business, self *assessment.Assessment) *assessment.Assessment {
	d, _ := time.Parse(time.DateOnly, self.AssessedOn)
	visit := d.AddDate(0, 0, 3+g.rng.IntN(28)).Format(time.DateOnly)
	if visit > g.today {
		visit = g.today
	}
	answers := map[string]string{}
	for k, v := range self.Answers {
		answers[k] = v
	}
	if g.rng.Float64() < 0.4 {
		_, q := g.inst.Question("pas_digital")
		answers[q.ID] = q.Options[max(0, indexOf(q, answers[q.ID])-1)].ID
	}
	res, _ := g.inst.Evaluate(answers, assessment.FactsOf(b, mustYearOf(visit)))
	return &assessment.Assessment{BusinessID: b.ID, InstrumentVersion: self.InstrumentVersion, AssessedOn: visit,
		Source: assessment.SourceOfficerVerified, Answers: answers, Scores: res.Scores, Level: res.Level,
		Recommendations: res.Recommendations, Assessor: "operator", VisitDate: visit}
}

func indexOf(q *assessment.Question, id string) int {
	for i, o := range q.Options {
		if o.ID == id {
			return i
		}
	}
	return 0
}

func mustYearOf(date string) int {
	d, _ := time.Parse(time.DateOnly, date)
	return d.Year()
}

// baseline is an applicant's officer visit in August 2025, before it
// applied: the selection scores need from it.
func (g *assessGen) baseline(b *registry.Business, m float64) *assessment.Assessment {
	return g.make(b, g.dateIn(2025, 8, 8), m, nil, assessment.SourceOfficer)
}

// progress is a completer's follow-up visit two months after the training;
// about seven in ten improved clearly in the dimensions it coached.
func (g *assessGen) progress(b *registry.Business, m float64) *assessment.Assessment {
	boost := map[string]float64{}
	gain := 0.04
	if g.rng.Float64() < 0.7 {
		gain = 0.35
	}
	for d := range trainedDims {
		boost[d] = gain
	}
	return g.make(b, g.dateIn(2025, 12, 12), m+0.03, boost, assessment.SourceOfficer)
}

// followUpDay is when the follow-up visits after the October 2025 training began.
var followUpDay = time.Date(2026, 4, 13, 3, 0, 0, 0, time.UTC)

// laterMeasurements records a 2026 officer-verified measurement for each
// completer: about two in five grew across the kecil boundary (Rp2 miliar),
// the rest grew modestly or stood still.
func (g *assessGen) laterMeasurements(ctx context.Context, l *Loader, c *cohort) error {
	for _, it := range c.completers {
		b := it.Business
		growth := 1.0 + g.rng.Float64()*0.12
		if g.rng.Float64() < 0.4 {
			growth = float64(2_100*juta+g.rng.Int64N(600*juta)) / float64(max(b.AnnualRevenue, 1))
		}
		rev := int64(float64(b.AnnualRevenue)*growth) / (100 * 1000) * (100 * 1000)
		visit := followUpDay.AddDate(0, 0, g.rng.IntN(45)) // the +6-month follow-up visit
		if now := time.Now().UTC(); visit.After(now) {
			visit = now
		}
		m := &registry.Measurement{BusinessID: b.ID, Year: 2026, AnnualRevenue: registry.Known(rev), Capital: registry.NonZero(b.Capital),
			Employees: b.Employees + g.rng.IntN(3), Source: registry.SourceOfficerVerified, RecordedBy: "operator",
			CreatedAt: visit}
		m.Classify()
		ent := &audit.Entry{Username: "operator", Action: audit.Create, Entity: "measurement", EntityID: b.ID}
		if err := l.Store.AddMeasurement(ctx, m, true, ent); err != nil {
			return err
		}
	}
	return nil
}
