package market

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// A listing is a product on a retailer's shelves after it passed the
// retailer's curation: which outlets, from when, on consignment or bought
// outright, and how many days after a month's end the retailer pays for
// that month's sales. The retailer's mitra (or an officer) reports sales
// month by month; each month's money is due at the month's end plus the
// terms, and is owed until its paid date is recorded.

// Modes of a listing.
const (
	ModeConsignment = "consignment" // konsinyasi: paid for what sold
	ModePurchase    = "purchase"    // beli putus: the retailer buys the stock
)

// Modes lists the modes.
var Modes = []string{ModeConsignment, ModePurchase}

// ModeLabel is the Indonesian name of a mode.
func ModeLabel(m string) string {
	if m == ModePurchase {
		return "Beli putus"
	}
	return "Konsinyasi"
}

// Listing is one product on one retailer's shelves.
type Listing struct {
	ID               int64     `json:"id"`
	ProductID        int64     `json:"product_id"`
	ProductName      string    `json:"product_name"`
	BusinessID       int64     `json:"business_id"`
	BusinessName     string    `json:"business_name"`
	DistrictCode     string    `json:"district_code"`
	District         string    `json:"district"`
	VillageCode      string    `json:"-"` // for the area check only
	PartnerID        int64     `json:"partner_id"`
	PartnerName      string    `json:"partner_name"`
	Outlets          []string  `json:"outlets"`
	StartsOn         string    `json:"starts_on"`
	EndsOn           string    `json:"ends_on"`    // last day on the shelf; "" while it stays
	EndReason        string    `json:"end_reason"` // why it left, with EndsOn
	Mode             string    `json:"mode"`
	PaymentTermsDays int       `json:"payment_terms_days"`
	Sales            []Sale    `json:"sales"` // oldest month first
	Totals           Owed      `json:"totals"`
	CreatedBy        string    `json:"created_by"`
	CreatedAt        time.Time `json:"created_at"`
}

// Sale is one month's sales of a listing and the payment for them.
type Sale struct {
	ID         int64     `json:"id"`
	ListingID  int64     `json:"listing_id"`
	Month      string    `json:"month"` // YYYY-MM
	Units      int64     `json:"units"`
	Revenue    int64     `json:"revenue"` // rupiah owed to the business for the month
	DueOn      string    `json:"due_on"`  // the month's last day + the terms
	PaidOn     string    `json:"paid_on"` // "" while unpaid
	ReportedBy string    `json:"reported_by"`
	ReportedAt time.Time `json:"reported_at"`
	// DaysUnpaid counts the days since the month's end while unpaid;
	// DaysOverdue those past the due date. Both are as of today.
	DaysUnpaid  int `json:"days_unpaid"`
	DaysOverdue int `json:"days_overdue"`
}

// Owed sums sales and what is still owed for them.
type Owed struct {
	Units          int64 `json:"units"`
	Revenue        int64 `json:"revenue"`
	Owed           int64 `json:"owed"`            // unpaid revenue
	OwedPastTerms  int64 `json:"owed_past_terms"` // unpaid past its due date
	OldestUnpaid   int   `json:"oldest_unpaid_days"`
	LongestOverdue int   `json:"longest_overdue_days"`
}

// ListingFilter selects listings.
type ListingFilter struct {
	PartnerID  int64  // 0 = every retailer
	District   string // kecamatan code; "" = all
	BusinessID int64  // 0 = every business
}

// Limits of a listing and a sale.
const (
	maxOutlets   = 500
	maxTerms     = 365
	maxUnits     = 1_000_000_000
	maxRevenue   = 1_000_000_000_000
	monthLayout  = "2006-01"
	outletLength = 100
)

