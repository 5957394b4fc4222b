package web

import (
	"fmt"
	"math"
	"net/http"

	"naikkelas/internal/apperr"
	"naikkelas/internal/assessment"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/market"
	"naikkelas/internal/sheet"
)

// naikKelasExport downloads the report as XLSX: one sheet per kecamatan
// table, one per year, with a programme the comparison (market steps and
// measures included), and the market outcomes per kecamatan (of the
// programme's completers with a programme). Headers and
// the period are Indonesian words; numbers stay numbers so the office can
// compute with them, shown grouped by thousands (sheet), percentages
// rounded to one decimal as the page shows them.
func (s *Server) naikKelasExport(w http.ResponseWriter, r *http.Request) error {
	_, st, err := s.seriesStats(r)
	if err != nil {
		return err
	}
	programID := int64(0)
	if st.Program != nil {
		programID = st.Program.ProgramID
	}
	mo, err := s.Market.MarketOutcomes(r.Context(), actor(r), programID)
	if apperr.Is(err, apperr.Forbidden) {
		mo, err = nil, nil // the market sheet is the office's and its leaders'
	}
	if err != nil {
		return err
	}
	wb, err := naikKelasWorkbook(st, mo, r.URL.Query().Get("district"))
	if err != nil {
		return err
	}
	defer wb.Close()
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="naik-kelas_%s_%s.xlsx"`, st.From, st.To))
	if err := wb.Write(w); err != nil {
		s.Logger.Error("xlsx write", "error", err.Error())
	}
	return nil
}

var countHeaders = []string{"Kelas naik", "Kelas turun", "Kelas tetap", "Kelas tanpa data",
	"Level naik", "Level turun", "Level tetap", "Level tanpa data"}

func countCells(c assessment.Counts) []any {
	return []any{c.SizeUp, c.SizeDown, c.SizeUnchanged, c.SizeNoData, c.LevelUp, c.LevelDown, c.LevelUnchanged, c.LevelNoData}
}

func naikKelasWorkbook(st *assessment.Stats, mo *market.Outcomes, district string) (*sheet.Workbook, error) {
	wb := sheet.New()
	rows := [][]any{{"Periode", idfmt.DateRange(st.From, st.To)}, {}}
	head := append([]any{"Kode", "Kecamatan"}, toAny(countHeaders)...)
	head = append(head, "Kelas naik (terverifikasi)", "Level naik (terverifikasi)")
	rows = append(rows, head)
	for _, d := range st.Districts {
		row := append([]any{d.Code, d.Name}, countCells(d.Counts)...)
		rows = append(rows, append(row, d.BySource.Verified.SizeUp, d.BySource.Verified.LevelUp))
	}
	total := append([]any{"", "Jumlah"}, countCells(st.Counts)...)
	rows = append(rows, append(total, st.BySource.Verified.SizeUp, st.BySource.Verified.LevelUp), []any{})
	rows = append(rows, baselineRows(st)...)
	if err := wb.Sheet("Per kecamatan", rows); err != nil {
		wb.Close()
		return nil, err
	}
	years := [][]any{append([]any{"Dari", "Sampai"}, toAny(countHeaders)...)}
	for _, p := range st.Series {
		years = append(years, append([]any{sheet.Date(p.From), sheet.Date(p.To)}, countCells(p.Counts)...))
	}
	if err := wb.Sheet("Per tahun", years); err != nil {
		wb.Close()
		return nil, err
	}
	if p := st.Program; p != nil {
		prog := [][]any{{"Program", p.Name}, {"Mulai", sheet.Date(p.StartsOn)}, {"Peserta lulus", p.Completers},
			{"Peserta tanpa pasangan pembanding", p.Unmatched}, {},
			{"", "Peserta lulus", "Pembanding", "Selisih (poin persen)"},
			{"Usaha dipasangkan", p.CompletersGroup.Businesses, p.ComparisonGroup.Businesses},
			{"Dasar persentase kelas", p.CompletersGroup.SizeRateBase, p.ComparisonGroup.SizeRateBase},
			{"Kelas naik (%)", rate(p.CompletersGroup.SizeUpRate), rate(p.ComparisonGroup.SizeUpRate), rate(p.SizeUpDifference)},
			{"Dasar persentase level", p.CompletersGroup.LevelRateBase, p.ComparisonGroup.LevelRateBase},
			{"Level naik (%)", rate(p.CompletersGroup.LevelUpRate), rate(p.ComparisonGroup.LevelUpRate), rate(p.LevelUpDifference)},
			{}, {"Catatan", p.Note}}
		prog = append(prog, programMarketRows(p)...)
		if err := wb.Sheet("Program", prog); err != nil {
			wb.Close()
			return nil, err
		}
	}
	if mo != nil {
		if err := wb.Sheet("Akses pasar", marketSheet(mo, district)); err != nil {
			wb.Close()
			return nil, err
		}
	}
	return wb, nil
}

// rate is a percentage rounded as the page shows it, or "—" without one.
func rate(v *float64) any {
	if v == nil {
		return idfmt.Dash
	}
	return math.Round(*v*10) / 10
}

// baselineRows say what each business's change was measured from, as the
// page does under its table.
func baselineRows(st *assessment.Stats) [][]any {
	b := st.Baseline
	rows := [][]any{{"Pembanding kelas usaha", "Usaha"},
		{"Data terakhir sebelum " + idfmt.DateString(st.From), b.BeforeFrom},
		{"Data pertama dalam periode (belum ada data sebelumnya)", b.FirstInWindow}}
	if b.LevelBeforeFrom+b.LevelFirstInWindow > 0 {
		rows = append(rows, []any{"Level: penilaian sebelum periode", b.LevelBeforeFrom},
			[]any{"Level: penilaian pertama dalam periode", b.LevelFirstInWindow})
	}
	return rows
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
