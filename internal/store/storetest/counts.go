package storetest

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/duplicates"
	"naikkelas/internal/importer"
	"naikkelas/internal/integrity"
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

func (p *countsRun) edit() {
	b := p.live()
	if b == nil {
		return
	}
	p.documents(b)
	if err := p.s.UpdateBusiness(ctx, b, &audit.Entry{Username: "uji", Action: audit.Update, Entity: "business"}); err != nil {
		p.t.Fatalf("edit: %v", err)
	}
}

func (p *countsRun) archive() {
	b := p.live()
	if b == nil {
		return
	}
	if b.Status == registry.StatusActive {
		b.Status = registry.StatusArchived
	} else {
		b.Status = registry.StatusActive
	}
	if err := p.s.UpdateBusiness(ctx, b, &audit.Entry{Username: "uji", Action: audit.Archive, Entity: "business"}); err != nil {
		p.t.Fatalf("archive: %v", err)
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
		_, err := q.Exec(ctx, `DELETE FROM businesses WHERE id = ?`, b.ID)
		return err
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

func (p *countsRun) batch() {
	p.serial += 100
	items := Synth(1+p.rng.IntN(30), 1_000_000+p.serial, p.rng, p.villages)
	if err := p.s.InsertBatch(ctx, items); err != nil {
		p.t.Fatalf("batch: %v", err)
	}
	for _, it := range items {
		p.ids = append(p.ids, it.Business.ID)
	}
}

// importRows imports a CSV of new businesses and of stored ones (by NIB)
// with other class, sector, desa and documents.
func (p *countsRun) importRows() {
	var csv bytes.Buffer
	csv.WriteString("Nama Usaha;Nama Pemilik;Kode Desa;Sektor;Omzet per Tahun;NIB;No PIRT;PIRT Berlaku Sampai;Status Halal;" +
		"No Sertifikat Halal;Halal Berlaku Sampai\n")
	halal := map[string]string{registry.HalalNone: "Belum", registry.HalalInProcess: "Proses", registry.HalalCertified: "Sudah"}
	for range 1 + p.rng.IntN(8) {
		p.serial++
		b := &registry.Business{Name: fmt.Sprintf("Usaha Impor %d", p.serial), OwnerName: "Pemilik Impor"}
		if old := p.live(); old != nil && old.NIB != "" && p.rng.IntN(2) == 0 {
			b.Name, b.OwnerName = old.Name, old.OwnerName
			p.documents(b)
			b.NIB = old.NIB
		} else {
			p.documents(b)
		}
		fmt.Fprintf(&csv, "%s;%s;%s;%s;%s;%s;%s;%s;%s;%s;%s\n", b.Name, b.OwnerName, b.VillageCode, b.Sector, p.revenue(),
			b.NIB, b.PIRTNumber, b.PIRTExpiresOn, halal[b.HalalStatus], b.HalalNumber, b.HalalExpiresOn)
	}
	im := importer.New(p.s, "36.04")
	opt := importer.Options{Actor: auth.Actor{UserID: 1, Username: "admin", Role: auth.Admin},
		OnRow: func(o importer.RowOutcome) {
			if o.BusinessID != 0 {
				p.ids = append(p.ids, o.BusinessID)
			}
		}}
	imp, err := im.Begin(ctx, "hitung.csv", opt)
	if err != nil {
		p.t.Fatal(err)
	}
	if err := im.Run(ctx, imp, importer.Input{Name: "hitung.csv", R: bytes.NewReader(csv.Bytes()), Size: int64(csv.Len())}, opt); err != nil {
		p.t.Fatalf("import: %v", err)
	}
}

// merge merges one business into another, the kept one taking the merged
// one's NIB when it has none.
func (p *countsRun) merge() {
	a, b := p.live(), p.live()
	if a == nil || b == nil || a.ID == b.ID {
		return
	}
	if a.NIB == "" {
		a.NIB = b.NIB
	}
	m := &duplicates.Merge{KeptID: a.ID, MergedID: b.ID, MergedBy: "uji", MergedAt: time.Now().UTC(),
		Detail: duplicates.Detail{Fields: []string{"nib"}}}
	e := &audit.Entry{Username: "uji", Action: "merge", Entity: "business", EntityID: a.ID, After: []byte(`{}`)}
	err := p.s.MergeBusinesses(ctx, a, m, e)
	switch {
	case err == nil:
		p.merges = append(p.merges, m.ID)
	case !apperr.Is(err, apperr.Conflict):
		p.t.Fatalf("merge: %v", err)
	}
}

// undo undoes a merge; one whose kept business changed since is refused.
func (p *countsRun) undo() {
	if len(p.merges) == 0 {
		return
	}
	id := p.merges[p.rng.IntN(len(p.merges))]
	_, err := p.s.UndoMerge(ctx, id, "uji", time.Now().UTC(), &audit.Entry{Username: "uji", Action: "merge_undo", Entity: "business"})
	if err != nil && !apperr.Is(err, apperr.Conflict) {
		p.t.Fatalf("undo merge: %v", err)
	}
}

// compare runs the integrity checks, then sets the statistics read from
// the counts against counting the register's active rows here.
func (p *countsRun) compare(what string) {
	t := p.t
	t.Helper()
	results, err := integrity.Run(ctx, p.s.Checks())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if !r.OK() {
			t.Fatalf("%s: %s:\n%s", what, r.Name, strings.Join(r.Differences, "\n"))
		}
	}
	want := registry.HomeStats{BySizeClass: map[string]int{}}
	perDistrict := map[string]map[string]int{} // district → doc → count
	var active []int64
	err = p.s.EachBusiness(ctx, registry.Filter{Sort: "id"}, func(b *registry.Business) error {
		active = append(active, b.ID)
		want.Total++
		want.BySizeClass[b.SizeClass]++
		docs := map[string]bool{"": true, registry.DocNIB: b.NIB != "", registry.DocPIRT: b.PIRTNumber != "",
			registry.DocPIRTExpired:  b.PIRTNumber != "" && b.PIRTExpiresOn != "" && b.PIRTExpiresOn < today,
			registry.DocHalal:        b.HalalStatus == registry.HalalCertified,
			registry.DocHalalExpired: b.HalalStatus == registry.HalalCertified && b.HalalExpiresOn != "" && b.HalalExpiresOn < today}
		for doc, has := range docs {
			if has {
				if perDistrict[b.DistrictCode] == nil {
					perDistrict[b.DistrictCode] = map[string]int{}
				}
				perDistrict[b.DistrictCode][doc]++
			}
		}
		if b.HalalStatus == registry.HalalInProcess {
			want.HalalProcess++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range perDistrict {
		want.NIB += d[registry.DocNIB]
		want.PIRT += d[registry.DocPIRT]
		want.PIRTExpired += d[registry.DocPIRTExpired]
		want.Halal += d[registry.DocHalal]
		want.HalalExpired += d[registry.DocHalalExpired]
	}
	got, err := p.s.HomeStats(ctx, registry.Filter{Today: today})
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: HomeStats = %+v, %v\nwant %+v", what, got, err, want)
	}
	for _, doc := range []string{"", registry.DocNIB, registry.DocPIRT, registry.DocPIRTExpired, registry.DocHalal,
		registry.DocHalalExpired} {
		rows, err := p.s.DistrictStats(ctx, registry.Filter{Doc: doc, Today: today})
		if err != nil {
			t.Fatal(err)
		}
		gotDoc := map[string]int{}
		for _, r := range rows {
			gotDoc[r.Code] = r.Businesses
		}
		wantDoc := map[string]int{}
		for code, d := range perDistrict {
			if d[doc] > 0 {
				wantDoc[code] = d[doc]
			}
		}
		if !reflect.DeepEqual(gotDoc, wantDoc) {
			t.Fatalf("%s: DistrictStats(doc %q) = %v, want %v", what, doc, gotDoc, wantDoc)
		}
	}
	p.compareAreas(what, active)
}

// compareAreas sets the statistics of an area, a class, a sector or a
// document, read from the counts, against the same filter with the active
// businesses' ids added, which the counts cannot answer: the register is
// counted instead.
func (p *countsRun) compareAreas(what string, active []int64) {
	t := p.t
	t.Helper()
	for _, f := range []registry.Filter{
		{Scope: registry.Scope{Regions: []string{cikande}}},
		{Scope: registry.Scope{Regions: []string{p.villages[0].Code, kramatwatu}}},
		{Scope: registry.Scope{Regions: []string{"36.04"}}},
		{District: kramatwatu, SizeClass: registry.Mikro},
		{Village: p.villages[1].Code, Doc: registry.DocPIRTExpired},
		{Sector: "G", Doc: registry.DocNoHalal},
		{Sector: "C", Doc: registry.DocHalalExpired},
		{Doc: registry.DocNoNIB, Scope: registry.Scope{Regions: []string{cikande}}},
	} {
		f.Today = today
		scan := f
		scan.IDs = append(active, -1) // never empty
		home, err := p.s.HomeStats(ctx, f)
		homeScan, errScan := p.s.HomeStats(ctx, scan)
		if err != nil || errScan != nil || !reflect.DeepEqual(home, homeScan) {
			t.Fatalf("%s: HomeStats(%+v) = %+v, %v; counting the register: %+v, %v", what, f, home, err, homeScan, errScan)
		}
		ds, err := p.s.DistrictStats(ctx, f)
		dsScan, errScan := p.s.DistrictStats(ctx, scan)
		if err != nil || errScan != nil || !reflect.DeepEqual(ds, dsScan) {
			t.Fatalf("%s: DistrictStats(%+v) = %+v, %v; counting the register: %+v, %v", what, f, ds, err, dsScan, errScan)
		}
	}
}

// revenue is a yearly revenue in an import's column, or a blank.
func (p *countsRun) revenue() string {
	if p.rng.IntN(4) == 0 {
		return ""
	}
	return fmt.Sprint(p.rng.IntN(60e9))
}
