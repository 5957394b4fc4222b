package programs

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/registry"
)

// maxSeed keeps seeds exact in JavaScript numbers (2^53).
const maxSeed = 1<<53 - 1

// DefaultSeed derives a programme's lottery seed from its identity, so that
// a selection run twice on the same applications gives the same result.
func DefaultSeed(p *Program) int64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "naikkelas/seleksi/%d/%s/%s", p.ID, p.Name, p.StartsOn)
	return int64(h.Sum64() & maxSeed)
}

// RunSelection scores every application of an open programme, checks
// eligibility again, selects and stores the explained result with its seed.
// seed nil means the programme's default seed. A locked result is Conflict.
func (s *Service) RunSelection(ctx context.Context, a auth.Actor, programID int64, seed *int64) (*Result, error) {
	if err := officer(a); err != nil {
		return nil, err
	}
	p, err := s.Store.GetProgram(ctx, programID)
	if err != nil {
		return nil, err
	}
	if p.Status != StatusOpen {
		return nil, apperr.New(apperr.Conflict, "Seleksi hanya dapat dijalankan saat pendaftaran dibuka (status: %s)", StatusLabel(p.Status))
	}
	if rec, err := s.Store.GetSelection(ctx, programID); err == nil && rec.Locked {
		return nil, apperr.New(apperr.Conflict, "Hasil seleksi sudah dikunci")
	}
	sd := DefaultSeed(p)
	if seed != nil {
		if *seed < 0 || *seed > maxSeed {
			return nil, apperr.Validation(map[string]string{"seed": "Seed harus bilangan bulat 0 sampai 2^53−1"})
		}
		sd = *seed
	}
	apps, err := s.Store.ListApplications(ctx, programID)
	if err != nil {
		return nil, err
	}
	apps = slices.DeleteFunc(apps, func(ap Application) bool {
		return ap.Status != AppApplied && ap.Status != AppSelected && ap.Status != AppReserve &&
			ap.Status != AppNotSelected && ap.Status != AppIneligible
	})
	cands, inel, err := s.candidates(ctx, p, apps)
	if err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	res := Select(cands, inel, RulesOf(p), sd)
	res.RunAt = now
	raw, err := json.Marshal(res)
	if err != nil {
		return nil, err
	}
	rec := &SelectionRecord{ProgramID: programID, Seed: sd, Result: raw, RunAt: now, RunBy: a.Username}
	changes := outcomeChanges(apps, res, now, a.Username)
	if err := checkMoves(changes); err != nil {
		return nil, err
	}
	if err := s.Store.SaveSelection(ctx, rec, changes, who(a)); err != nil {
		return nil, err
	}
	return res, s.scopeResult(ctx, a, programID, res)
}