// Validate checks a new listing's own fields and returns an Indonesian
// message per bad field.
func (l *Listing) Validate() map[string]string {
	f := map[string]string{}
	l.StartsOn, l.EndsOn, l.Mode = strings.TrimSpace(l.StartsOn), strings.TrimSpace(l.EndsOn), strings.TrimSpace(l.Mode)
	outlets := []string{}
	for _, o := range l.Outlets {
		if o = strings.TrimSpace(o); o != "" && !slices.Contains(outlets, o) {
			outlets = append(outlets, o)
		}
	}
	l.Outlets = outlets
	switch {
	case len(outlets) == 0:
		f["outlets"] = "Sebutkan minimal satu gerai"
	case len(outlets) > maxOutlets:
		f["outlets"] = fmt.Sprintf("Paling banyak %d gerai", maxOutlets)
	}
	for _, o := range outlets {
		if utf8.RuneCountInString(o) > outletLength {
			f["outlets"] = fmt.Sprintf("Nama gerai paling panjang %d karakter", outletLength)
		}
	}
	start, err := time.Parse(time.DateOnly, l.StartsOn)
	if err != nil {
		f["starts_on"] = "Tanggal mulai dengan format TTTT-BB-HH"
	}
	if l.EndsOn != "" {
		if end, err := time.Parse(time.DateOnly, l.EndsOn); err != nil || end.Before(start) {
			f["ends_on"] = "Tanggal selesai TTTT-BB-HH, tidak sebelum tanggal mulai"
		}
	}
	if !slices.Contains(Modes, l.Mode) {
		f["mode"] = "Cara kerja sama: consignment (konsinyasi) atau purchase (beli putus)"
	}
	if l.PaymentTermsDays < 0 || l.PaymentTermsDays > maxTerms {
		f["payment_terms_days"] = fmt.Sprintf("Tempo pembayaran 0 sampai %d hari", maxTerms)
	}
	return f
}

// ActiveOn reports whether the listing is on the shelf on day (YYYY-MM-DD).
func (l *Listing) ActiveOn(day string) bool {
	return l.StartsOn <= day && (l.EndsOn == "" || l.EndsOn >= day)
}

// ListingEnd is a product leaving a retailer's shelves: its last day on
// them and why.
type ListingEnd struct {
	EndsOn string `json:"ends_on"`
	Reason string `json:"reason"`
}

// maxEndReason bounds the reason's length.
const maxEndReason = 300

// CheckEnd validates ending the listing as of today and returns an
// Indonesian message per bad field. The end is recorded once it happened
// or happens today: it is not before the start, not after today, and not
// before a month whose sales were already reported.
func (l *Listing) CheckEnd(e *ListingEnd, today time.Time) map[string]string {
	f := map[string]string{}
	e.EndsOn, e.Reason = strings.TrimSpace(e.EndsOn), strings.TrimSpace(e.Reason)
	end, err := time.Parse(time.DateOnly, e.EndsOn)
	switch {
	case err != nil:
		f["ends_on"] = "Tanggal selesai dengan format TTTT-BB-HH"
	case e.EndsOn < l.StartsOn:
		f["ends_on"] = "Tanggal selesai tidak boleh sebelum tanggal mulai (" + l.StartsOn + ")"
	case end.After(today):
		f["ends_on"] = "Tanggal selesai tidak boleh setelah hari ini; catat setelah produk turun dari rak"
	}
	for _, s := range l.Sales {
		if f["ends_on"] == "" && s.Month > e.EndsOn[:7] {
			f["ends_on"] = "Sudah ada penjualan bulan " + s.Month + "; tanggal selesai tidak boleh sebelum bulan itu"
		}
	}
	switch n := utf8.RuneCountInString(e.Reason); {
	case n < 3:
		f["reason"] = "Sebutkan alasan produk selesai dipajang"
	case n > maxEndReason:
		f["reason"] = fmt.Sprintf("Alasan paling panjang %d karakter", maxEndReason)
	}
	return f
}

