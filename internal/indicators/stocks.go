package indicators

import (
	"context"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/registry"
)

// Stock is what the register held as a calendar year ended (31 December,
// WIB) within an area, or today for the current year.
type Stock struct {
	Year int
	// Businesses were in the register: created by then and not archived
	// by then (an archived record's last change is taken as its archiving).
	Businesses int
	// Classes counts the businesses active today by the size class their
	// measurement ledger gave them as the year ended (the current year: up
	// to today), by registry.ClassRank (index 0 unused).
	Classes [5]int
	// Halal counts the halal certificates of businesses active today that
	// were valid then: issued (without an issue date: recorded) by then and
	// not expired before it. The register holds one per business.
	Halal int
	// Listed businesses, active today, had a product on a retailer's
	// shelf then: the listing started by then and had not ended before it.
	Listed int
}

// StockStore counts the register's stocks from kept counts or indexed,
// grouped queries, never business by business.
type StockStore interface {
	// Stocks returns one Stock per year of years within scope (which names
	// no single business): as the year ended, or as of today (YYYY-MM-DD)
	// for today's year.
	Stocks(ctx context.Context, scope registry.Scope, years []int, today string) ([]Stock, error)
}

// stockTrends are the key figures that are stocks: how many businesses the
// register held, of each size class, halal-compliant and on retailers'
// shelves, each as its year ended (this year: today).
func (s *Service) stockTrends(ctx context.Context, a auth.Actor, first, last int, today string) ([]Trend, error) {
	if s.Stocks == nil {
		return nil, nil
	}
	if a.Role != auth.Admin && a.Role != auth.Pimpinan && a.Role != auth.Operator {
		return nil, apperr.New(apperr.Forbidden, "Tren per tahun hanya untuk petugas dan pimpinan")
	}
	var years []int
	for y := first; y <= last; y++ {
		years = append(years, y)
	}
	stocks, err := s.Stocks.Stocks(ctx, registry.ScopeOf(a), years, today)
	if err != nil {
		return nil, err
	}
	var out []Trend
	for _, f := range stockFigures() {
		t := f.trend
		for _, st := range stocks {
			t.Years = append(t.Years, YearValue{Year: st.Year, Value: f.of(st)})
		}
		out = append(out, t)
	}
	return out, nil
}

// stockFigure is one stock trend and how to read it from a Stock.
type stockFigure struct {
	trend Trend
	of    func(Stock) int
}

// stockFigures are the stock trends in the order the home page shows them,
// each labelled and explained (Note) as the office reads it.
func stockFigures() []stockFigure {
	const asOf = " Tahun berjalan: keadaan hari ini."
	stock := func(key, label, note string, of func(Stock) int) stockFigure {
		return stockFigure{Trend{Key: key, Label: label, Stock: true, Note: note + asOf}, of}
	}
	out := []stockFigure{stock("businesses", "Usaha terdaftar",
		"Usaha dalam daftar pada 31 Desember: sudah didaftarkan dan belum diarsipkan saat itu.",
		func(s Stock) int { return s.Businesses })}
	for i, c := range registry.SizeClasses {
		out = append(out, stock("class_"+c, "Usaha "+c,
			"Usaha yang terdaftar hari ini yang berkelas "+c+" (PP 7/2021) menurut pengukuran terakhirnya sampai 31 Desember.",
			func(s Stock) int { return s.Classes[i+1] }))
	}
	return append(out,
		stock("halal", "Bersertifikat halal",
			"Sertifikat halal usaha yang terdaftar hari ini yang berlaku pada 31 Desember: sudah terbit (tanpa tanggal terbit: sudah dicatat) dan belum kedaluwarsa.",
			func(s Stock) int { return s.Halal }),
		stock("listed", "Masuk ritel modern",
			"Usaha yang terdaftar hari ini dengan produk di rak ritel modern pada 31 Desember: listing sudah mulai dan belum berakhir.",
			func(s Stock) int { return s.Listed }))
}
