package programs

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// Service applies the rules of programmes on top of a Store: who may do
// what, eligibility, scoring, selection, completion and the audit trail.
type Service struct {
	Store        Store
	Registry     registry.Store
	Needs        NeedSource // the latest assessments; a business without one is judged by its size class
	Regions      *region.Directory
	Jurisdiction string
	Now          func() time.Time
	// Signatory tells who signs a certificate issued now; nil leaves the
	// certificate unsigned.
	Signatory func(ctx context.Context) (Signatory, error)
}

// NewService returns a Service with the real clock.
func NewService(st Store, reg registry.Store, needs NeedSource, jurisdiction string) *Service {
	return &Service{Store: st, Registry: reg, Needs: needs, Regions: region.All(), Jurisdiction: jurisdiction, Now: time.Now}
}

var (
	errReadOnly   = apperr.New(apperr.Forbidden, "Peran Anda hanya boleh membaca data program")
	errOfficeOnly = apperr.New(apperr.Forbidden, "Hanya petugas dinas yang boleh melakukan ini")
)

// officer allows admin and operators.
func officer(a auth.Actor) error {
	if a.IsOfficer() {
		return nil
	}
	if a.Role == auth.Pimpinan {
		return errReadOnly
	}
	return errOfficeOnly
}

// office allows everyone who works for the office, including pimpinan (read).
func office(a auth.Actor) error {
	if a.IsOfficer() || a.Role == auth.Pimpinan {
		return nil
	}
	return errOfficeOnly
}

func who(a auth.Actor) Who { return Who{UserID: a.UserID, Username: a.Username} }

func entry(a auth.Actor, action, entity string, id int64, before, after any) *audit.Entry {
	b, af := audit.Diff(before, after)
	return &audit.Entry{UserID: a.UserID, Username: a.Username, Action: action, Entity: entity, EntityID: id, Before: b, After: af}
}

// today is the office's calendar day (WIB) as a UTC midnight, the form in
// which programme dates are parsed.
func (s *Service) today() time.Time {
	d, _ := time.Parse(time.DateOnly, idfmt.Day(s.Now()))
	return d
}

// Get returns a programme; every signed-in role may read programmes, except
// that a draft is the office's own (NotFound for an owner).
func (s *Service) Get(ctx context.Context, a auth.Actor, id int64) (*Program, error) {
	p, err := s.Store.GetProgram(ctx, id)
	if err == nil && a.Role == auth.Owner && p.Status == StatusDraft {
		return nil, apperr.New(apperr.NotFound, "Program tidak ditemukan")
	}
	return p, err
}

// List returns one page of programmes. Owners see only programmes past draft.
func (s *Service) List(ctx context.Context, a auth.Actor, f ProgramFilter) ([]Program, int, error) {
	if f.Status != "" && !slices.Contains(Statuses, f.Status) {
		return nil, 0, apperr.Validation(map[string]string{"status": "Status harus salah satu dari: " + strings.Join(Statuses, ", ")})
	}
	f.Public = a.Role == auth.Owner
	return s.Store.ListPrograms(ctx, f)
}

// Create validates and stores a new programme in draft.
func (s *Service) Create(ctx context.Context, a auth.Actor, p *Program) (*Program, error) {
	if err := officer(a); err != nil {
		return nil, err
	}
	p.ID, p.Version, p.Status, p.CreatedBy = 0, 0, StatusDraft, a.Username
	p.Normalize()
	if err := apperr.Validation(s.validate(ctx, p)); err != nil {
		return nil, err
	}
	if err := s.Store.CreateProgram(ctx, p, entry(a, audit.Create, "program", 0, nil, p)); err != nil {
		return nil, err
	}
	return p, nil
}

