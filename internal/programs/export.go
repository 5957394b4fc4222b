package programs

import (
	"io"

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
		{"Rata-rata pre-test", rep.AvgPreTest},
		{"Rata-rata post-test", rep.AvgPostTest},
		{"Rata-rata kenaikan nilai", rep.AvgGain},
		{"Peserta dengan kedua nilai", rep.TestedPairs},
		{"Biaya (Rp)", rep.Cost},
		{"Biaya per peserta (Rp)", rep.CostPerParticipant},
		{"Biaya per lulusan (Rp)", rep.CostPerCompleter},
		{},
		{"Sumber dana", "Jumlah (Rp)", "Porsi (%)"},
	}
	for _, fs := range rep.Funding {
		sum = append(sum, []any{FundingKindLabel(fs.Kind), fs.Amount, fs.Share})
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
		part = append(part, []any{pr.BusinessID, pr.BusinessName, districtName(pr.DistrictCode), AppStatusLabel(pr.Status),
			pr.AttendancePct, optional(pr.PreTest), optional(pr.PostTest), lulus, joinUnmet(pr.Unmet)})
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
	return *v
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
