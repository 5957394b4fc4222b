package web

import (
	"fmt"
	"testing"

	"naikkelas/internal/market"
)

// TestRetailSections: a few listings show open; many show closed, a
// retailer per line, unless one retailer is on the page; the listing just
// acted on opens with its retailer; within a retailer the most money past
// terms comes first, and each listing carries its own unpaid months.
func TestRetailSections(t *testing.T) {
	listings := func(n int) []market.Listing {
		var list []market.Listing
		for i := range n {
			l := market.Listing{ID: int64(i + 1), PartnerID: int64(1 + i%2), PartnerName: fmt.Sprint("Ritel ", 1+i%2)}
			l.Totals.OwedPastTerms = int64(i * 1000)
			if i%3 == 0 {
				l.Sales = []market.Sale{{Month: "2026-10", Revenue: 5000}, {Month: "2026-11", Revenue: 7000, PaidOn: "2026-12-01"}}
			}
			list = append(list, l)
		}
		return list
	}
	for _, c := range []struct {
		name                 string
		list                 []market.Listing
		focus                int64
		sectionsOpen, rows   int
		rowsOpen, firstID    int64
		focused              bool
		unpaidOfFirstSection int
	}{
		{name: "two listings", list: listings(2), sectionsOpen: 2, rows: 2, rowsOpen: 2, firstID: 1, unpaidOfFirstSection: 1},
		{name: "six listings", list: listings(6), sectionsOpen: 2, rows: 6, rowsOpen: 0, firstID: 5, unpaidOfFirstSection: 1},
		{name: "forty listings", list: listings(40), sectionsOpen: 0, rows: 40, rowsOpen: 0, firstID: 39, unpaidOfFirstSection: 7},
		{name: "forty, one acted on", list: listings(40), focus: 8, sectionsOpen: 1, rows: 40, rowsOpen: 1, firstID: 39, focused: true, unpaidOfFirstSection: 7},
		{name: "one retailer", list: listings(40)[:1], sectionsOpen: 1, rows: 1, rowsOpen: 1, firstID: 1, unpaidOfFirstSection: 1},
		{name: "a focus not on the page", list: listings(40), focus: 99, rows: 40, firstID: 39, unpaidOfFirstSection: 7},
	} {
		sums, unpaid := market.OwedByRetailer(c.list)
		secs, focused := retailSections(c.list, sums, unpaid, c.focus)
		var open, rows, rowsOpen int64
		for _, s := range secs {
			if s.Open {
				open++
			}
			for _, r := range s.Rows {
				rows++
				if r.Open {
					rowsOpen++
				}
			}
		}
		if open != int64(c.sectionsOpen) || rows != int64(c.rows) || rowsOpen != c.rowsOpen || focused != c.focused {
			t.Errorf("%s: %d sections open, %d rows, %d open, focused %v", c.name, open, rows, rowsOpen, focused)
		}
		if first := secs[0].Rows[0].ID; first != c.firstID {
			t.Errorf("%s: first listing %d, want %d (most past terms)", c.name, first, c.firstID)
		}
		if secs[0].UnpaidMonths != c.unpaidOfFirstSection {
			t.Errorf("%s: first retailer has %d unpaid months, want %d", c.name, secs[0].UnpaidMonths, c.unpaidOfFirstSection)
		}
	}
}
