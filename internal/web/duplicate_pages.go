package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/duplicates"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// duplicatesView is the officers' review of likely duplicates in one
// kecamatan: each pair side by side, the fields that differ marked.
type duplicatesView struct {
	District   string
	Districts  []region.Region
	Min        string
	MinOptions []minOption
	Pairs      []pairView
	MergedID   int64 // a merge just made, offered for undo
	notice
}

// minOption is a choice of the least probability, shown as a percentage.
type minOption struct{ Value, Label string }

type pairView struct {
	A, B     registry.Business
	Percent  string   // "93%"
	Reasons  []string // "nama usaha: sangat mirip"
	ImportID int64    // the import that queued the pair, if one did
	Rows     []pairRow
}

// pairRow is one field of a pair: both values as shown, whether they
// differ, whether the officer may choose (permit numbers only fill a
// blank), and which side the merge takes by default.
type pairRow struct {
	Name, Label string
	A, B        string
	Differs     bool
	Choosable   bool
	TakeB       bool
}

// duplicatesPage lists the candidate pairs of a kecamatan of the officer's
// area, strongest first.
func (s *Server) duplicatesPage(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	if !a.IsOfficer() {
		return apperr.New(apperr.Forbidden, "Tinjauan duplikat hanya untuk petugas dinas")
	}
	q := r.URL.Query()
	v := duplicatesView{District: q.Get("district"), Districts: s.districtsFor(a), Min: q.Get("min"),
		MinOptions: []minOption{{"0.5", "50%"}, {"0.8", "80%"}, {"0.9", "90%"}, {"0.95", "95%"}}, notice: noticeOf(r)}
	if v.District == "" && len(v.Districts) > 0 {
		v.District = v.Districts[0].Code
	}
	if v.Min == "" {
		v.Min = "0.8"
	}
	v.MergedID, _ = strconv.ParseInt(q.Get("gabung"), 10, 64)
	minP, err := strconv.ParseFloat(v.Min, 64)
	if err != nil {
		minP = -1 // List names the field
	}
	pairs, err := s.Duplicates.List(r.Context(), a, v.District, minP)
	if err != nil {
		if apperr.CodeOf(err) != apperr.Invalid {
			return err
		}
		v.Error = apperr.MessageOf(err)
	}
	dir := region.All()
	for _, p := range pairs {
		pv := pairView{A: p.A, B: p.B, Percent: fmt.Sprintf("%.0f%%", p.Probability*100), ImportID: p.ImportID,
			Rows: pairRows(&p.A, &p.B, dir.Name)}
		for _, reason := range p.Reasons {
			pv.Reasons = append(pv.Reasons, strings.ReplaceAll(reason.Field, "_", " ")+": "+reason.Level)
		}
		v.Pairs = append(v.Pairs, pv)
	}
	s.render(w, r, http.StatusOK, "duplicates", page{Title: "Tinjauan duplikat", Active: "duplicates", Data: v})
	return nil
}

// pairRows compares two businesses field by field, as a merge decides them.
func pairRows(a, b *registry.Business, regionName func(string) string) []pairRow {
	ja, jb := fieldTexts(a, regionName), fieldTexts(b, regionName)
	var rows []pairRow
	for _, f := range duplicates.MergeFields {
		row := pairRow{Name: f.Name, Label: f.Label, A: ja[f.Name], B: jb[f.Name], Choosable: !f.Permit}
		row.Differs = row.A != row.B
		row.TakeB = row.A == "" && row.B != ""
		rows = append(rows, row)
	}
	return rows
}

