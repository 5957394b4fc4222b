package sqlstore

import "naikkelas/internal/registry"

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
	groups := w.search.groups
	switch {
	case w.onlySearch():
		p.countSQL, p.countArgs = planner.SearchCount(groups)
	case f.District != "" || f.Village != "":
		ids, args := planner.SearchIDs(groups, false)
		cw := w.withSearch("+b.id IN ("+ids+")", args)
		p.countSQL, p.countArgs = `SELECT COUNT(*) FROM businesses b WHERE `+cw.SQL(), cw.Args
	}
	switch {
	case f.Sort != "":
		p.pageSQL = `SELECT ` + businessColumnsB + ` FROM ` + planner.SearchFrom(f.Sort) + ` WHERE ` + w.SQL() +
			` ORDER BY ` + ListOrder(f) + ` LIMIT ? OFFSET ?`
	case w.onlySearch():
		ids, args := planner.SearchIDs(groups, true)
		p.pageSQL = `SELECT ` + businessColumnsB + ` FROM businesses b WHERE b.id IN (` + ids +
			` LIMIT ? OFFSET ?) ORDER BY b.id DESC`
		p.pageArgs = args
	default:
		from, order, args := planner.SearchJoin(groups)
		rest := w.withSearch("", nil)
		p.pageSQL = `SELECT ` + businessColumnsB + ` FROM ` + from + ` WHERE ` + rest.SQL() +
			` ORDER BY ` + order + ` LIMIT ? OFFSET ?`
		p.pageArgs = append(args, rest.Args...)
	}
	return p
}
