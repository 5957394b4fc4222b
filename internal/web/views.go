package web

import (
	"net/http"
	"net/url"
	"strings"
)

// fieldView is what the "field" template needs to draw one labelled input
// with its error message.
type fieldView struct {
	Name, Label, Value, Error, Type, Mode, Hint string
	Required                                    bool
}

// F describes a form field for the template (kind: see fieldOf).
func (f *businessForm) F(name, label, kind string) fieldView {
	return fieldOf(f.Values, f.Errors, name, label, kind)
}

// fieldOf describes one field of a form with its value and message; kind
// is a space-separated list of "req", "num", "money" (rupiah), "price" (a
// product's rupiah), "date", "email" and "tel".
func fieldOf(values, errs map[string]string, name, label, kind string) fieldView {
	v := fieldView{Name: name, Label: label, Value: values[name], Error: errs[name], Type: "text"}
	for _, k := range strings.Fields(kind) {
		switch k {
		case "req":
			v.Required = true
		case "num":
			v.Mode = "numeric"
		case "money":
			v.Mode, v.Hint = "numeric", "mis. 1.500.000"
		case "price":
			v.Mode, v.Hint = "numeric", "mis. 15.000"
		case "date":
			v.Type = "date"
		case "email":
			v.Type = "email"
		case "tel":
			v.Type, v.Hint = "tel", "08…"
		}
	}
	return v
}

// pagerView feeds the "pager" template.
type pagerView struct {
	Page, Pages int
	Query       url.Values
}

// pageOf cuts the page asked for (?page=, brought within range) out of a
// list shown perPage at a time, with the pager below it.
func pageOf[T any](r *http.Request, list []T, perPage int) ([]T, pagerView) {
	pg, _ := queryInt(r, "page", 1)
	pages := max(1, (len(list)+perPage-1)/perPage)
	pg = min(max(pg, 1), pages)
	return list[(pg-1)*perPage : min(len(list), pg*perPage)], pagerView{Page: pg, Pages: pages, Query: r.URL.Query()}
}

// Pager returns the list's pagination.
func (v listView) Pager() pagerView { return pagerView{v.Filter.Page, v.Pages, v.Query} }

// Pager returns the audit log's pagination.
func (v auditView) Pager() pagerView { return pagerView{v.Page, v.Pages, v.Query} }

// SortLink is the link of a column header: ascending first, then toggling.
func (v listView) SortLink(c column) string {
	desc := "0"
	if v.Filter.Sort == c.Sort && !v.Filter.Desc {
		desc = "1"
	}
	q := url.Values{}
	for k, vals := range v.Query {
		q[k] = vals
	}
	q.Set("desc", desc)
	return withQuery(q, "sort", c.Sort)
}

// SortState is the aria-sort value of a column header.
func (v listView) SortState(c column) string {
	switch {
	case c.Sort == "" || v.Filter.Sort != c.Sort:
		return "none"
	case v.Filter.Desc:
		return "descending"
	}
	return "ascending"
}