// CheckSale validates a month's report against the listing as of today
// and fills its due date. It returns an Indonesian message per bad field.
func (l *Listing) CheckSale(s *Sale, today time.Time) map[string]string {
	f := map[string]string{}
	s.Month, s.PaidOn = strings.TrimSpace(s.Month), strings.TrimSpace(s.PaidOn)
	month, err := time.Parse(monthLayout, s.Month)
	switch {
	case err != nil || len(s.Month) != len(monthLayout):
		f["month"] = "Bulan dengan format TTTT-BB, mis. 2026-01"
	case s.Month < l.StartsOn[:7]:
		f["month"] = "Bulan sebelum produk mulai dipajang (" + l.StartsOn[:7] + ")"
	case s.Month > today.Format(monthLayout):
		f["month"] = "Penjualan bulan yang belum berjalan belum dapat dilaporkan"
	case l.EndsOn != "" && s.Month > l.EndsOn[:7]:
		f["month"] = "Bulan setelah produk selesai dipajang (" + l.EndsOn[:7] + ")"
	}
	if s.Units < 0 || s.Units > maxUnits {
		f["units"] = "Jumlah terjual: bilangan bulat 0 atau lebih"
	}
	if s.Revenue < 0 || s.Revenue > maxRevenue {
		f["revenue"] = "Nilai penjualan: rupiah utuh 0 atau lebih"
	}
	if len(f) > 0 {
		return f
	}
	end := month.AddDate(0, 1, -1)
	s.DueOn = end.AddDate(0, 0, l.PaymentTermsDays).Format(time.DateOnly)
	if s.PaidOn != "" {
		paid, err := time.Parse(time.DateOnly, s.PaidOn)
		switch {
		case err != nil:
			f["paid_on"] = "Tanggal bayar dengan format TTTT-BB-HH"
		case paid.Before(month):
			f["paid_on"] = "Tanggal bayar sebelum bulan penjualannya"
		case paid.After(today):
			f["paid_on"] = "Tanggal bayar belum lewat"
		}
	}
	return f
}

// Tally fills the sales' ages and the listing's totals as of today.
func (l *Listing) Tally(today time.Time) {
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	l.Totals = Owed{}
	if l.Sales == nil {
		l.Sales = []Sale{}
	}
	for i := range l.Sales {
		s := &l.Sales[i]
		l.Totals.Units += s.Units
		l.Totals.Revenue += s.Revenue
		s.DaysUnpaid, s.DaysOverdue = 0, 0
		if s.PaidOn != "" || s.Revenue == 0 {
			continue
		}
		month, _ := time.Parse(monthLayout, s.Month)
		due, _ := time.Parse(time.DateOnly, s.DueOn)
		s.DaysUnpaid = max(0, int(day.Sub(month.AddDate(0, 1, -1)).Hours()/24))
		s.DaysOverdue = max(0, int(day.Sub(due).Hours()/24))
		l.Totals.Owed += s.Revenue
		if s.DaysOverdue > 0 {
			l.Totals.OwedPastTerms += s.Revenue
		}
		l.Totals.OldestUnpaid = max(l.Totals.OldestUnpaid, s.DaysUnpaid)
		l.Totals.LongestOverdue = max(l.Totals.LongestOverdue, s.DaysOverdue)
	}
}

// Add adds another sum to o.
func (o *Owed) Add(x Owed) {
	o.Units += x.Units
	o.Revenue += x.Revenue
	o.Owed += x.Owed
	o.OwedPastTerms += x.OwedPastTerms
	o.OldestUnpaid = max(o.OldestUnpaid, x.OldestUnpaid)
	o.LongestOverdue = max(o.LongestOverdue, x.LongestOverdue)
}

// RetailerOwed is what one retailer owes over its listings.
type RetailerOwed struct {
	PartnerID   int64
	PartnerName string
	Listings    int
	Owed
}

// UnpaidSale is a month not paid for yet, with its listing.
type UnpaidSale struct {
	Listing *Listing
	Sale
}

// OwedByRetailer sums tallied listings per retailer, in their order, and
// lists the unpaid months, longest unpaid first.
func OwedByRetailer(list []Listing) ([]RetailerOwed, []UnpaidSale) {
	var sums []RetailerOwed
	at := map[int64]int{}
	unpaid := []UnpaidSale{}
	for i := range list {
		l := &list[i]
		j, ok := at[l.PartnerID]
		if !ok {
			j = len(sums)
			at[l.PartnerID] = j
			sums = append(sums, RetailerOwed{PartnerID: l.PartnerID, PartnerName: l.PartnerName})
		}
		sums[j].Listings++
		sums[j].Owed.Add(l.Totals)
		for _, s := range l.Sales {
			if s.PaidOn == "" && s.Revenue > 0 {
				unpaid = append(unpaid, UnpaidSale{Listing: l, Sale: s})
			}
		}
	}
	slices.SortStableFunc(unpaid, func(a, b UnpaidSale) int { return b.DaysUnpaid - a.DaysUnpaid })
	return sums, unpaid
}