// candidates splits applications into scored candidates and ineligible ones.
func (s *Service) candidates(ctx context.Context, p *Program, apps []Application) ([]Candidate, []Rejected, error) {
	ids := make([]int64, len(apps))
	applied := make(map[int64]time.Time, len(apps))
	for i, ap := range apps {
		ids[i], applied[ap.BusinessID] = ap.BusinessID, ap.AppliedAt
	}
	bs, err := s.loadBusinesses(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	facts, err := s.factsFor(ctx, p, bs, applied)
	if err != nil {
		return nil, nil, err
	}
	now, today := s.Now().UTC(), s.today()
	var cands []Candidate
	inel := []Rejected{}
	for _, ap := range apps {
		f := facts[ap.BusinessID]
		if f == nil {
			inel = append(inel, Rejected{BusinessID: ap.BusinessID, DistrictCode: ap.DistrictCode,
				Reason: "data usaha tidak ditemukan atau sudah diarsipkan"})
			continue
		}
		if why := Eligible(p, f, today); len(why) > 0 {
			inel = append(inel, Rejected{BusinessID: ap.BusinessID, DistrictCode: f.Business.DistrictCode, Reason: strings.Join(why, "; ")})
			continue
		}
		cands = append(cands, Candidate{BusinessID: ap.BusinessID, District: f.Business.DistrictCode,
			AppliedAt: ap.AppliedAt, Breakdown: Score(p, f, now)})
	}
	return cands, inel, nil
}

// loadBusinesses reads the active businesses with the given IDs.
func (s *Service) loadBusinesses(ctx context.Context, ids []int64) ([]*registry.Business, error) {
	var out []*registry.Business
	if len(ids) == 0 {
		return out, nil
	}
	err := s.Registry.EachBusiness(ctx, registry.Filter{IDs: ids, Today: s.today().Format(time.DateOnly)}, func(b *registry.Business) error {
		c := *b
		out = append(out, &c)
		return nil
	})
	return out, err
}

// outcomeChanges turns a result into the status moves of the applications.
func outcomeChanges(apps []Application, res *Result, at time.Time, by string) []StatusChange {
	type outcome struct{ status, reason string }
	want := map[int64]outcome{}
	for _, r := range res.Selected {
		want[r.BusinessID] = outcome{AppSelected, r.Reason}
	}
	for _, r := range res.Reserve {
		want[r.BusinessID] = outcome{AppReserve, r.Reason}
	}
	for _, r := range res.NotSelected {
		want[r.BusinessID] = outcome{AppNotSelected, r.Reason}
	}
	for _, r := range res.Ineligible {
		want[r.BusinessID] = outcome{AppIneligible, r.Reason}
	}
	var out []StatusChange
	for _, ap := range apps {
		w, ok := want[ap.BusinessID]
		if ok && (w.status != ap.Status || w.reason != ap.Reason) {
			out = append(out, StatusChange{ApplicationID: ap.ID, ProgramID: ap.ProgramID, BusinessID: ap.BusinessID, From: ap.Status, To: w.status,
				Reason: w.reason, At: at, By: by})
		}
	}
	return out
}

// Selection returns the stored result with its lock and publication state.
// The full explanation is for the office only.
func (s *Service) Selection(ctx context.Context, a auth.Actor, programID int64) (*Result, *SelectionRecord, error) {
	if err := office(a); err != nil {
		return nil, nil, err
	}
	rec, err := s.Store.GetSelection(ctx, programID)
	if err != nil {
		return nil, nil, err
	}
	res, err := decodeResult(rec)
	if err != nil {
		return nil, nil, err
	}
	return res, rec, s.scopeResult(ctx, a, programID, res)
}

// scopeResult keeps, for an operator, only the applicants in its area: the
// explanation of a business elsewhere is not the operator's to read. Ranks,
// totals and the seed stay those of the whole selection.
func (s *Service) scopeResult(ctx context.Context, a auth.Actor, programID int64, res *Result) error {
	if a.Role != auth.Operator {
		return nil
	}
	apps, err := s.Store.ListApplications(ctx, programID)
	if err != nil {
		return err
	}
	reach := make(map[int64]bool, len(apps))
	for _, ap := range apps {
		reach[ap.BusinessID] = a.Reaches(ap.BusinessID, ap.VillageCode)
	}
	keep := func(list []Ranked) []Ranked {
		return slices.DeleteFunc(list, func(r Ranked) bool { return !reach[r.BusinessID] })
	}
	res.Selected, res.Reserve, res.NotSelected, res.Withdrawn = keep(res.Selected), keep(res.Reserve), keep(res.NotSelected), keep(res.Withdrawn)
	res.Ineligible = slices.DeleteFunc(res.Ineligible, func(r Rejected) bool { return !reach[r.BusinessID] })
	return nil
}

func decodeResult(rec *SelectionRecord) (*Result, error) {
	var res Result
	if err := json.Unmarshal(rec.Result, &res); err != nil {
		return nil, fmt.Errorf("programs: stored selection: %w", err)
	}
	res.Seed, res.Locked, res.Published = rec.Seed, rec.Locked, rec.Published
	return &res, nil
}

// LockSelection freezes the result and moves the programme to selected.
func (s *Service) LockSelection(ctx context.Context, a auth.Actor, programID int64) (*SelectionRecord, error) {
	if err := officer(a); err != nil {
		return nil, err
	}
	p, err := s.Store.GetProgram(ctx, programID)
	if err != nil {
		return nil, err
	}
	rec, err := s.Store.GetSelection(ctx, programID)
	if err != nil {
		return nil, apperr.New(apperr.Conflict, "Seleksi belum dijalankan")
	}
	if rec.Locked {
		return rec, nil
	}
	now := s.Now().UTC()
	rec.Locked, rec.LockedAt, rec.LockedBy = true, &now, a.Username
	ent := entry(a, audit.Update, "selection", programID, map[string]bool{"locked": false}, map[string]bool{"locked": true})
	if err := s.Store.UpdateSelection(ctx, rec, ent); err != nil {
		return nil, err
	}
	if p.Status == StatusOpen {
		if _, err := s.setStatus(ctx, a, p, StatusSelected); err != nil {
			return nil, err
		}
	}
	return rec, nil
}

// PublishSelection makes a locked result public on /seleksi/{id}.
func (s *Service) PublishSelection(ctx context.Context, a auth.Actor, programID int64) (*SelectionRecord, error) {
	if err := officer(a); err != nil {
		return nil, err
	}
	rec, err := s.Store.GetSelection(ctx, programID)
	if err != nil {
		return nil, apperr.New(apperr.Conflict, "Seleksi belum dijalankan")
	}
	if !rec.Locked {
		return nil, apperr.New(apperr.Conflict, "Hasil seleksi harus dikunci sebelum diumumkan")
	}
	if rec.Published {
		return rec, nil
	}
	now := s.Now().UTC()
	rec.Published, rec.PublishedAt = true, &now
	ent := entry(a, audit.Update, "selection", programID, map[string]bool{"published": false}, map[string]bool{"published": true})
	return rec, s.Store.UpdateSelection(ctx, rec, ent)
}
