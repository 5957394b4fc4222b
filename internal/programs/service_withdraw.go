package programs

import (
	"context"
	"encoding/json"
	"slices"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
)

// Withdrawal is the outcome of a withdrawal: the application that left and,
// when it held a place, the reserve that took it (nil if none fits).
type Withdrawal struct {
	Withdrawn   Application  `json:"withdrawn"`
	Replacement *Application `json:"replacement"`
	// KeepsDistricts is false when no reserve could keep the minimum number
	// of kecamatan and the best one within its quota was taken instead.
	KeepsDistricts bool `json:"keeps_districts"`
}

// Withdraw takes a business out of a programme (its owner, or an officer in
// its area). When it held a place after the selection was locked, the best
// reserve that keeps the constraints takes the place.
func (s *Service) Withdraw(ctx context.Context, a auth.Actor, programID, businessID int64) (*Withdrawal, error) {
	if a.Role == auth.Pimpinan {
		return nil, errReadOnly
	}
	ap, err := s.Store.GetApplication(ctx, programID, businessID)
	if err != nil || !a.Reaches(ap.BusinessID, ap.VillageCode) {
		return nil, apperr.New(apperr.NotFound, "Pendaftaran tidak ditemukan")
	}
	if !CanWithdraw(ap.Status) {
		return nil, apperr.New(apperr.Conflict, "Pendaftaran berstatus %s tidak dapat diundurkan", AppStatusLabel(ap.Status))
	}
	now := s.Now().UTC()
	changes := []StatusChange{{ApplicationID: ap.ID, ProgramID: ap.ProgramID, BusinessID: ap.BusinessID, From: ap.Status, To: AppWithdrawn,
		Reason: "mengundurkan diri", At: now, By: a.Username}}
	out := &Withdrawal{Withdrawn: *ap, KeepsDistricts: true}
	out.Withdrawn.Status = AppWithdrawn
	rec, err := s.Store.GetSelection(ctx, programID)
	if err != nil || !rec.Locked {
		return out, s.Store.ChangeStatuses(ctx, changes, who(a))
	}
	res, err := decodeResult(rec)
	if err != nil {
		return nil, err
	}
	var repl *Application
	if ap.Status == AppSelected {
		p, err := s.Store.GetProgram(ctx, programID)
		if err != nil {
			return nil, err
		}
		apps, err := s.Store.ListApplications(ctx, programID)
		if err != nil {
			return nil, err
		}
		repl, out.KeepsDistricts = pickReplacement(p, res, apps, businessID)
		if repl != nil {
			changes = append(changes, StatusChange{ApplicationID: repl.ID, ProgramID: repl.ProgramID, BusinessID: repl.BusinessID, From: repl.Status,
				To: AppSelected, Reason: "menggantikan peserta yang mengundurkan diri", At: now, By: a.Username})
		}
	}
	if err := checkMoves(changes); err != nil {
		return nil, err
	}
	if err := s.Store.ChangeStatuses(ctx, changes, who(a)); err != nil {
		return nil, err
	}
	moveInResult(res, businessID, repl)
	raw, err := json.Marshal(res)
	if err != nil {
		return nil, err
	}
	rec.Result = raw
	ent := entry(a, audit.Update, "selection", programID, map[string]int64{"withdrawn": 0}, map[string]int64{"withdrawn": businessID})
	if err := s.Store.UpdateSelection(ctx, rec, ent); err != nil {
		return nil, err
	}
	if repl != nil {
		repl.Status, repl.Reason = AppSelected, "menggantikan peserta yang mengundurkan diri"
	}
	out.Replacement = repl
	return out, nil
}

