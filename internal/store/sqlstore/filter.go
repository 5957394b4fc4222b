package sqlstore

import (
	"context"
	"strings"
	"time"

	"naikkelas/internal/idfmt"
	"naikkelas/internal/registry"
)

// Where collects the conditions and arguments of a WHERE clause.
type Where struct {
	Conds []string
	Args  []any

	search *searchPart // the substring-search condition, when there is one
}

// Add appends a condition with its arguments.
func (w *Where) Add(cond string, args ...any) {
	w.Conds = append(w.Conds, cond)
	w.Args = append(w.Args, args...)
}

// SQL returns the conditions joined with AND ("1=1" when there are none).
func (w *Where) SQL() string {
	if len(w.Conds) == 0 {
		return "1=1"
	}
	return strings.Join(w.Conds, " AND ")
}

// BusinessWhere builds the conditions (on alias b) for every field of f
// except paging and sort. The search term may need queries (typo fallback),
// hence q and the error.
func BusinessWhere(ctx context.Context, q *Runner, f registry.Filter) (Where, error) {
	var w Where
	if f.Archived {
		w.Add("b.status = 'archived'")
	} else {
		w.Add("b.status = 'active'")
	}
	addFields(&w, f)
	if f.Doc != "" {
		addDoc(&w, f.Doc, f.Today)
	}
	if len(f.IDs) > 0 {
		cond, arg := q.Dialect.InIDs("b.id", f.IDs)
		w.Add(cond, arg)
	}
	addScope(&w, f.Scope)
	if strings.TrimSpace(f.Q) != "" {
		if err := addSearch(ctx, q, &w, f.Q, f.Archived, f.Personal); err != nil {
			return w, err
		}
	}
	return w, nil
}

// addFields adds the conditions of f's kecamatan, desa, class and sector,
// columns that the kept counts have too (counts_read.go).
func addFields(w *Where, f registry.Filter) {
	if f.District != "" {
		w.Add("b.district_code = ?", f.District)
	}
	if f.Village != "" {
		w.Add("b.village_code = ?", f.Village)
	}
	if f.SizeClass != "" {
		w.Add("b.size_class = ?", f.SizeClass)
	}
	if f.Sector != "" {
		w.Add("b.sector = ?", f.Sector)
	}
}

func addDoc(w *Where, doc, today string) {
	if today == "" {
		today = idfmt.Day(time.Now())
	}
	switch doc {
	case registry.DocNIB:
		w.Add("b.nib <> ''")
	case registry.DocNoNIB:
		w.Add("b.nib = ''")
	case registry.DocPIRT:
		w.Add("b.pirt_number <> ''")
	case registry.DocPIRTExpired:
		w.Add("b.pirt_number <> '' AND b.pirt_expires_on <> '' AND b.pirt_expires_on < ?", today)
	case registry.DocHalal:
		w.Add("b.halal_status = 'certified'")
	case registry.DocHalalExpired:
		w.Add("b.halal_status = 'certified' AND b.halal_expires_on <> '' AND b.halal_expires_on < ?", today)
	case registry.DocNoHalal:
		w.Add("b.halal_status <> 'certified'")
	default:
		w.Add("1=0") // an unknown document filter matches nothing rather than everything
	}
}

// addScope restricts to an actor's regions (district or village codes; a
// shorter code, a regency or province, matches by prefix) or business.
func addScope(w *Where, s registry.Scope) { addScopeOn(w, s, businessScope) }

// scopeColumns are the conditions by which a query limits its rows to one
// business, kecamatan or village.
type scopeColumns struct{ business, district, village string }

// businessScope limits businesses (alias b).
var businessScope = scopeColumns{"b.id = ?", "b.district_code", "b.village_code = ?"}

func addScopeOn(w *Where, s registry.Scope, c scopeColumns) {
	if s.BusinessID != 0 {
		w.Add(c.business, s.BusinessID)
	}
	if len(s.Regions) == 0 {
		return
	}
	var ors []string
	var args []any
	for _, r := range s.Regions {
		switch strings.Count(r, ".") {
		case 2:
			ors = append(ors, c.district+" = ?")
			args = append(args, r)
		case 3:
			ors = append(ors, c.village)
			args = append(args, r)
		default:
			if r == "" || strings.ContainsAny(r, "%_") {
				ors = append(ors, "1=0")
				continue
			}
			ors = append(ors, c.district+" LIKE ?")
			args = append(args, r+".%")
		}
	}
	w.Add("("+strings.Join(ors, " OR ")+")", args...)
}

// ListOrder returns the ORDER BY clause of a list: a search with no
// explicit sort lists its matches newest first (highest id), the order in
// which a search index yields them without sorting every match; otherwise
// OrderBy.
func ListOrder(f registry.Filter) string {
	if f.Sort == "" && strings.TrimSpace(f.Q) != "" {
		return "b.id DESC"
	}
	return OrderBy(f.Sort, f.Desc)
}

// OrderBy returns the ORDER BY clause for a whitelisted sort field; anything
// else sorts by name. Ties break on id so that paging is stable.
func OrderBy(sort string, desc bool) string {
	dir := " ASC"
	if desc {
		dir = " DESC"
	}
	switch sort {
	case "owner_name":
		return "b.owner_name" + dir + ", b.id" + dir
	case "district":
		return "b.district_code" + dir + ", b.name" + dir + ", b.id" + dir
	case "size_class":
		return "CASE b.size_class WHEN 'mikro' THEN 1 WHEN 'kecil' THEN 2 WHEN 'menengah' THEN 3 WHEN 'besar' THEN 4 ELSE 0 END" +
			dir + ", b.name" + dir + ", b.id" + dir
	case "annual_revenue":
		return "b.annual_revenue" + dir + ", b.id" + dir
	case "updated_at":
		return "b.updated_at" + dir + ", b.id" + dir
	case "id":
		return "b.id" + dir
	default:
		return "b.name" + dir + ", b.id" + dir
	}
}
