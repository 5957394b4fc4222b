package programs

import (
	"io"
	"math"

	"naikkelas/internal/idfmt"
	"naikkelas/internal/sheet"
)

// WriteReportXLSX writes a programme's report as an Excel workbook with
// Indonesian headers: one sheet per kecamatan counts, one for tests and
// cost, one for the participants' progress. by names the office that runs
// the programme, at the head of the summary.
func WriteReportXLSX(w io.Writer, p *Program, rep *Report, prog []Progress, by Signatory) error {
	wb := sheet.New()
	defer wb.Close()
	rows := [][]any{{"Kode", "Kecamatan", "Pendaftar", "Memenuhi syarat", "Terpilih", "Pernah hadir", "Lulus"}}
	for _, d := range append(rep.Districts, rep.Totals) {
		rows = append(rows, []any{d.Code, d.Name, d.Applicants, d.Eligible, d.Selected, d.Attended, d.Completed})
	}
	if err := wb.Sheet("Per kecamatan", rows); err != nil {
		return err
	}
	sum := [][]any{
		{"Pemerintah daerah", by.Government},
		{"Penyelenggara", by.Agency},
		{"Program", p.Name},
		{"Tanggal", idfmt.DateRange(p.StartsOn, p.EndsOn)},
		{"Rata-rata pre-test", figure(rep.AvgPreTest, rep.AvgPreTest != 0)},
		{"Rata-rata post-test", figure(rep.AvgPostTest, rep.AvgPostTest != 0)},
		{"Rata-rata kenaikan nilai", figure(rep.AvgGain, rep.TestedPairs > 0)},
		{"Peserta dengan kedua nilai", rep.TestedPairs},
		{"Biaya", sheet.Money(rep.Cost)},
		{"Biaya per peserta", sheet.Money(rep.CostPerParticipant)},
		{"Biaya per lulusan", sheet.Money(rep.CostPerCompleter)},
		{},
		{"Sumber dana", "Jumlah", "Porsi (%)"},
	}
	for _, fs := range rep.Funding {
		sum = append(sum, []any{FundingKindLabel(fs.Kind), sheet.Money(fs.Amount), figure(fs.Share, true)})
	}
	if err := wb.Sheet("Ringkasan", sum); err != nil {
		return err
	}
	part := [][]any{{"ID usaha", "Nama usaha", "Kecamatan", "Status", "Kehadiran (%)", "Pre-test", "Post-test", "Lulus", "Syarat belum terpenuhi"}}
	for _, pr := range prog {
		lulus := "Tidak"
		if pr.Completed {
			lulus = "Ya"
		}
		part = append(part, []any{sheet.Plain(pr.BusinessID), pr.BusinessName, districtName(pr.DistrictCode), AppStatusLabel(pr.Status),
			figure(pr.AttendancePct, true), optional(pr.PreTest), optional(pr.PostTest), lulus, joinUnmet(pr.Unmet)})
	}
	if err := wb.Sheet("Peserta", part); err != nil {
		return err
	}
	return wb.Write(w)
}

func optional(v *float64) any {
	if v == nil {
		return ""
	}
	return figure(*v, true)
}

// figure is a number cell rounded to two decimals, as the pages show it
// (66,67 rather than 66,666666666666671), or an empty cell where there is
// no figure (an average of no scores is not 0).
func figure(v float64, ok bool) any {
	if !ok {
		return nil
	}
	return math.Round(v*100) / 100
}

func joinUnmet(u []string) string {
	out := ""
	for i, s := range u {
		if i > 0 {
			out += "; "
		}
		out += s
	}
	return out
}
