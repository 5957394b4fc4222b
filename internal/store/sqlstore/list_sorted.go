package sqlstore

import (
	"context"

	"naikkelas/internal/registry"
)

// Sorted search pages. A search sorted by a column has to order its matches
// by that column; looking up every match costs about 2 µs each on SQLite,
// 120 ms or more for the 65,000 matches of a common fragment among
// 1,000,000 businesses. When the matches are many, they are rarely all far
// down the sort order: walking the first SortedWalk rows of the column's
// index and keeping the matches usually fills the page at once.
// They are variables only so that tests can make the walk apply to small
// data.
var (
	// SortedWalkMin is the number of matches from which the walk is tried.
	SortedWalkMin = 5000
	// SortedWalk is how many rows of the sort order the walk reads at most.
	SortedWalk = 20000
)

// sortedSearchPage tries the walk for a plain search with an explicit sort
// (see the constants). It returns ok=false, and the caller falls back to
// sorting every match, when the walk is not applicable or the rows it read
// did not hold the whole page; a page it returns is exactly the page.
func sortedSearchPage(ctx context.Context, q *Runner, f registry.Filter, w Where, total, page, per int) ([]registry.Business, bool, error) {
	planner, isPlanner := q.Dialect.(SearchPlanner)
	off := (page - 1) * per
	if !isPlanner || f.Sort == "" || f.Sort == "size_class" || f.Archived || !w.onlySearch() ||
		total < SortedWalkMin || off+per > SortedWalk {
		return nil, false, nil
	}
	ids, args := planner.SearchIDs(w.search.groups, false)
	order := OrderBy(f.Sort, f.Desc)
	// The inner query reads the first SortedWalk active rows in sort order
	// from the column's index; "+" keeps the match set a probe, built once.
	sqlText := `SELECT ` + businessColumnsB + ` FROM businesses b WHERE b.id IN (
		SELECT id FROM (SELECT b.id AS id FROM businesses b WHERE b.status = 'active' ORDER BY ` + order + ` LIMIT ?)
		WHERE +id IN (` + ids + `)) ORDER BY ` + order + ` LIMIT ? OFFSET ?`
	rows, err := q.Query(ctx, sqlText, append(append([]any{SortedWalk}, args...), per, off)...)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	out := []registry.Business{}
	for rows.Next() {
		var b registry.Business
		if err := ScanBusiness(rows, &b); err != nil {
			return nil, false, err
		}
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	// A full page, or the last matches of all, is the true page: the walked
	// rows are a prefix of the sort order.
	if len(out) == per || off+len(out) == total {
		return out, true, nil
	}
	return nil, false, nil
}
