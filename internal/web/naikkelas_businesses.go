package web

import (
	"net/http"
	"net/url"
	"strconv"

	"naikkelas/internal/assessment"
	"naikkelas/internal/registry"
)

const naikKelasPerPage = 50

type naikKelasListView struct {
	Title    string
	Items    []registry.Business
	Total    int
	Page     int
	Pages    int
	Query    url.Values
	BackLink string
}

// PageLink keeps the filters and changes the page.
func (v *naikKelasListView) PageLink(p int) string {
	q := url.Values{}
	for k, vals := range v.Query {
		q[k] = vals
	}
	q.Set("page", strconv.Itoa(p))
	return "/naik-kelas/usaha?" + q.Encode()
}

var changeLabels = map[assessment.Change]string{assessment.Up: "naik", assessment.Down: "turun",
	assessment.Unchanged: "tetap", assessment.NoData: "tanpa data"}

// naikKelasBusinesses lists the businesses behind one number of the report.
func (s *Server) naikKelasBusinesses(w http.ResponseWriter, r *http.Request) error {
	ids, c, err := s.cellIDs(r)
	if err != nil {
		return err
	}
	pg, err := queryInt(r, "page", 1)
	if err != nil {
		return err
	}
	v := &naikKelasListView{Total: len(ids), Page: pg, Pages: (len(ids) + naikKelasPerPage - 1) / naikKelasPerPage,
		Query: r.URL.Query(), Title: cellTitle(c)}
	back := url.Values{}
	for _, k := range []string{"from", "to", "district", "program"} {
		if x := r.URL.Query().Get(k); x != "" {
			back.Set(k, x)
		}
	}
	v.BackLink = "/naik-kelas?" + back.Encode()
	if pg <= v.Pages { // compare pages first: (pg-1)*per overflows for a huge ?page=
		from := (pg - 1) * naikKelasPerPage
		chunk := ids[from:min(from+naikKelasPerPage, len(ids))]
		v.Items, _, err = s.Registry.List(r.Context(), actor(r), registry.Filter{IDs: chunk, Sort: "name", PerPage: naikKelasPerPage})
		if err != nil {
			return err
		}
	}
	s.render(w, r, http.StatusOK, "naikkelas_businesses", page{Title: v.Title, Active: "naikkelas", Data: v})
	return nil
}

func cellTitle(c assessment.Cell) string {
	t := "Usaha dengan kelas usaha "
	if c.Kind == assessment.KindLevel {
		t = "Usaha dengan level kematangan "
	}
	if l, ok := changeLabels[c.Change]; ok {
		t += l
	} else {
		t = "Usaha"
	}
	switch c.Source {
	case "verified":
		t += " (bukti terverifikasi)"
	case "self_reported":
		t += " (laporan sendiri)"
	}
	switch c.Group {
	case assessment.GroupCompleters:
		t += " · peserta lulus program"
	case assessment.GroupComparison:
		t += " · kelompok pembanding"
	}
	return t
}
