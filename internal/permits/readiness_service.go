package permits

import (
	"context"
	"slices"
	"strconv"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// RuleRef names the rule a judgement applied.
type RuleRef struct {
	Code        string `json:"code"`
	Title       string `json:"title"`
	InForceFrom string `json:"in_force_from"`
}

// Need is one permit a business needs, and whether it holds one now.
type Need struct {
	Code   string   `json:"code"` // nib | pirt_or_bpom | halal
	Label  string   `json:"label"`
	Kinds  []string `json:"kinds"`
	Met    bool     `json:"met"`
	Held   *Permit  `json:"held"`   // the valid permit that meets it
	Status string   `json:"status"` // the furthest status among its permits, "" when none
}

// SelfDeclare is the judgement of halal self-declare under one rule.
type SelfDeclare struct {
	Rule      RuleRef `json:"rule"`
	Qualifies bool    `json:"qualifies"`
	Unmet     []Unmet `json:"unmet"`
}

// Readiness says which permits a business needs on a date, which it holds,
// and whether it may take the halal self-declare route.
type Readiness struct {
	BusinessID int64  `json:"business_id"`
	Date       string `json:"date"`
	Food       bool   `json:"food"`     // food or drink (KBLI 10, 11, 56)
	Produced   bool   `json:"produced"` // produced here: P-IRT or BPOM MD apply
	Needs      []Need `json:"needs"`
	// HalalObligation tells that halal is mandatory for this business on
	// the date; HalalCompliant that it holds a valid certificate.
	HalalObligation bool         `json:"halal_obligation"`
	HalalCompliant  bool         `json:"halal_compliant"`
	SelfDeclare     *SelfDeclare `json:"self_declare"` // nil before any rule, or for a business that is not food
	Profile         Profile      `json:"profile"`
}

// ProfileStore keeps the self-declare profile of a business.
type ProfileStore interface {
	// HalalProfile returns the profile, or a zero one (BusinessID set) when none was recorded.
	HalalProfile(ctx context.Context, businessID int64) (Profile, error)
	// SaveHalalProfile replaces the profile and writes its audit entry.
	SaveHalalProfile(ctx context.Context, p Profile, by string, a *audit.Entry) error
	// EachHalalFacts streams the facts of the active food and drink
	// businesses (KBLI 10, 11, 56) within scope, with their district.
	EachHalalFacts(ctx context.Context, scope registry.Scope, district string, fn func(district string, f Facts) error) error
	// HalalFactCounts counts the same businesses per kecamatan and per
	// combination of the facts the self-declare rules read, from counts the
	// store keeps as it writes, with the revenue and founding year reduced to
	// their side of bounds. ok is false when the kept counts cannot answer (a
	// village or a business in scope, a limit they are not kept by):
	// EachHalalFacts does.
	HalalFactCounts(ctx context.Context, scope registry.Scope, district string, bounds Bounds) (counts []FactsCount, ok bool, err error)
}

// Bounds are what a rule on a day reads of two facts, so that counts may
// keep only their side of it: the annual revenue over RevenueLimit or not
// (counted as RevenueLimit+1 or 0), the founding year after FoundedAfter or
// not (FoundedAfter+1 or FoundedAfter; 0, unknown, stays). A zero bound is
// not read: every value counts as one.
type Bounds struct {
	RevenueLimit int64
	FoundedAfter int
}

// boundsOf returns what rule reads on day of revenue and founding year.
func boundsOf(rule Rule, day string) Bounds {
	b := Bounds{RevenueLimit: rule.MaxAnnualRevenue}
	if rule.MinYearsProducing > 0 {
		year, _ := strconv.Atoi(day[:4])
		b.FoundedAfter = year - rule.MinYearsProducing
	}
	return b
}

// FactsCount is a number of food and drink businesses of one kecamatan alike
// in every fact the self-declare rules read.
type FactsCount struct {
	District   string
	Facts      Facts
	Businesses int
}

// day returns the asked date or today (WIB); a malformed one is Invalid.
func (s *Service) day(asked string) (string, error) {
	if asked == "" {
		return s.today(), nil
	}
	if _, err := time.Parse(time.DateOnly, asked); err != nil {
		return "", apperr.Validation(map[string]string{"date": "Tanggal harus berformat TTTT-BB-HH"})
	}
	return asked, nil
}

func ref(r Rule) RuleRef { return RuleRef{Code: r.Code, Title: r.Title, InForceFrom: r.InForceFrom} }

// Readiness judges a business on a date ("" = today).
func (s *Service) Readiness(ctx context.Context, a auth.Actor, businessID int64, date string) (*Readiness, error) {
	day, err := s.day(date)
	if err != nil {
		return nil, err
	}
	b, err := s.Registry.Get(ctx, a, businessID)
	if err != nil {
		return nil, err
	}
	ps, err := s.Store.PermitsOf(ctx, businessID)
	if err != nil {
		return nil, err
	}
	prof, err := s.Store.HalalProfile(ctx, businessID)
	if err != nil {
		return nil, err
	}
	f := FactsOf(b, prof)
	out := &Readiness{BusinessID: businessID, Date: day, Profile: prof}
	out.Food, out.Produced = Food(b.KBLI)
	out.Needs = append(out.Needs, need(ps, day, "nib", "NIB", KindNIB))
	if out.Produced {
		out.Needs = append(out.Needs, need(ps, day, "pirt_or_bpom", "P-IRT atau BPOM MD", KindPIRT, KindBPOM))
	}
	if out.Food {
		h := need(ps, day, "halal", "Sertifikat halal", KindHalalSelfDeclare, KindHalalReguler)
		out.Needs = append(out.Needs, h)
		out.HalalCompliant = h.Met
		out.HalalObligation = day >= s.Rules.ObligationFrom
		if rule, ok := s.Rules.InForce(day); ok {
			unmet := s.Rules.Evaluate(rule, f, day)
			out.SelfDeclare = &SelfDeclare{Rule: ref(rule), Qualifies: len(unmet) == 0, Unmet: unmet}
			if unmet == nil {
				out.SelfDeclare.Unmet = []Unmet{}
			}
		}
	}
	return out, nil
}

// need finds among ps a permit of kinds valid on day.
func need(ps []Permit, day, code, label string, kinds ...string) Need {
	n := Need{Code: code, Label: label, Kinds: kinds}
	rank := func(st string) int {
		for i, x := range []string{StatusBelum, StatusDitolak, StatusKedaluwarsa, StatusPersiapan, StatusDiajukan, StatusTerbit} {
			if x == st {
				return i
			}
		}
		return -1
	}
	for i := range ps {
		p := ps[i]
		if !contains(kinds, p.Kind) {
			continue
		}
		p.markExpired(day)
		st := p.Status
		if p.Expired {
			st = StatusKedaluwarsa
		}
		if rank(st) > rank(n.Status) {
			n.Status = st
		}
		if st == StatusTerbit && (p.IssuedOn == "" || p.IssuedOn <= day) {
			n.Met, n.Held = true, &p
		}
	}
	return n
}

// SaveProfile records the self-declare profile of a business.
func (s *Service) SaveProfile(ctx context.Context, a auth.Actor, p Profile) (*Profile, error) {
	if err := canWrite(a); err != nil {
		return nil, err
	}
	if _, err := s.Registry.Get(ctx, a, p.BusinessID); err != nil {
		return nil, err
	}
	f := map[string]string{}
	for field, v := range map[string]*int{"facilities": p.Facilities, "outlets": p.Outlets, "preservation_methods": p.PreservationMethods} {
		if v != nil && (*v < 0 || *v > 1000) {
			f[field] = "Harus bilangan 0–1.000"
		}
	}
	if p.ProductType != "" && s.Rules.ProductTypeName(p.ProductType) == p.ProductType {
		f["product_type"] = "Jenis produk tidak dikenal"
	}
	if err := apperr.Validation(f); err != nil {
		return nil, err
	}
	before, _ := s.Store.HalalProfile(ctx, p.BusinessID)
	e := &audit.Entry{UserID: a.UserID, Username: a.Username, Action: "update", Entity: "halal_profile", EntityID: p.BusinessID}
	e.Before, e.After = audit.Diff(before, p)
	if err := s.Store.SaveHalalProfile(ctx, p, a.Username, e); err != nil {
		return nil, err
	}
	return &p, nil
}

// ObligationRow counts one kecamatan's food and drink businesses by halal.
type ObligationRow struct {
	Code         string `json:"code"`
	Name         string `json:"name"`
	Food         int    `json:"food"`
	Compliant    int    `json:"compliant"`
	NotCompliant int    `json:"not_compliant"`
	// Among those not compliant: who meets every condition of self-declare,
	// and who meets every condition recorded so far (the rest unknown).
	Qualify      int `json:"qualify_self_declare"`
	MaybeQualify int `json:"maybe_qualify_self_declare"`
}

// Obligation is the halal obligation count on a date.
type Obligation struct {
	Date      string          `json:"date"`
	From      string          `json:"obligation_from"`
	InForce   bool            `json:"in_force"`
	Rule      *RuleRef        `json:"rule"`
	Districts []ObligationRow `json:"districts"`
	Total     ObligationRow   `json:"total"`
}

// HalalObligation counts, per kecamatan within the actor's reach, the food
// and drink businesses with and without a valid halal certificate on date,
// and how many of those without qualify for self-declare.
func (s *Service) HalalObligation(ctx context.Context, a auth.Actor, date, district string) (*Obligation, error) {
	if a.Role == auth.Owner {
		return nil, apperr.New(apperr.Forbidden, "Rekap kewajiban halal hanya untuk petugas dinas dan pimpinan")
	}
	day, err := s.day(date)
	if err != nil {
		return nil, err
	}
	if r, ok := region.All().Get(district); district != "" && (!ok || r.Level != region.District) {
		return nil, apperr.Validation(map[string]string{"district": "Kode kecamatan tidak dikenal"})
	}
	out := &Obligation{Date: day, From: s.Rules.ObligationFrom, InForce: day >= s.Rules.ObligationFrom, Districts: []ObligationRow{}}
	rule, hasRule := s.Rules.InForce(day)
	if hasRule {
		rr := ref(rule)
		out.Rule = &rr
	}
	rows := map[string]*ObligationRow{}
	// Businesses alike in what the rule reads are judged once.
	type verdict struct{ qualify, maybe bool }
	judged := map[judgedFacts]verdict{}
	add := func(d string, f Facts, n int) {
		row := rows[d]
		if row == nil {
			row = &ObligationRow{Code: d, Name: region.All().Name(d)}
			rows[d] = row
		}
		row.Food += n
		if f.HalalHeld(day) {
			row.Compliant += n
			return
		}
		row.NotCompliant += n
		if !hasRule {
			return
		}
		key := judgedFactsOf(rule, f)
		v, ok := judged[key]
		if !ok {
			unmet := s.Rules.Evaluate(rule, f, day)
			v = verdict{qualify: len(unmet) == 0, maybe: !slices.ContainsFunc(unmet, func(u Unmet) bool { return !u.Unknown })}
			judged[key] = v
		}
		if v.qualify {
			row.Qualify += n
		}
		if v.maybe {
			row.MaybeQualify += n
		}
	}
	scope := registry.ScopeOf(a)
	counts, kept, err := s.Store.HalalFactCounts(ctx, scope, district, boundsOf(rule, day))
	if err != nil {
		return nil, err
	}
	for _, c := range counts {
		add(c.District, c.Facts, c.Businesses)
	}
	if !kept {
		err = s.Store.EachHalalFacts(ctx, scope, district, func(d string, f Facts) error {
			add(d, f, 1)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for _, r := range region.All().Districts(s.Registry.Jurisdiction) {
		if row := rows[r.Code]; row != nil {
			out.Districts = append(out.Districts, *row)
			out.Total.Food += row.Food
			out.Total.Compliant += row.Compliant
			out.Total.NotCompliant += row.NotCompliant
			out.Total.Qualify += row.Qualify
			out.Total.MaybeQualify += row.MaybeQualify
		}
	}
	return out, nil
}
