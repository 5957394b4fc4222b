package importer

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"slices"
	"sort"
	"strconv"

	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// matchKey is a 128-bit hash of a matching key; hashing keeps a million
// rows' keys in a few dozen megabytes.
type matchKey [16]byte

func hashKey(parts ...string) matchKey {
	h := fnv.New128a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	var k matchKey
	h.Sum(k[:0])
	return k
}

// normName folds a business or person name for matching the way headers
// are folded: lower case, letters and digits only ("UD. Emping  Melinjo" =
// "ud emping melinjo").
func normName(s string) string { return NormalizeHeader(s) }

// keys returns the matching keys of a business, strongest first: its NIB;
// its NIK with the normalised business name; and, only when it has neither
// NIB nor NIK, its normalised name, owner and village (so that lists
// without identifiers still re-import without duplicates).
func keys(nib, nik, name, owner, village string) []matchKey {
	var ks []matchKey
	if nib != "" {
		ks = append(ks, hashKey("nib", nib))
	}
	if nik != "" && normName(name) != "" {
		ks = append(ks, hashKey("nik", nik, normName(name)))
	}
	if nib == "" && nik == "" && normName(name) != "" {
		ks = append(ks, hashKey("name", normName(name), normName(owner), village))
	}
	return ks
}

func candidateKeys(c *Candidate) []matchKey {
	b := &c.Business
	return keys(b.NIB, b.NIK, b.Name, b.OwnerName, b.VillageCode)
}

// ReasonOutsideArea rejects a row whose business is registered outside the
// caller's area.
const ReasonOutsideArea = "Usaha ini sudah terdaftar di luar wilayah tugas Anda"

// planner decides each matched or new row's outcome.
type planner struct {
	importID     int64
	source       string
	actor        auth.Actor
	dir          *region.Directory
	jurisdiction string
	now          nowFunc
}

// plan returns the change for a valid candidate (old is nil for a new
// business), or the reasons to reject it.
func (p *planner) plan(c *Candidate, old *Existing) (*Change, []string) {
	if old == nil {
		return p.planInsert(c)
	}
	return p.planUpdate(c, old)
}

func (p *planner) planInsert(c *Candidate) (*Change, []string) {
	nb := c.Business
	nb.Status = registry.StatusActive
	nb.Normalize()
	if reasons := p.check(&nb, nil); len(reasons) > 0 {
		return nil, reasons
	}
	ch := &Change{Action: Inserted, Business: &nb}
	if c.Money != nil && (c.Money.Revenue > 0 || c.Money.Capital > 0) {
		m := p.measurement(c, &nb)
		mirror(&nb, m)
		ch.Measurements = append(ch.Measurements, *m)
	}
	// The creation is recorded by reference: the import (who, when, which
	// file) and the row. The values are the business's first state, and
	// every later change records its own before and after. Writing the
	// whole record again as JSON made the audit log of a large import
	// three times the size of the businesses themselves, and cost a tenth
	// of the import's time (bench/README.md).
	ch.Audit = p.entry(audit.Create, 0, nil, json.RawMessage(`{"import_id":`+strconv.FormatInt(p.importID, 10)+
		`,"row":`+strconv.Itoa(c.Row)+`}`))
	return ch, nil
}

func (p *planner) planUpdate(c *Candidate, old *Existing) (*Change, []string) {
	ob := &old.Business
	// outside the caller's area, the row learns no more than that: not the
	// business's id, nor whether it is archived
	if !p.actor.Reaches(ob.ID, ob.VillageCode) {
		return nil, []string{ReasonOutsideArea}
	}
	if ob.Status == registry.StatusArchived {
		return nil, []string{fmt.Sprintf("Usaha ini (ID %d) sudah diarsipkan; pulihkan dulu sebelum memperbarui lewat impor", ob.ID)}
	}
	nb := *ob
	changed := applyAttrs(&nb, c)
	if c.Money != nil {
		if m := p.measurementFor(c, old); m != nil {
			if latest(old.Measurements) <= m.Year {
				before := [3]int64{nb.AnnualRevenue, nb.Capital, int64(nb.Employees)}
				mirror(&nb, m)
				if before != [3]int64{nb.AnnualRevenue, nb.Capital, int64(nb.Employees)} {
					changed = append(changed, "annual_revenue", "capital")
				}
			}
			nb.Normalize()
			if reasons := p.check(&nb, changed); len(reasons) > 0 {
				return nil, reasons
			}
			return p.update(ob, &nb, []registry.Measurement{*m}), nil
		}
	}
	if len(changed) == 0 {
		return &Change{Action: Unchanged, Business: ob}, nil
	}
	nb.Normalize()
	if reasons := p.check(&nb, changed); len(reasons) > 0 {
		return nil, reasons
	}
	return p.update(ob, &nb, nil), nil
}