// pickReplacement finds the reserve that should take the place of the
// business that withdrew.
func pickReplacement(p *Program, res *Result, apps []Application, gone int64) (*Application, bool) {
	byBiz := map[int64]*Application{}
	var holders []Slot
	for i := range apps {
		ap := &apps[i]
		byBiz[ap.BusinessID] = ap
		if IsParticipant(ap.Status) && ap.BusinessID != gone {
			holders = append(holders, Slot{ap.BusinessID, ap.DistrictCode})
		}
	}
	var reserve []Slot
	for _, r := range res.Reserve {
		if ap := byBiz[r.BusinessID]; ap != nil && ap.Status == AppReserve {
			reserve = append(reserve, Slot{r.BusinessID, r.DistrictCode})
		}
	}
	idx, keeps := Replacement(holders, reserve, RulesOf(p), res.MinDistrictsTarget)
	if idx < 0 {
		return nil, true
	}
	c := *byBiz[reserve[idx].BusinessID]
	return &c, keeps
}

// moveInResult records a withdrawal and its replacement in the result lists.
func moveInResult(res *Result, gone int64, repl *Application) {
	isGone := func(r Ranked) bool { return r.BusinessID == gone }
	for _, list := range []*[]Ranked{&res.Selected, &res.Reserve, &res.NotSelected} {
		if i := slices.IndexFunc(*list, isGone); i >= 0 {
			r := (*list)[i]
			r.ReasonCode, r.Reason = ReasonWithdrawn, "mengundurkan diri"
			res.Withdrawn = append(res.Withdrawn, r)
			*list = slices.Delete(*list, i, i+1)
		}
	}
	if repl != nil {
		if i := slices.IndexFunc(res.Reserve, func(r Ranked) bool { return r.BusinessID == repl.BusinessID }); i >= 0 {
			r := res.Reserve[i]
			r.ReasonCode, r.Reason = ReasonReplacement, "menggantikan peserta yang mengundurkan diri"
			res.Reserve = slices.Delete(res.Reserve, i, i+1)
			res.Selected = append(res.Selected, r)
		}
	}
	// The outcome's places close up, so the lists read 1, 2, 3, … again.
	place := 0
	for _, list := range [][]Ranked{res.Selected, res.Reserve, res.NotSelected} {
		for i := range list {
			place++
			list[i].Rank = place
		}
	}
}

// PublicEntry is one line of the public selection page: no personal data.
type PublicEntry struct {
	Rank         int     `json:"rank"`
	BusinessName string  `json:"business_name"`
	Village      string  `json:"village"`
	District     string  `json:"district"`
	Score        float64 `json:"score"`
}

// PublicResult is what /seleksi/{id} shows.
type PublicResult struct {
	Program  *Program      `json:"program"`
	Selected []PublicEntry `json:"selected"`
	Reserve  []PublicEntry `json:"reserve"`
	Seed     int64         `json:"seed"`
}

// Public returns a published selection for anyone, with business names,
// desa and kecamatan only. An unpublished one is NotFound.
func (s *Service) Public(ctx context.Context, programID int64) (*PublicResult, error) {
	notFound := apperr.New(apperr.NotFound, "Hasil seleksi belum diumumkan")
	rec, err := s.Store.GetSelection(ctx, programID)
	if err != nil || !rec.Published {
		return nil, notFound
	}
	p, err := s.Store.GetProgram(ctx, programID)
	if err != nil {
		return nil, notFound
	}
	res, err := decodeResult(rec)
	if err != nil {
		return nil, err
	}
	apps, err := s.Store.ListApplications(ctx, programID)
	if err != nil {
		return nil, err
	}
	byBiz := map[int64]Application{}
	for _, ap := range apps {
		byBiz[ap.BusinessID] = ap
	}
	entries := func(list []Ranked) []PublicEntry {
		out := []PublicEntry{}
		for _, r := range list {
			ap := byBiz[r.BusinessID]
			out = append(out, PublicEntry{Rank: r.Rank, BusinessName: ap.BusinessName, Village: s.Regions.Name(ap.VillageCode),
				District: s.Regions.Name(ap.DistrictCode), Score: r.Score})
		}
		return out
	}
	return &PublicResult{Program: p, Selected: entries(res.Selected), Reserve: entries(res.Reserve), Seed: res.Seed}, nil
}