// fieldTexts returns a business's fields as the page shows them, by JSON
// name; blanks (and halal status "none") are "".
func fieldTexts(b *registry.Business, regionName func(string) string) map[string]string {
	raw, _ := json.Marshal(b)
	var m map[string]any
	_ = json.Unmarshal(raw, &m)
	out := map[string]string{}
	for k, v := range m {
		switch x := v.(type) {
		case string:
			out[k] = x
		case float64:
			if x != 0 {
				out[k] = strconv.FormatFloat(x, 'f', -1, 64)
			}
		}
	}
	for _, k := range []string{"owner_birth_date", "pirt_expires_on", "halal_expires_on"} {
		if out[k] != "" {
			out[k] = idfmt.DateString(out[k])
		}
	}
	for _, k := range []string{"latitude", "longitude"} {
		if x, ok := m[k].(float64); ok {
			out[k] = idfmt.Decimal(x, 6)
		}
	}
	if out["halal_status"] == registry.HalalNone {
		out["halal_status"] = ""
	} else {
		out["halal_status"] = halalLabel(out["halal_status"])
	}
	if c := out["village_code"]; c != "" {
		out["village_code"] = regionName(c) + " (" + c + ")"
	}
	return out
}

// duplicatesMerge merges the pair of the form: keep is the side kept, and
// each choosable field's radio names the side whose value the kept record
// takes.
func (s *Server) duplicatesMerge(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	a, _ := strconv.ParseInt(r.PostFormValue("a"), 10, 64)
	b, _ := strconv.ParseInt(r.PostFormValue("b"), 10, 64)
	back := "/duplikat?district=" + url.QueryEscape(r.PostFormValue("district"))
	req := duplicates.MergeRequest{Keep: a, Merge: b, Fields: map[string]string{}}
	keepB := r.PostFormValue("keep") == "b"
	if keepB {
		req.Keep, req.Merge = b, a
	}
	for _, f := range duplicates.MergeFields {
		side := r.PostFormValue("f_" + f.Name)
		if side == "" || f.Permit {
			continue
		}
		if (side == "b") == keepB {
			req.Fields[f.Name] = duplicates.FromKept
		} else {
			req.Fields[f.Name] = duplicates.FromMerged
		}
	}
	m, err := s.Duplicates.Merge(r.Context(), actor(r), req)
	if err != nil {
		return s.back(w, r, back, "", fieldsMessage(err))
	}
	msg := fmt.Sprintf("Usaha #%d digabung ke #%d.", m.MergedID, m.KeptID)
	if n := len(m.Taken); n > 0 {
		msg += fmt.Sprintf(" Untuk %d program yang didaftar keduanya, #%d memakai pendaftaran #%d yang lebih lanjut.",
			n, m.KeptID, m.MergedID)
	}
	if n := leftCount(m); n > 0 {
		msg += fmt.Sprintf(" %d catatan yang bentrok tetap pada #%d.", n, m.MergedID)
	}
	return s.back(w, r, back+"&gabung="+strconv.FormatInt(m.ID, 10), msg, nil)
}

func leftCount(m *duplicates.Merge) int {
	n := 0
	for _, c := range m.Left {
		n += c
	}
	return n
}

// duplicatesDismiss remembers the pair of the form as "bukan duplikat".
func (s *Server) duplicatesDismiss(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	a, _ := strconv.ParseInt(r.PostFormValue("a"), 10, 64)
	b, _ := strconv.ParseInt(r.PostFormValue("b"), 10, 64)
	back := "/duplikat?district=" + url.QueryEscape(r.PostFormValue("district"))
	if err := s.Duplicates.Dismiss(r.Context(), actor(r), a, b); err != nil {
		return s.back(w, r, back, "", fieldsMessage(err))
	}
	return s.back(w, r, back, fmt.Sprintf("Usaha #%d dan #%d ditandai bukan duplikat.", min(a, b), max(a, b)), nil)
}

// mergeUndo restores the two businesses of a merge.
func (s *Server) mergeUndo(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	back := "/duplikat?district=" + url.QueryEscape(r.PostFormValue("district"))
	m, err := s.Duplicates.Undo(r.Context(), actor(r), id)
	if err != nil {
		return s.back(w, r, back, "", fieldsMessage(err))
	}
	return s.back(w, r, back, fmt.Sprintf("Penggabungan dibatalkan: usaha #%d dan #%d kembali seperti semula.",
		m.KeptID, m.MergedID), nil)
}
