package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
	"naikkelas/internal/store/sqlstore"
)

// CountsProperty: random sequences of every write that changes a business
// (create, edit of class, sector, desa and documents, archive and restore,
// delete, a measurement that moves the class, InsertBatch, an import that
// adds and updates, merge and its undo) leave the counts the triggers keep
// equal to a recomputation from the register, and the statistics read from
// them equal to counting the register's rows here. db is the engine's
// database under s, for the delete, which no store method offers. Each
// sequence starts from where the last one left the register.
func CountsProperty(t *testing.T, s store.Store, db *sqlstore.DB, sequences, steps int) {
	p := &countsRun{t: t, s: s, db: db, villages: countVillages()}
	if testing.Short() {
		sequences = max(1, sequences/4)
	}
	for seq := range sequences {
		p.rng = rand.New(rand.NewPCG(uint64(seq), 2026))
		var done []string
		for range steps {
			op := countOps[p.rng.IntN(len(countOps))]
			op.run(p)
			done = append(done, op.name)
		}
		p.compare(fmt.Sprintf("sequence %d (%s)", seq, strings.Join(done, ", ")))
	}
}

// countVillages are desa of two kecamatan.
func countVillages() []region.Region {
	return append(region.All().Villages(cikande)[:3], region.All().Villages(kramatwatu)[:2]...)
}

type countsRun struct {
	t        *testing.T
	s        store.Store
	db       *sqlstore.DB
	rng      *rand.Rand
	villages []region.Region
	ids      []int64 // every business written, merged and deleted ones included
	merges   []int64
	serial   int // keeps NIBs and names unique
}

var countOps = []struct {
	name string
	run  func(p *countsRun)
}{
	{"create", (*countsRun).create},
	{"create", (*countsRun).create},
	{"edit", (*countsRun).edit},
	{"edit", (*countsRun).edit},
	{"archive", (*countsRun).archive},
	{"delete", (*countsRun).delete},
	{"measure", (*countsRun).measure},
	{"batch", (*countsRun).batch},
	{"import", (*countsRun).importRows},
	{"merge", (*countsRun).merge},
	{"undo", (*countsRun).undo},
}

var (
	countClasses = []string{"", registry.Mikro, registry.Kecil, registry.Menengah, registry.Besar}
	countSectors = []string{"C", "G", "I"}
	countDays    = []string{"", "2025-01-01", "2026-05-31", "2026-06-01", "2027-03-01"}
)

func (p *countsRun) pick(list []string) string { return list[p.rng.IntN(len(list))] }

func (p *countsRun) nib() string {
	p.serial++
	return fmt.Sprintf("8%012d", p.serial)
}

// documents sets the fields the counts keep to random values.
func (p *countsRun) documents(b *registry.Business) {
	v := p.villages[p.rng.IntN(len(p.villages))]
	b.VillageCode, b.DistrictCode = v.Code, v.Code[:strings.LastIndex(v.Code, ".")]
	b.SizeClass, b.Sector = p.pick(countClasses), p.pick(countSectors)
	b.NIB, b.PIRTNumber, b.PIRTExpiresOn = "", "", ""
	if p.rng.IntN(2) == 0 {
		b.NIB = p.nib()
	}
	if p.rng.IntN(2) == 0 {
		b.PIRTNumber, b.PIRTExpiresOn = fmt.Sprintf("2063604%08d", p.rng.IntN(1e8)), p.pick(countDays)
	}
	b.HalalStatus, b.HalalNumber, b.HalalExpiresOn = registry.HalalNone, "", ""
	switch p.rng.IntN(3) {
	case 0:
		b.HalalStatus, b.HalalNumber, b.HalalExpiresOn = registry.HalalCertified, fmt.Sprintf("ID36%010d", p.rng.IntN(1e9)), p.pick(countDays)
	case 1:
		b.HalalStatus = registry.HalalInProcess
	}
}

