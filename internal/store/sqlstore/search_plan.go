package sqlstore

import (
	"context"

	"naikkelas/internal/registry"
)

// The search planner — design note.
//
// A search's cost should follow the page, not the number of matches. The
// generic plan (any engine) is one COUNT and one ORDER BY … LIMIT over the
// businesses table with the search as a condition; PostgreSQL's trigram
// index serves it well. SQLite's FTS5 table of active businesses can do
// better on its own, so its Dialect also implements SearchPlanner, and:
//   - planList counts a plain search from the index alone and reads its
//     default page (newest first, the index's own order) straight from it;
//     under other conditions the page walks the matches newest first and
//     stops when full;
//   - sortedSearchPage serves a search sorted by a column by walking the
//     first rows of that column's index and keeping the matches, which
//     usually fills the page at once; otherwise every match is sorted.
// Where remembers where its search condition is (searchPart), so that the
// planner can swap it for the index's own query. The searches themselves
// (words, phone numbers, the typo fallback) are in search.go.

// SearchPlanner is implemented by a Dialect whose search index can answer
// on its own (SQLite's FTS5 table of active businesses): ListBusinesses then
// counts a plain search from the index alone and reads the page through the
// FROM clause the dialect proposes for the sort.
type SearchPlanner interface {
	// SearchCount returns a query counting the active businesses matching t.
	SearchCount(t Terms) (query string, args []any)
	// SearchFrom returns the FROM clause (alias b) for a page of search
	// results in the given sort order.
	SearchFrom(sort string) string
	// SearchIDs returns a query of the ids (one column) of the active
	// businesses matching t, read from the index alone; newest (highest
	// id) first when asked, so that callers may append LIMIT/OFFSET.
	SearchIDs(t Terms, newestFirst bool) (query string, args []any)
	// SearchJoin returns a FROM clause (alias b) holding only the active
	// businesses matching t, its arguments, and the ORDER BY clause
	// that reads them newest first in the index's own order, so that a page
	// stops early even under other conditions.
	SearchJoin(t Terms) (from, order string, args []any)
}

// searchPart locates the search condition inside a Where, so that a
// SearchPlanner can count it from its index alone.
type searchPart struct {
	terms          Terms
	cond           int // index in Conds
	argFrom, argTo int // its arguments in Args
}

// onlySearch reports whether w is "active, matching the search" and nothing else.
func (w *Where) onlySearch() bool {
	return w.search != nil && len(w.Conds) == 2 && w.Conds[0] == "b.status = 'active'" && w.search.cond == 1
}

// withSearch returns a copy of w whose search condition is cond with args
// (nil cond: dropped).
func (w *Where) withSearch(cond string, args []any) Where {
	s := w.search
	out := Where{Args: append(append(append([]any{}, w.Args[:s.argFrom]...), args...), w.Args[s.argTo:]...)}
	for i, c := range w.Conds {
		switch {
		case i != s.cond:
			out.Conds = append(out.Conds, c)
		case cond != "":
			out.Conds = append(out.Conds, cond)
		}
	}
	return out
}

// listPlan is the count and page queries of one ListBusinesses call. The
// page query ends with LIMIT ? OFFSET ?, whose arguments the caller appends.
type listPlan struct {
	countSQL  string
	countArgs []any
	pageSQL   string
	pageArgs  []any
}

// planList chooses how to count and page the businesses of f (conditions
// w). The generic plan is one COUNT and one ORDER BY … LIMIT over the table.
// A search on an engine whose index answers alone (SearchPlanner, SQLite's
// FTS5 table) is planned so that its cost follows the page, not the
// number of matches, wherever it can:
//   - a plain search is counted from the index alone, and its default page
//     (newest first, the index's own order) read straight from it;
//   - under other conditions the default page walks the matches newest
//     first and stops when full; with a kecamatan or desa, the count walks
//     that region's rows and probes the matches, materialised once ("+b.id"
//     keeps SQLite from looking up every match instead);
//   - an explicit sort reads the page through SearchFrom (it must visit every
//     match: the weak case at a million rows, see the benchmarks).
func planList(f registry.Filter, w Where, d Dialect) listPlan {
	p := listPlan{
		countSQL: `SELECT COUNT(*) FROM businesses b WHERE ` + w.SQL(), countArgs: w.Args,
		pageSQL:  `SELECT ` + businessColumnsB + ` FROM businesses b WHERE ` + w.SQL() + ` ORDER BY ` + ListOrder(f) + ` LIMIT ? OFFSET ?`,
		pageArgs: w.Args,
	}
	planner, ok := d.(SearchPlanner)
	if !ok || w.search == nil || f.Archived {
		return p
	}
	terms := w.search.terms
	switch {
	case w.onlySearch():
		p.countSQL, p.countArgs = planner.SearchCount(terms)
	case f.District != "" || f.Village != "":
		ids, args := planner.SearchIDs(terms, false)
		cw := w.withSearch("+b.id IN ("+ids+")", args)
		p.countSQL, p.countArgs = `SELECT COUNT(*) FROM businesses b WHERE `+cw.SQL(), cw.Args
	}
	switch {
	case f.Sort != "":
		p.pageSQL = `SELECT ` + businessColumnsB + ` FROM ` + planner.SearchFrom(f.Sort) + ` WHERE ` + w.SQL() +
			` ORDER BY ` + ListOrder(f) + ` LIMIT ? OFFSET ?`
	case w.onlySearch():
		ids, args := planner.SearchIDs(terms, true)
		p.pageSQL = `SELECT ` + businessColumnsB + ` FROM businesses b WHERE b.id IN (` + ids +
			` LIMIT ? OFFSET ?) ORDER BY b.id DESC`
		p.pageArgs = args
	default:
		from, order, args := planner.SearchJoin(terms)
		rest := w.withSearch("", nil)
		p.pageSQL = `SELECT ` + businessColumnsB + ` FROM ` + from + ` WHERE ` + rest.SQL() +
			` ORDER BY ` + order + ` LIMIT ? OFFSET ?`
		p.pageArgs = append(args, rest.Args...)
	}
	return p
}

// Sorted search pages. A search sorted by a column has to order its matches
// by that column, which means looking up every match: the cost grows with
// the matches, and a common fragment among a million businesses has tens
// of thousands (bench/README.md). When the matches are many, they are
// rarely all far down the sort order: walking the first SortedWalk rows of
// the column's index and keeping the matches usually fills the page at once.
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
func sortedSearchPage(ctx context.Context, q *Runner, f registry.Filter, w Where, total, off, per int) ([]registry.Business, bool, error) {
	planner, isPlanner := q.Dialect.(SearchPlanner)
	if !isPlanner || f.Sort == "" || f.Sort == "size_class" || f.Archived || !w.onlySearch() ||
		total < SortedWalkMin || off+per > SortedWalk {
		return nil, false, nil
	}
	ids, args := planner.SearchIDs(w.search.terms, false)
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
