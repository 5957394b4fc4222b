package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"naikkelas/internal/assessment"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/region"
)

type naikKelasView struct {
	Q         assessment.StatsQuery
	St        *assessment.Stats
	Programs  []assessment.ProgramRef
	Districts []region.Region
	Chart     template.HTML
	Query     url.Values // the filters, for links
}

// Link is the URL of the list of businesses behind one number of the report.
func (v *naikKelasView) Link(district, group, kind, change, source string) string {
	q := url.Values{}
	for _, k := range []string{"from", "to", "program"} {
		if x := v.Query.Get(k); x != "" {
			q.Set(k, x)
		}
	}
	q.Set("from", v.St.From)
	q.Set("to", v.St.To)
	if district == "" {
		district = v.Query.Get("district")
	}
	for k, x := range map[string]string{"district": district, "group": group, "kind": kind, "change": change, "source": source} {
		if x != "" {
			q.Set(k, x)
		}
	}
	return "/naik-kelas/usaha?" + q.Encode()
}

// changeTable is one of the report's tables: a kind of naik kelas (size
// class or maturity level) with a row per change.
type changeTable struct {
	Title string
	Rows  []changeRow
}

// changeRow is one change with its count for every kind of evidence and
// the links to the businesses behind them.
type changeRow struct {
	Label                      string
	All, Verified, Self        int
	AllLink, VerLink, SelfLink string
	BySource                   bool
}

// ChangeTable is the table of kind (assessment.KindSize or KindLevel).
func (v *naikKelasView) ChangeTable(kind, title string) changeTable {
	st, ver, self := v.St, v.St.BySource.Verified, v.St.BySource.SelfReported
	all := [4]int{st.SizeUp, st.SizeDown, st.SizeUnchanged, st.SizeNoData}
	verified := [3]int{ver.SizeUp, ver.SizeDown, ver.SizeUnchanged}
	own := [3]int{self.SizeUp, self.SizeDown, self.SizeUnchanged}
	if kind == assessment.KindLevel {
		all = [4]int{st.LevelUp, st.LevelDown, st.LevelUnchanged, st.LevelNoData}
		verified = [3]int{ver.LevelUp, ver.LevelDown, ver.LevelUnchanged}
		own = [3]int{self.LevelUp, self.LevelDown, self.LevelUnchanged}
	}
	t := changeTable{Title: title}
	for i, ch := range []assessment.Change{assessment.Up, assessment.Down, assessment.Unchanged, assessment.NoData} {
		label := changeLabels[ch]
		row := changeRow{Label: strings.ToUpper(label[:1]) + label[1:], All: all[i], AllLink: v.Link("", "", kind, string(ch), "")}
		if ch != assessment.NoData { // a business without data has no evidence to split
			row.BySource = true
			row.Verified, row.VerLink = verified[i], v.Link("", "", kind, string(ch), "verified")
			row.Self, row.SelfLink = own[i], v.Link("", "", kind, string(ch), "self_reported")
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// PeriodLink lists the businesses that went up in another period (a bar of the chart).
func (v *naikKelasView) PeriodLink(from, to, kind string) string {
	q := url.Values{"from": {from}, "to": {to}, "kind": {kind}, "change": {string(assessment.Up)}}
	if d := v.Query.Get("district"); d != "" {
		q.Set("district", d)
	}
	return "/naik-kelas/usaha?" + q.Encode()
}

// ExportLink is the XLSX export of the current filters.
func (v *naikKelasView) ExportLink() string {
	q := url.Values{"from": {v.St.From}, "to": {v.St.To}}
	for _, k := range []string{"district", "program"} {
		if x := v.Query.Get(k); x != "" {
			q.Set(k, x)
		}
	}
	return "/naik-kelas/unduh.xlsx?" + q.Encode()
}

// Rate formats a nullable percentage the Indonesian way ("12,5%", "—").
func (v *naikKelasView) Rate(p *float64) string { return ratePct(p) }

// Diff formats a nullable difference in percentage points with its sign.
func (v *naikKelasView) Diff(p *float64) string { return diffPoints(p) }

// ratePct formats a nullable percentage the Indonesian way ("12,5%", "—").
func ratePct(p *float64) string {
	if p == nil {
		return "—"
	}
	return idfmt.Percent(*p)
}

// diffPoints formats a nullable difference in percentage points with its sign.
func diffPoints(p *float64) string {
	if p == nil {
		return "—"
	}
	return idfmt.SignedDecimal(*p, 1) + " poin"
}

// naikKelasReport is the "Naik Kelas" report: totals by evidence source,
// per-kecamatan table, a chart per year and, for a programme, its
// completers against the matched comparison group.
func (s *Server) naikKelasReport(w http.ResponseWriter, r *http.Request) error {
	q, st, err := s.seriesStats(r)
	if err != nil {
		return err
	}
	v := &naikKelasView{Q: q, St: st, Query: r.URL.Query(), Districts: s.districtsFor(actor(r))}
	v.Chart = seriesChart(st.Series, v.PeriodLink)
	if s.Assessments.Programs != nil {
		if v.Programs, err = s.Assessments.Programs.ProgramRefs(r.Context(), ""); err != nil {
			return err
		}
	}
	s.render(w, r, http.StatusOK, "naikkelas_report", page{Title: "Naik Kelas", Active: "naikkelas", Data: v})
	return nil
}

// seriesChart draws size-up and level-up per year as grouped SVG bars,
// each bar a link to the businesses behind it.
func seriesChart(series []assessment.SeriesPoint, link func(from, to, kind string) string) template.HTML {
	if len(series) == 0 {
		return ""
	}
	most := 1
	for _, p := range series {
		most = max(most, p.SizeUp, p.LevelUp)
	}
	const h, barW, gap, top0 = 160.0, 28.0, 36.0, 16.0
	width := float64(len(series))*(2*barW+gap) + gap
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 %.0f %.0f %.0f" role="img" aria-labelledby="chart-title">`, -top0, width, h+40+top0)
	b.WriteString(`<title id="chart-title">Jumlah usaha naik kelas per tahun: kelas usaha (hijau) dan level (biru)</title>`)
	for i, p := range series {
		x := gap + float64(i)*(2*barW+gap)
		for j, n := range []int{p.SizeUp, p.LevelUp} {
			bh := h * float64(n) / float64(most)
			color := []string{"#1a7f37", "#0969da"}[j]
			kind := []string{assessment.KindSize, assessment.KindLevel}[j]
			fmt.Fprintf(&b, `<a href="%s"><rect x="%.0f" y="%.1f" width="%.0f" height="%.1f" fill="%s"/>`,
				template.HTMLEscapeString(link(p.From, p.To, kind)), x+float64(j)*barW, h-bh+10, barW-2, max(bh, 1), color)
			fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" font-size="11" text-anchor="middle">%d</text></a>`, x+float64(j)*barW+barW/2, h-bh+6, n)
		}
		fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" font-size="12" text-anchor="middle">%s</text>`, x+barW, h+28, p.From[:4])
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
