package assessment

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/registry"
)

// Service applies the assessment rules on top of a Store: who may assess
// which business and with which source, validation against the instrument
// version, verification by an officer, and the naik-kelas statistics.
type Service struct {
	Store    Store
	Programs ProgramFacts      // programme events, open programmes by topic, cohorts
	Registry *registry.Service // reach checks and measurements
	Audit    audit.Store       // document dates for the timeline
	Market   MarketReach       // may be nil: the programme comparison then has no market figures
	Now      func() time.Time
}

// NewService returns a Service with the real clock. pf lets programmes take
// part in timelines, recommendations and statistics.
func NewService(st Store, pf ProgramFacts, reg *registry.Service, au audit.Store) *Service {
	return &Service{Store: st, Programs: pf, Registry: reg, Audit: au, Now: time.Now}
}

// Input is a new assessment as a client sends it.
type Input struct {
	InstrumentVersion string            `json:"instrument_version"`
	Answers           map[string]string `json:"answers"`
	AssessedOn        string            `json:"assessed_on"`
	Source            string            `json:"source"`
	VerifiedFrom      int64             `json:"verified_from"` // officer_verified: the self-assessment confirmed
	VisitDate         string            `json:"visit_date"`    // officer_verified: the day of the visit
	ClientRef         string            `json:"client_ref"`    // optional id of the filled form; a re-send returns the saved one
}

func (s *Service) today() string { return s.Now().In(wib).Format(time.DateOnly) }

// Create records a new assessment of a business the actor reaches. An owner
// may only assess itself (source self); pimpinan may not assess; an officer
// assesses (officer) or verifies (officer_verified, which needs the
// self-assessment it confirms and a visit date).
func (s *Service) Create(ctx context.Context, a auth.Actor, businessID int64, in Input) (*Assessment, error) {
	if !a.CanWrite() {
		return nil, apperr.New(apperr.Forbidden, "Peran Anda hanya boleh membaca data")
	}
	b, err := s.Registry.Get(ctx, a, businessID)
	if err != nil {
		return nil, err
	}
	if in.ClientRef != "" {
		if len(in.ClientRef) > 64 {
			return nil, apperr.Validation(map[string]string{"client_ref": "client_ref terlalu panjang (maks. 64 karakter)"})
		}
		if prev, err := s.byClientRef(ctx, businessID, in.ClientRef); err != nil || prev != nil {
			return prev, err
		}
	}
	if in.Source == "" {
		in.Source = SourceOfficer
		if a.Role == auth.Owner {
			in.Source = SourceSelf
		}
	}
	switch {
	case a.Role == auth.Owner && in.Source != SourceSelf:
		return nil, apperr.New(apperr.Forbidden, "Pemilik usaha hanya dapat mengisi penilaian mandiri (self)")
	case a.IsOfficer() && in.Source == SourceSelf:
		return nil, apperr.Validation(map[string]string{"source": "Penilaian mandiri diisi oleh pemilik usaha; petugas memakai sumber officer"})
	case in.Source != SourceSelf && in.Source != SourceOfficer && in.Source != SourceOfficerVerified:
		return nil, apperr.Validation(map[string]string{"source": "Sumber harus self, officer atau officer_verified"})
	}
	if in.Source == SourceOfficerVerified {
		if err := s.prepareVerification(ctx, businessID, &in); err != nil {
			return nil, err
		}
	} else if in.VerifiedFrom != 0 {
		return nil, apperr.Validation(map[string]string{"verified_from": "Hanya verifikasi (officer_verified) yang merujuk penilaian lain"})
	}
	f := map[string]string{}
	if in.AssessedOn == "" {
		in.AssessedOn = s.today()
	}
	if d, err := registry.ParseDate(in.AssessedOn); err != nil {
		f["assessed_on"] = "Tanggal penilaian harus berformat TTTT-BB-HH"
	} else if in.AssessedOn > s.today() {
		f["assessed_on"] = "Tanggal penilaian tidak boleh di masa depan"
	} else if d.Year() < 2000 {
		f["assessed_on"] = "Tanggal penilaian terlalu lama"
	}
	inst, err := Load(in.InstrumentVersion)
	if err != nil {
		f["instrument_version"] = err.Error()
	}
	if err := apperr.Validation(f); err != nil {
		return nil, err
	}
	facts := FactsOf(b, mustYear(in.AssessedOn))
	res, err := inst.Evaluate(in.Answers, facts)
	if err != nil {
		return nil, prefixFields(err, "answers.")
	}
	as := &Assessment{BusinessID: businessID, InstrumentVersion: inst.Version, AssessedOn: in.AssessedOn, Source: in.Source,
		Answers: in.Answers, Scores: res.Scores, Level: res.Level, LevelName: res.LevelName, Recommendations: res.Recommendations,
		AssessorID: a.UserID, Assessor: a.Username, VisitDate: in.VisitDate, VerifiedFrom: in.VerifiedFrom, ClientRef: in.ClientRef}
	ent := &audit.Entry{UserID: a.UserID, Username: a.Username, Action: audit.Create, Entity: "assessment"}
	ent.Before, ent.After = audit.Diff(nil, map[string]any{"business_id": businessID, "source": as.Source, "level": as.Level,
		"scores": as.Scores, "assessed_on": as.AssessedOn, "verified_from": as.VerifiedFrom})
	if err := s.Store.AddAssessment(ctx, as, ent); err != nil {
		return nil, err
	}
	return as, s.Explain(ctx, as)
}

