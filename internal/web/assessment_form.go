package web

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/assessment"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/registry"
)

type assessmentFormView struct {
	B          *registry.Business
	Inst       *assessment.Instrument
	Answers    map[string]string
	Errors     map[string]string
	General    string
	Verify     *assessment.Assessment // the self-assessment being verified, if any
	AssessedOn string
	VisitDate  string
	ClientRef  string
	Today      string
}

// DraftKey is the localStorage key under which the browser keeps the
// answers in progress: one draft per business and verification.
func (v *assessmentFormView) DraftKey() string {
	k := "naikkelas-penilaian-" + itoa64(v.B.ID)
	if v.Verify != nil {
		k += "-verifikasi-" + itoa64(v.Verify.ID)
	}
	return k
}

// Checked reports whether option o is the current answer to question q.
func (v *assessmentFormView) Checked(q, o string) bool { return v.Answers[q] == o }

// Error returns the message for a question, if any.
func (v *assessmentFormView) Error(q string) string { return v.Errors["answers."+q] }

func newClientRef() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// assessmentNew shows the assessment form: pre-filled from the register, or
// with the owner's answers when an officer verifies a self-assessment
// (?verifikasi=ID).
func (s *Server) assessmentNew(w http.ResponseWriter, r *http.Request, id int64) error {
	ctx, a := r.Context(), actor(r)
	b, err := s.Registry.Get(ctx, a, id)
	if err != nil {
		return err
	}
	if !canAssess(a, b) {
		return apperr.New(apperr.Forbidden, "Peran Anda tidak dapat mengisi penilaian untuk usaha ini")
	}
	today := idfmt.Day(s.Now())
	v := &assessmentFormView{B: b, Inst: assessment.Current(), Errors: map[string]string{}, AssessedOn: today,
		VisitDate: today, Today: today, ClientRef: newClientRef()}
	if vid := r.URL.Query().Get("verifikasi"); vid != "" {
		if err := s.loadVerification(r, v, vid); err != nil {
			return err
		}
	} else if v.Answers, err = s.Assessments.Prefill(ctx, a, id); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "assessment_form", page{Title: "Penilaian · " + b.Name, Active: "list", Data: v})
	return nil
}

func (s *Server) loadVerification(r *http.Request, v *assessmentFormView, raw string) error {
	if !actor(r).IsOfficer() {
		return apperr.New(apperr.Forbidden, "Hanya petugas yang dapat memverifikasi penilaian")
	}
	vid, err := strconv.ParseInt(raw, 10, 64)
	notFound := apperr.New(apperr.NotFound, "Penilaian tidak ditemukan")
	if err != nil {
		return notFound
	}
	list, err := s.Assessments.List(r.Context(), actor(r), v.B.ID)
	if err != nil {
		return err
	}
	for i := range list {
		if list[i].ID == vid && list[i].Source == assessment.SourceSelf {
			v.Verify, v.Answers = &list[i], list[i].Answers
			if v.Inst, err = assessment.Load(list[i].InstrumentVersion); err != nil {
				return err
			}
			return nil
		}
	}
	return notFound
}

// assessmentCreate saves the form when it arrives without JavaScript (the
// script sends the same answers to the JSON API and keeps a local draft).
func (s *Server) assessmentCreate(w http.ResponseWriter, r *http.Request, id int64) error {
	if err := parseForm(r); err != nil {
		return err
	}
	in := assessment.Input{Answers: map[string]string{}, AssessedOn: r.PostForm.Get("assessed_on"),
		InstrumentVersion: r.PostForm.Get("instrument_version"), ClientRef: r.PostForm.Get("client_ref")}
	for k, vals := range r.PostForm {
		if q, ok := strings.CutPrefix(k, "q_"); ok && len(vals) > 0 {
			in.Answers[q] = vals[0]
		}
	}
	if vf := r.PostForm.Get("verified_from"); vf != "" {
		in.VerifiedFrom, _ = strconv.ParseInt(vf, 10, 64)
		in.Source, in.VisitDate = assessment.SourceOfficerVerified, r.PostForm.Get("visit_date")
	}
	_, err := s.Assessments.Create(r.Context(), actor(r), id, in)
	if err == nil {
		http.Redirect(w, r, "/usaha/"+itoa64(id)+"/penilaian", http.StatusSeeOther)
		return nil
	}
	if !apperr.Is(err, apperr.Invalid) {
		return err
	}
	b, gerr := s.Registry.Get(r.Context(), actor(r), id)
	if gerr != nil {
		return gerr
	}
	inst, lerr := assessment.Load(in.InstrumentVersion)
	if lerr != nil {
		inst = assessment.Current()
	}
	v := &assessmentFormView{B: b, Inst: inst, Answers: in.Answers, Errors: apperr.FieldsOf(err), General: apperr.MessageOf(err),
		AssessedOn: in.AssessedOn, VisitDate: in.VisitDate, ClientRef: in.ClientRef, Today: idfmt.Day(s.Now())}
	if in.VerifiedFrom != 0 {
		_ = s.loadVerification(r, v, itoa64(in.VerifiedFrom))
		v.Answers = in.Answers
	}
	s.render(w, r, http.StatusUnprocessableEntity, "assessment_form", page{Title: "Penilaian · " + b.Name, Active: "list", Data: v})
	return nil
}