func (p *countsRun) create() {
	p.serial++
	b := biz(fmt.Sprintf("Usaha Hitung %d", p.serial), cikandeA)
	p.documents(b)
	var m *registry.Measurement
	if p.rng.IntN(2) == 0 {
		m = &registry.Measurement{Year: 2025, AnnualRevenue: registry.Known(int64(p.rng.IntN(20e9))), Source: "survei"}
		m.SizeClass, m.SizeBasis = registry.Classify(registry.Amount(m.AnnualRevenue), 0)
	}
	if err := p.s.CreateBusiness(ctx, b, m, createAudit("business")); err != nil {
		p.t.Fatalf("create: %v", err)
	}
	p.ids = append(p.ids, b.ID)
}

// live returns a random business that GetBusiness still finds (active or
// archived), or nil.
func (p *countsRun) live() *registry.Business {
	for range 5 {
		if len(p.ids) == 0 {
			return nil
		}
		b, err := p.s.GetBusiness(ctx, p.ids[p.rng.IntN(len(p.ids))])
		if err == nil {
			return b
		}
		if !apperr.Is(err, apperr.NotFound) {
			p.t.Fatalf("get: %v", err)
		}
	}
	return nil
}

func (p *countsRun) edit() { p.update(audit.Update, p.documents) }

// archive archives an active business or restores an archived one.
func (p *countsRun) archive() {
	p.update(audit.Archive, func(b *registry.Business) {
		if b.Status == registry.StatusActive {
			b.Status = registry.StatusArchived
		} else {
			b.Status = registry.StatusActive
		}
	})
}

// update saves a random business after change.
func (p *countsRun) update(action string, change func(b *registry.Business)) {
	b := p.live()
	if b == nil {
		return
	}
	change(b)
	if err := p.s.UpdateBusiness(ctx, b, &audit.Entry{Username: "uji", Action: action, Entity: "business"}); err != nil {
		p.t.Fatalf("%s: %v", action, err)
	}
}

// delete removes a business never merged, with the rows that refer to it.
func (p *countsRun) delete() {
	b := p.live()
	if b == nil {
		return
	}
	err := p.db.Tx(ctx, func(q *sqlstore.Runner) error {
		var merged int
		if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM business_merges WHERE kept_id = ? OR merged_id = ?`, b.ID, b.ID).
			Scan(&merged); err != nil || merged > 0 {
			return err
		}
		if _, err := q.Exec(ctx, `DELETE FROM permit_history WHERE permit_id IN (SELECT id FROM permits WHERE business_id = ?)`,
			b.ID); err != nil {
			return err
		}
		for _, l := range sqlstore.BusinessLinks {
			if _, err := q.Exec(ctx, `DELETE FROM `+l.Table+` WHERE business_id = ?`, b.ID); err != nil {
				return err
			}
		}
		if _, err := q.Exec(ctx, `DELETE FROM duplicate_queue WHERE business_a = ? OR business_b = ?`, b.ID, b.ID); err != nil {
			return err
		}
		if _, err := q.Exec(ctx, `DELETE FROM businesses WHERE id = ?`, b.ID); err != nil {
			return err
		}
		// The per-year naik-kelas summaries are kept by the writes, not by
		// triggers: a delete refreshes them like every other write.
		return q.RefreshYearClasses(ctx, b.ID)
	})
	if err != nil {
		p.t.Fatalf("delete: %v", err)
	}
}

// measure records a newer year whose revenue moves the class.
func (p *countsRun) measure() {
	b := p.live()
	if b == nil {
		return
	}
	m := &registry.Measurement{BusinessID: b.ID, Year: 2026 + p.rng.IntN(3), Source: "survei",
		AnnualRevenue: registry.Known(int64(p.rng.IntN(60e9)))}
	m.SizeClass, m.SizeBasis = registry.Classify(registry.Amount(m.AnnualRevenue), 0)
	err := p.s.AddMeasurement(ctx, m, true, &audit.Entry{Username: "uji", Action: audit.Create, Entity: "measurement"})
	if err != nil {
		p.t.Fatalf("measure: %v", err)
	}
}