// Explain adds to a result what is shown with it but never stored, as it
// changes over time: what it lacks for the next level and the open
// programmes that coach its next steps.
func (s *Service) Explain(ctx context.Context, as *Assessment) error {
	in, err := Load(as.InstrumentVersion)
	if err != nil {
		return err
	}
	as.NextLevel = in.NextLevelOf(as.Scores)
	return s.AttachPrograms(ctx, in, as.Recommendations)
}

// AttachPrograms names, on each recommendation, the open programmes whose
// topics include the step's topic, as the result's instrument now defines
// it (a stored step keeps the topic of its day). A programme is named once,
// on the first step it coaches.
func (s *Service) AttachPrograms(ctx context.Context, in *Instrument, recs []Recommendation) error {
	if len(recs) == 0 {
		return nil
	}
	open, err := s.Programs.ProgramRefs(ctx, "open")
	if err != nil {
		return err
	}
	named := map[int64]bool{}
	for i := range recs {
		r := &recs[i]
		r.Programs = nil
		if d, q := in.Question(r.Question); q != nil {
			r.Topic = d.TopicOf(q)
		}
		for _, p := range open {
			if slices.Contains(p.Topics, r.Topic) && !named[p.ID] {
				named[p.ID] = true
				r.Programs = append(r.Programs, p)
			}
		}
	}
	return nil
}

// byClientRef returns the business's assessment saved from the same form, if any.
func (s *Service) byClientRef(ctx context.Context, businessID int64, ref string) (*Assessment, error) {
	list, err := s.Store.ListAssessments(ctx, businessID)
	if err != nil {
		return nil, err
	}
	for i := range list {
		if list[i].ClientRef == ref {
			return &list[i], nil
		}
	}
	return nil, nil
}

// Verify confirms a self-assessment after a visit: a new officer_verified
// assessment dated on the visit, with the owner's answers as corrected by
// the officer (answers holds only the corrections, may be empty).
func (s *Service) Verify(ctx context.Context, a auth.Actor, businessID, selfID int64, visitDate string, answers map[string]string) (*Assessment, error) {
	if !a.IsOfficer() {
		return nil, apperr.New(apperr.Forbidden, "Hanya petugas yang dapat memverifikasi penilaian")
	}
	return s.Create(ctx, a, businessID, Input{Source: SourceOfficerVerified, VerifiedFrom: selfID, VisitDate: visitDate, Answers: answers})
}

func (s *Service) prepareVerification(ctx context.Context, businessID int64, in *Input) error {
	f := map[string]string{}
	if in.VerifiedFrom == 0 {
		f["verified_from"] = "Verifikasi harus merujuk penilaian mandiri yang diperiksa"
	}
	if in.VisitDate == "" {
		in.VisitDate = in.AssessedOn
	}
	if _, err := registry.ParseDate(in.VisitDate); err != nil {
		f["visit_date"] = "Tanggal kunjungan wajib diisi (TTTT-BB-HH)"
	} else if in.VisitDate > s.today() {
		f["visit_date"] = "Tanggal kunjungan tidak boleh di masa depan"
	}
	if err := apperr.Validation(f); err != nil {
		return err
	}
	orig, err := s.Store.GetAssessment(ctx, in.VerifiedFrom)
	if apperr.Is(err, apperr.NotFound) || (err == nil && orig.BusinessID != businessID) {
		return apperr.Validation(map[string]string{"verified_from": "Penilaian yang diverifikasi tidak ditemukan pada usaha ini"})
	}
	if err != nil {
		return err
	}
	if orig.Source != SourceSelf {
		return apperr.Validation(map[string]string{"verified_from": "Yang diverifikasi harus penilaian mandiri pemilik"})
	}
	if in.VisitDate < orig.AssessedOn {
		return apperr.Validation(map[string]string{"visit_date": "Tanggal kunjungan tidak boleh sebelum tanggal penilaian mandiri"})
	}
	if in.InstrumentVersion != "" && in.InstrumentVersion != orig.InstrumentVersion {
		return apperr.Validation(map[string]string{"instrument_version": "Verifikasi memakai versi instrumen penilaian mandiri"})
	}
	merged := maps.Clone(orig.Answers)
	maps.Copy(merged, in.Answers)
	in.Answers, in.InstrumentVersion, in.AssessedOn = merged, orig.InstrumentVersion, in.VisitDate
	return nil
}

// List returns a business's assessments, oldest first.
func (s *Service) List(ctx context.Context, a auth.Actor, businessID int64) ([]Assessment, error) {
	if _, err := s.Registry.Get(ctx, a, businessID); err != nil {
		return nil, err
	}
	out, err := s.Store.ListAssessments(ctx, businessID)
	if out == nil {
		out = []Assessment{}
	}
	for i := range out {
		if in, err := Load(out[i].InstrumentVersion); err == nil {
			out[i].NextLevel = in.NextLevelOf(out[i].Scores)
		}
	}
	return out, err
}

// Prefill returns the answers the registry already knows for a business.
func (s *Service) Prefill(ctx context.Context, a auth.Actor, businessID int64) (map[string]string, error) {
	b, err := s.Registry.Get(ctx, a, businessID)
	if err != nil {
		return nil, err
	}
	return Current().Prefill(b, s.today()), nil
}

func mustYear(date string) int {
	d, _ := registry.ParseDate(date)
	return d.Year()
}

func prefixFields(err error, prefix string) error {
	var e *apperr.Error
	if !errors.As(err, &e) || len(e.Fields) == 0 {
		return err
	}
	f := make(map[string]string, len(e.Fields))
	for k, v := range e.Fields {
		f[prefix+k] = v
	}
	return &apperr.Error{Code: e.Code, Message: fmt.Sprintf("Jawaban penilaian belum lengkap atau tidak dikenal (%d isian)", len(f)), Fields: f}
}