func (p *planner) update(ob, nb *registry.Business, ms []registry.Measurement) *Change {
	before, after := audit.Diff(ob, nb)
	e := p.entry(audit.Update, ob.ID, before, after)
	return &Change{Action: Updated, Business: nb, Measurements: ms, Audit: e}
}

func (p *planner) entry(action string, id int64, before, after json.RawMessage) *audit.Entry {
	return &audit.Entry{UserID: p.actor.UserID, Username: p.actor.Username, Action: action, Entity: "business",
		EntityID: id, Before: before, After: after}
}

// check validates nb and the actor's reach. For an update only messages
// about the fields the row changed count: an old record's flaws are not
// the row's fault.
func (p *planner) check(nb *registry.Business, changed []string) []string {
	var reasons []string
	f := nb.Validate(p.dir, p.jurisdiction, p.now())
	ks := make([]string, 0, len(f))
	for k := range f {
		if changed == nil || slices.Contains(changed, k) || (k == "village_code" && slices.Contains(changed, "village")) {
			ks = append(ks, k)
		}
	}
	sort.Strings(ks)
	for _, k := range ks {
		reasons = append(reasons, f[k])
	}
	if nb.VillageCode != "" && !p.actor.InArea(nb.VillageCode) {
		reasons = append(reasons, fmt.Sprintf("Desa %s (%s) di luar wilayah tugas Anda", p.dir.Name(nb.VillageCode), nb.VillageCode))
	}
	return reasons
}

// measurement builds the ledger entry a row carries for a new business.
func (p *planner) measurement(c *Candidate, nb *registry.Business) *registry.Measurement {
	y := c.Money.Year
	if y == 0 {
		y = idfmt.Year(p.now())
	}
	m := &registry.Measurement{Year: y, AnnualRevenue: c.Money.revenue(), Capital: c.Money.capital(),
		Employees: nb.Employees, Source: p.source, RecordedBy: p.actor.Username, Note: c.Money.Note}
	m.Classify()
	return m
}

// measurementFor decides whether a matched row adds a measurement. Without
// a year column, only figures that differ from the business's current ones
// are new; with one, an entry of that year with the same figures already
// in the ledger means the row was imported before. Either way importing the
// same file twice adds nothing the second time.
func (p *planner) measurementFor(c *Candidate, old *Existing) *registry.Measurement {
	ob := &old.Business
	rev, capital := ob.AnnualRevenue, ob.Capital
	if c.Money.HasRevenue {
		rev = c.Money.Revenue
	}
	if c.Money.HasCapital {
		capital = c.Money.Capital
	}
	emp := ob.Employees
	if c.Has(FEmployees) {
		emp = c.Business.Employees
	}
	if c.Money.Year == 0 {
		if rev == ob.AnnualRevenue && capital == ob.Capital && emp == ob.Employees {
			return nil
		}
	} else {
		for _, m := range old.Measurements {
			if m.Year == c.Money.Year && registry.Amount(m.AnnualRevenue) == rev && registry.Amount(m.Capital) == capital {
				return nil
			}
		}
	}
	if rev == 0 && capital == 0 {
		return nil
	}
	y := c.Money.Year
	if y == 0 {
		y = idfmt.Year(p.now())
	}
	m := &registry.Measurement{BusinessID: ob.ID, Year: y, AnnualRevenue: registry.NonZero(rev), Capital: registry.NonZero(capital),
		Employees: emp, Source: p.source, RecordedBy: p.actor.Username, Note: c.Money.Note}
	if c.Money.HasRevenue {
		m.AnnualRevenue = &rev // a zero the row states is a figure
	}
	if c.Money.HasCapital {
		m.Capital = &capital
	}
	m.Classify()
	return m
}

func latest(ms []registry.Measurement) int {
	y := 0
	for _, m := range ms {
		y = max(y, m.Year)
	}
	return y
}

// mirror makes a business's money and class those of its latest measurement.
func mirror(b *registry.Business, m *registry.Measurement) {
	b.AnnualRevenue, b.Capital, b.Employees = registry.Amount(m.AnnualRevenue), registry.Amount(m.Capital), m.Employees
	b.SizeClass, b.SizeBasis = m.SizeClass, m.SizeBasis
}
