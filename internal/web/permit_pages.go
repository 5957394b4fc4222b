package web

import (
	"net/http"
	"slices"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/permits"
	"naikkelas/internal/registry"
)

type businessPermitsView struct {
	B         *registry.Business
	Permits   []permitRow
	Readiness *permits.Readiness
	CanEdit   bool
	Issuer    bool // an officer: records numbers and dates of issued permits
	Kinds     []string
	Statuses  []string
	notice
}

// permitRow is a permit with the steps its life cycle allows next.
type permitRow struct {
	permits.Permit
	Next []string
}

// businessPermits is the page of one business's permits: what it holds, what
// it needs, whether it may self-declare halal, and forms to record and move.
func (s *Server) businessPermits(w http.ResponseWriter, r *http.Request, id int64) error {
	a := actor(r)
	b, err := s.Registry.Get(r.Context(), a, id)
	if err != nil {
		return err
	}
	ps, err := s.Permits.ForBusiness(r.Context(), a, id)
	if err != nil {
		return err
	}
	rd, err := s.Permits.Readiness(r.Context(), a, id, "")
	if err != nil {
		return err
	}
	v := businessPermitsView{B: b, Readiness: rd, CanEdit: a.CanWrite() && b.Status == registry.StatusActive,
		Issuer: a.IsOfficer(), Kinds: permits.Kinds, notice: noticeOf(r)}
	for _, st := range permits.Statuses {
		if permits.MayGiveStatus(a, st) {
			v.Statuses = append(v.Statuses, st)
		}
	}
	for _, p := range slices.Backward(ps) { // newest first
		row := permitRow{Permit: p}
		for _, to := range permits.Statuses {
			if permits.CanMove(p.Status, to) && permits.MayGiveStatus(a, to) {
				row.Next = append(row.Next, to)
			}
		}
		v.Permits = append(v.Permits, row)
	}
	s.render(w, r, http.StatusOK, "business_permits", page{Title: "Izin · " + b.Name, Active: "list", Data: v})
	return nil
}

// permitFromForm reads the fields a permit form may carry.
func permitFromForm(r *http.Request) permits.Patch {
	opt := func(name string) *string {
		if _, ok := r.PostForm[name]; !ok {
			return nil
		}
		v := r.PostFormValue(name)
		return &v
	}
	p := permits.Patch{Status: opt("status"), Number: opt("number"), IssuedOn: opt("issued_on"), ExpiresOn: opt("expires_on"), Note: opt("note")}
	if v, ok := r.PostForm["products"]; ok {
		var list []string
		for _, name := range strings.Split(strings.Join(v, ","), ",") {
			if name = strings.TrimSpace(name); name != "" {
				list = append(list, name)
			}
		}
		p.Products = &list
	}
	return p
}

// permitCreate records a permit from the business's permit page.
func (s *Server) permitCreate(w http.ResponseWriter, r *http.Request, id int64) error {
	if err := parseForm(r); err != nil {
		return err
	}
	in := permitFromForm(r)
	p := &permits.Permit{Kind: r.PostFormValue("kind")}
	for dst, v := range map[*string]*string{&p.Status: in.Status, &p.Number: in.Number, &p.IssuedOn: in.IssuedOn,
		&p.ExpiresOn: in.ExpiresOn, &p.Note: in.Note} {
		if v != nil {
			*dst = *v
		}
	}
	if in.Products != nil {
		p.Products = *in.Products
	}
	_, err := s.Permits.Create(r.Context(), actor(r), id, p)
	return s.back(w, r, "/usaha/"+itoa64(id)+"/izin", permits.KindLabel(p.Kind)+" dicatat.", fieldsMessage(err))
}

// permitMove moves a permit one step (and records its number and dates).
func (s *Server) permitMove(w http.ResponseWriter, r *http.Request, id int64) error {
	if err := parseForm(r); err != nil {
		return err
	}
	a := actor(r)
	p, err := s.Permits.Get(r.Context(), a, id)
	if err != nil {
		return err
	}
	in := permitFromForm(r)
	for _, f := range []**string{&in.Number, &in.IssuedOn, &in.ExpiresOn} {
		if *f != nil && **f == "" { // an empty box keeps what is recorded
			*f = nil
		}
	}
	out, err := s.Permits.Update(r.Context(), a, id, in)
	msg := ""
	if out != nil {
		msg = permits.KindLabel(out.Kind) + ": " + permits.StatusLabel(out.Status) + "."
	}
	return s.back(w, r, "/usaha/"+itoa64(p.BusinessID)+"/izin", msg, fieldsMessage(err))
}

// fieldsMessage turns a validation error's field messages into one line for
// a page that shows a single message.
func fieldsMessage(err error) error {
	fe := apperr.FieldsOf(err)
	if len(fe) == 0 {
		return err
	}
	msgs := make([]string, 0, len(fe))
	for _, m := range fe {
		msgs = append(msgs, m)
	}
	slices.Sort(msgs)
	return apperr.New(apperr.Invalid, "%s", strings.Join(msgs, "; "))
}
