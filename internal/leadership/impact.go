package leadership

import (
	"context"
	"fmt"
	"io"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/funding"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/office"
	"naikkelas/internal/partners"
)

// Impact is a partner's impact report for its own CSR reporting: the
// office that runs the programmes, what the partner committed and
// delivered, and the programmes it funds with their aggregated outcomes.
// It holds figures only, as the partner portal does.
type Impact struct {
	Office      office.Identity
	Logo        []byte
	Year        int // 0 = every year
	GeneratedAt time.Time
	Ledger      *partners.Ledger
	Programs    []partners.Program // with their naik-kelas comparison where measurable
}

// Impact gathers a mitra's impact report for a budget year (0 = every
// year); programmes are those whose dates meet the year.
func (s *Service) Impact(ctx context.Context, a auth.Actor, year int) (*Impact, error) {
	if !a.IsMitra() {
		return nil, apperr.New(apperr.Forbidden, "Laporan dampak hanya untuk akun mitra")
	}
	led, err := s.Partners.Ledger(ctx, a, year)
	if err != nil {
		return nil, err
	}
	d := &Impact{Year: year, GeneratedAt: s.Now(), Ledger: led, Programs: []partners.Program{}}
	if d.Office, d.Logo, err = s.identity(ctx); err != nil {
		return nil, err
	}
	list, err := s.Partners.FundedPrograms(ctx, a)
	if err != nil {
		return nil, err
	}
	for _, p := range list {
		if year != 0 && (yearOf(p.EndsOn) < year || yearOf(p.StartsOn) > year) {
			continue
		}
		one, err := s.Partners.FundedProgram(ctx, a, p.ID)
		if err != nil {
			return nil, err
		}
		d.Programs = append(d.Programs, *one)
	}
	return d, nil
}

// Period names the report's years in words.
func (d *Impact) Period() string {
	if d.Year == 0 {
		return "semua tahun"
	}
	return fmt.Sprintf("tahun %d", d.Year)
}

// RenderImpact writes the impact report as an A4 PDF.
func RenderImpact(w io.Writer, d *Impact) error {
	title := "Laporan Dampak " + d.Ledger.PartnerName
	p := newDoc(d.Office, title, d.GeneratedAt)
	if err := p.letterhead(d.Office, d.Logo, "Laporan Dampak Kemitraan", d.Ledger.PartnerName+", "+d.Period()); err != nil {
		return err
	}
	t := d.Ledger.Totals
	var participants, completers int
	for _, pr := range d.Programs {
		participants += pr.Totals.Participants
		completers += pr.Totals.Completed
	}
	p.heading("Ringkasan")
	p.figureBoxes([][2]string{
		{"Komitmen", idfmt.Rupiah(t.Committed)},
		{"Terealisasi", idfmt.Rupiah(t.Realised) + " (" + idfmt.Percent(t.RealisedPct()) + ")"},
		{"Dialokasikan ke program", idfmt.Rupiah(t.Allocated)},
		{"Program didanai", idfmt.Number(int64(len(d.Programs)))},
		{"Peserta", idfmt.Number(int64(participants))},
		{"Lulus", idfmt.Number(int64(completers))},
	})
	p.impactLedger(d.Ledger)
	p.impactProgrammes(d.Programs)
	p.text("I", 7, 4, "Laporan ini berisi angka agregat; nama usaha, NIK dan nomor telepon peserta tidak dicantumkan.")
	return p.output(w)
}

func (p *doc) impactLedger(l *partners.Ledger) {
	if !p.section("Komitmen dan realisasi per tahun", len(l.Years), "Belum ada komitmen yang tercatat.") {
		return
	}
	var rows [][]string
	for _, y := range append(l.Years, l.Totals) {
		name := "Jumlah"
		if y.Year != 0 {
			name = fmt.Sprint(y.Year)
		}
		rows = append(rows, []string{name, idfmt.Rupiah(y.Committed), idfmt.Rupiah(y.Realised), idfmt.Rupiah(y.Allocated), idfmt.Rupiah(y.Unspent)})
	}
	p.table([]string{"Tahun", "Komitmen", "Realisasi", "Dialokasikan", "Belum terpakai"}, []float64{40, 35, 35, 35, 35}, rows)
	p.Ln(2)
	rows = nil
	for _, c := range l.Commitments {
		ref := c.Reference
		if ref == "" {
			ref = "—"
		}
		rows = append(rows, []string{fmt.Sprintf("%d %s %s", c.Year, ref, funding.KindLabel(c.Kind)), idfmt.Rupiah(c.Amount),
			idfmt.Rupiah(c.Realised), idfmt.Rupiah(c.Allocated)})
	}
	p.table([]string{"Komitmen (tahun, MoU/PKS, jenis)", "Nilai", "Realisasi", "Dialokasikan"}, []float64{75, 35, 35, 35}, rows)
}

func (p *doc) impactProgrammes(list []partners.Program) {
	if !p.section("Program yang didanai dan hasilnya", len(list), "Belum ada program yang didanai dalam periode ini.") {
		return
	}
	for _, pr := range list {
		if p.GetY() > 240 {
			p.AddPage()
		}
		p.text("B", 10, 6, pr.Name+" ("+idfmt.DateRange(pr.StartsOn, pr.EndsOn)+")")
		var rows [][]string
		for _, x := range pr.Districts {
			rows = append(rows, []string{x.Name, idfmt.Number(int64(x.Participants)), idfmt.Number(int64(x.Completed))})
		}
		rows = append(rows, []string{"Jumlah", idfmt.Number(int64(pr.Totals.Participants)), idfmt.Number(int64(pr.Totals.Completed))})
		p.table([]string{"Kecamatan peserta", "Peserta", "Lulus"}, []float64{90, 45, 45}, rows)
		if n := pr.NaikKelas; n != nil {
			p.text("", 9, 5, "Naik kelas: lulusan "+rate(n.CompletersGroup.SizeUpRate, n.CompletersGroup.SizeRateBase)+
				"; kelompok pembanding "+rate(n.ComparisonGroup.SizeUpRate, n.ComparisonGroup.SizeRateBase)+".")
		}
		p.Ln(2)
	}
}
