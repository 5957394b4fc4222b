package storetest

import (
	"bytes"
	"fmt"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/duplicates"
	"naikkelas/internal/importer"
	"naikkelas/internal/registry"
)

// The property test's writes of many businesses at once (InsertBatch, an
// import) and of two (merge, undo); counts.go has the rest.

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

// revenue is a yearly revenue in an import's column, or a blank.
func (p *countsRun) revenue() string {
	if p.rng.IntN(4) == 0 {
		return ""
	}
	return fmt.Sprint(p.rng.IntN(60e9))
}