// Update replaces a programme's settings if p.Version is current. Status is
// not changed here (see Move). Selection rules, eligibility and weights are
// frozen once the selection is locked.
func (s *Service) Update(ctx context.Context, a auth.Actor, p *Program) (*Program, error) {
	if err := officer(a); err != nil {
		return nil, err
	}
	old, err := s.Store.GetProgram(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	if p.Version != old.Version {
		return nil, apperr.New(apperr.Conflict, "Program ini sudah diubah orang lain (versi sekarang %d). Muat ulang lalu ulangi.", old.Version)
	}
	p.Status, p.CreatedBy, p.CreatedAt = old.Status, old.CreatedBy, old.CreatedAt
	if len(p.Sessions) == 0 && p.StartsOn == old.StartsOn && p.EndsOn == old.EndsOn {
		p.Sessions = old.Sessions // a form without sessions keeps their titles
	}
	p.Normalize()
	if old.Status != StatusDraft && old.Status != StatusOpen && !sameRules(old, p) {
		return nil, apperr.New(apperr.Conflict, "Aturan seleksi, syarat dan bobot tidak dapat diubah setelah seleksi dikunci")
	}
	if err := apperr.Validation(s.validate(ctx, p)); err != nil {
		return nil, err
	}
	if err := s.Store.UpdateProgram(ctx, p, entry(a, audit.Update, "program", p.ID, old, p)); err != nil {
		return nil, err
	}
	return p, nil
}

// validate adds to Program.Validate the check that funding lines name
// partners that exist.
func (s *Service) validate(ctx context.Context, p *Program) map[string]string {
	f := p.Validate(s.Regions, s.Jurisdiction)
	for i, l := range p.Funding {
		if l.PartnerID == 0 {
			continue
		}
		if _, err := s.Store.GetPartner(ctx, l.PartnerID); err != nil {
			f["funding"] = fmt.Sprintf("Baris pendanaan %d: mitra #%d tidak ditemukan", i+1, l.PartnerID)
		}
	}
	return f
}

func sameRules(a, b *Program) bool {
	x, _ := json.Marshal([]any{a.Capacity, a.MaxPerDistrict, a.MinDistricts, a.Districts, a.Eligibility, a.Weights})
	y, _ := json.Marshal([]any{b.Capacity, b.MaxPerDistrict, b.MinDistricts, b.Districts, b.Eligibility, b.Weights})
	return string(x) == string(y)
}

// Delete removes a draft programme without applications.
func (s *Service) Delete(ctx context.Context, a auth.Actor, id int64) error {
	if err := officer(a); err != nil {
		return err
	}
	p, err := s.Store.GetProgram(ctx, id)
	if err != nil {
		return err
	}
	if p.Status != StatusDraft {
		return apperr.New(apperr.Conflict, "Hanya program berstatus draf yang dapat dihapus")
	}
	return s.Store.DeleteProgram(ctx, id, entry(a, audit.Archive, "program", id, p, nil))
}

// Move changes a programme's status along its life cycle. A move the life
// cycle does not allow is Conflict. Moving to selected needs a locked
// selection; moving to finished settles completion and plans follow-up.
func (s *Service) Move(ctx context.Context, a auth.Actor, id int64, to string) (*Program, error) {
	if err := officer(a); err != nil {
		return nil, err
	}
	switch to { // an unknown status is bad input (422), not a forbidden move (409)
	case StatusDraft, StatusOpen, StatusSelected, StatusRunning, StatusFinished:
	default:
		return nil, apperr.Validation(map[string]string{"status": "Status harus draft, open, selected, running atau finished"})
	}
	p, err := s.Store.GetProgram(ctx, id)
	if err != nil {
		return nil, err
	}
	if p.Status == to {
		return p, nil
	}
	if !CanMove(p.Status, to) {
		return nil, apperr.New(apperr.Conflict, "Status program tidak dapat berpindah dari %s ke %s", StatusLabel(p.Status), StatusLabel(to))
	}
	if to == StatusSelected {
		rec, err := s.Store.GetSelection(ctx, id)
		if err != nil || !rec.Locked {
			return nil, apperr.New(apperr.Conflict, "Hasil seleksi belum dikunci")
		}
	}
	if to == StatusDraft {
		if apps, err := s.Store.ListApplications(ctx, id); err != nil {
			return nil, err
		} else if len(apps) > 0 {
			return nil, apperr.New(apperr.Conflict, "Program yang sudah memiliki pendaftar tidak dapat kembali ke draf")
		}
	}
	if to == StatusFinished {
		if last := p.LastDay(); idfmt.Day(s.Now()) < last {
			return nil, apperr.New(apperr.Conflict, "Program baru dapat diselesaikan mulai hari sesi terakhirnya, %s", idfmt.DateString(last))
		}
		if err := s.finish(ctx, a, p); err != nil {
			return nil, err
		}
	}
	return s.setStatus(ctx, a, p, to)
}

func (s *Service) setStatus(ctx context.Context, a auth.Actor, p *Program, to string) (*Program, error) {
	before := map[string]string{"status": p.Status}
	p.Status = to
	ent := entry(a, audit.Update, "program", p.ID, before, map[string]string{"status": to})
	if err := s.Store.UpdateProgram(ctx, p, ent); err != nil {
		return nil, err
	}
	return p, nil
}
