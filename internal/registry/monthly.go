package registry

import (
	"naikkelas/internal/idfmt"
)

// fromMonthly turns a monthly revenue, as owners usually know it, into the
// annual revenue the size class needs (× 12), and notes on the measurement
// that it was derived, as an import of an "Omzet per Bulan" column does.
// It returns the field errors of the monthly figure.
func (m *Measurement) fromMonthly() map[string]string {
	f := map[string]string{}
	if m.MonthlyRevenue == nil {
		return f
	}
	monthly := *m.MonthlyRevenue
	switch {
	case m.AnnualRevenue != nil:
		f["monthly_revenue"] = "Isi omzet per tahun atau omzet per bulan, tidak keduanya"
	case monthly < 0:
		f["monthly_revenue"] = "Omzet per bulan tidak boleh negatif"
	case monthly > MaxRupiah/12:
		f["monthly_revenue"] = "Omzet per bulan tidak wajar (maks. Rp83 triliun)"
	default:
		annual := monthly * 12
		m.AnnualRevenue = &annual
		m.Note = MonthlyNote(monthly)
	}
	m.MonthlyRevenue = nil
	return f
}

// MonthlyNote is the note a measurement carries when its annual revenue was
// computed from a monthly one.
func MonthlyNote(monthly int64) string {
	return "Omzet per bulan " + idfmt.Rupiah(monthly) + " × 12"
}
