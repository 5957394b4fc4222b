package web

import (
	"cmp"
	"slices"

	"naikkelas/internal/market"
)

// A page of a few listings shows them all; beyond that each retailer is a
// closed section with a summary line, so a phone scrolls past retailers,
// not past every card.
const (
	retailSectionsOpenUpTo = 6 // listings on the page up to which every retailer's section is open
	retailRowsOpenUpTo     = 3 // listings on the page up to which every listing is open
)

// retailSection is one retailer on /ritel: its sums on the summary line
// and its listings, those with the most money past terms first.
type retailSection struct {
	market.RetailerOwed
	Rows         []retailRow
	UnpaidMonths int
	Open         bool
}

// retailRow is one listing with the months not paid for yet.
type retailRow struct {
	*market.Listing
	Unpaid []market.UnpaidSale // longest unpaid first
	Open   bool
	Focus  bool // just acted on: the page's notice shows in it
}

// retailSections groups the listings per retailer. focus (a listing just
// acted on, 0 for none) opens its section and its row; focused says it
// is on the page.
func retailSections(list []market.Listing, sums []market.RetailerOwed, unpaid []market.UnpaidSale, focus int64) (secs []retailSection, focused bool) {
	months := map[int64][]market.UnpaidSale{}
	for _, u := range unpaid {
		months[u.Listing.ID] = append(months[u.Listing.ID], u)
	}
	at := map[int64]int{}
	secs = make([]retailSection, len(sums))
	for i, ro := range sums {
		at[ro.PartnerID] = i
		secs[i] = retailSection{RetailerOwed: ro, Open: len(sums) == 1 || len(list) <= retailSectionsOpenUpTo}
	}
	for i := range list {
		l := &list[i]
		sec := &secs[at[l.PartnerID]]
		row := retailRow{Listing: l, Unpaid: months[l.ID], Focus: l.ID == focus}
		row.Open = row.Focus || len(list) <= retailRowsOpenUpTo
		focused = focused || row.Focus
		sec.Open = sec.Open || row.Open
		sec.UnpaidMonths += len(row.Unpaid)
		sec.Rows = append(sec.Rows, row)
	}
	for i := range secs {
		slices.SortStableFunc(secs[i].Rows, func(a, b retailRow) int {
			return cmp.Or(cmp.Compare(b.Totals.OwedPastTerms, a.Totals.OwedPastTerms), cmp.Compare(b.Totals.Owed, a.Totals.Owed))
		})
	}
	return secs, focused
}
