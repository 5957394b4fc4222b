package programs

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// WriteReportXLSX writes a programme's report as an Excel workbook with
// Indonesian headers: one sheet per kecamatan counts, one for tests and
// cost, one for the participants' progress.
func WriteReportXLSX(w io.Writer, p *Program, rep *Report, prog []Progress) error {
	f := excelize.NewFile()
	defer f.Close()
	const s1, s2, s3 = "Per kecamatan", "Ringkasan", "Peserta"
	if err := f.SetSheetName("Sheet1", s1); err != nil {
		return err
	}
	if _, err := f.NewSheet(s2); err != nil {
		return err
	}
	if _, err := f.NewSheet(s3); err != nil {
		return err
	}
	rows := [][]any{{"Kode", "Kecamatan", "Pendaftar", "Memenuhi syarat", "Terpilih", "Hadir", "Lulus"}}
	for _, d := range append(rep.Districts, rep.Totals) {
		rows = append(rows, []any{d.Code, d.Name, d.Applicants, d.Eligible, d.Selected, d.Attended, d.Completed})
	}
	if err := writeRows(f, s1, rows); err != nil {
		return err
	}
	sum := [][]any{
		{"Program", p.Name},
		{"Tanggal", FormatDateRange(p.StartsOn, p.EndsOn)},
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
		sum = append(sum, []any{fs.Kind, fs.Amount, fs.Share})
	}
	if err := writeRows(f, s2, sum); err != nil {
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
	if err := writeRows(f, s3, part); err != nil {
		return err
	}
	return f.Write(w)
}

func writeRows(f *excelize.File, sheet string, rows [][]any) error {
	for i, r := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			return err
		}
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			return fmt.Errorf("programs: xlsx %s row %d: %w", sheet, i+1, err)
		}
	}
	return nil
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
