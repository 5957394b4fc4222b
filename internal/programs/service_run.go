package programs

import (
	"context"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/certificate"
	"naikkelas/internal/idfmt"
)

// Progress returns attendance, tests and completion of the participants the
// actor may see.
func (s *Service) Progress(ctx context.Context, a auth.Actor, programID int64) (*Program, []Progress, error) {
	p, apps, err := s.officeApplications(ctx, a, programID)
	if err != nil {
		return nil, nil, err
	}
	att, err := s.Store.ListAttendance(ctx, programID)
	if err != nil {
		return nil, nil, err
	}
	scores, err := s.Store.ListScores(ctx, programID)
	if err != nil {
		return nil, nil, err
	}
	return p, BuildProgress(p, apps, att, scores), nil
}

// officeApplications loads a programme and the applications to it that the
// actor may see; only the office may ask.
func (s *Service) officeApplications(ctx context.Context, a auth.Actor, programID int64) (*Program, []Application, error) {
	if err := office(a); err != nil {
		return nil, nil, err
	}
	p, err := s.Store.GetProgram(ctx, programID)
	if err != nil {
		return nil, nil, err
	}
	apps, err := s.Applications(ctx, a, programID)
	if err != nil {
		return nil, nil, err
	}
	return p, apps, nil
}

// finish settles completion when a programme ends: participants who meet
// the rules complete, the others drop out, and follow-up tasks are planned
// for everyone who attended.
func (s *Service) finish(ctx context.Context, a auth.Actor, p *Program) error {
	apps, err := s.Store.ListApplications(ctx, p.ID)
	if err != nil {
		return err
	}
	att, err := s.Store.ListAttendance(ctx, p.ID)
	if err != nil {
		return err
	}
	scores, err := s.Store.ListScores(ctx, p.ID)
	if err != nil {
		return err
	}
	byBiz := map[int64]Application{}
	for _, ap := range apps {
		byBiz[ap.BusinessID] = ap
	}
	now := s.Now().UTC()
	var changes []StatusChange
	var attended []Application
	for _, pr := range BuildProgress(p, apps, att, scores) {
		ap := byBiz[pr.BusinessID]
		to, why := AppCompleted, "memenuhi syarat kelulusan"
		if !pr.Completed {
			to, why = AppDroppedOut, strings.Join(pr.Unmet, "; ")
		}
		if len(pr.Present) > 0 {
			attended = append(attended, ap)
		}
		if ap.Status == AppSelected && to == AppCompleted {
			// presence is what moves selected → attended; without it there is no completion
			to = AppDroppedOut
		}
		if ap.Status != to {
			changes = append(changes, StatusChange{ApplicationID: ap.ID, ProgramID: ap.ProgramID, BusinessID: ap.BusinessID, From: ap.Status, To: to,
				Reason: why, At: now, By: a.Username})
		}
	}
	if err := checkMoves(changes); err != nil {
		return err
	}
	if err := s.Store.ChangeStatuses(ctx, changes, who(a)); err != nil {
		return err
	}
	return s.Store.AddFollowUps(ctx, PlanFollowUps(p, attended))
}

// Certificate issues (once) and returns the certificate of a participant who
// completed. Otherwise it is Conflict naming the rule that is not met.
// Officers in the area, pimpinan and the business's owner may fetch it.
func (s *Service) Certificate(ctx context.Context, a auth.Actor, programID, businessID int64) (*Certificate, *Program, error) {
	p, err := s.Store.GetProgram(ctx, programID)
	if err != nil {
		return nil, nil, err
	}
	ap, err := s.Store.GetApplication(ctx, programID, businessID)
	if err != nil || !a.Reaches(ap.BusinessID, ap.VillageCode) {
		return nil, nil, apperr.New(apperr.NotFound, "Peserta tidak ditemukan")
	}
	c, err := s.issue(ctx, a, p, ap)
	return c, p, err
}

func (s *Service) issue(ctx context.Context, a auth.Actor, p *Program, ap *Application) (*Certificate, error) {
	if !IsParticipant(ap.Status) {
		return nil, apperr.New(apperr.Conflict, "Sertifikat tidak tersedia: usaha ini bukan peserta program")
	}
	if p.Status != StatusRunning && p.Status != StatusFinished {
		return nil, apperr.New(apperr.Conflict, "Sertifikat belum tersedia: program belum berjalan")
	}
	if last := p.LastDay(); idfmt.Day(s.Now()) < last {
		return nil, apperr.New(apperr.Conflict, "Sertifikat baru dapat diterbitkan mulai hari sesi terakhir, %s", idfmt.DateString(last))
	}
	att, err := s.Store.ListAttendance(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	scores, err := s.Store.ListScores(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	pr := BuildProgress(p, []Application{*ap}, att, scores)[0]
	if !pr.Completed {
		return nil, apperr.New(apperr.Conflict, "Sertifikat belum dapat diterbitkan: %s", strings.Join(pr.Unmet, "; "))
	}
	b, err := s.Registry.GetBusiness(ctx, ap.BusinessID)
	if err != nil {
		return nil, err
	}
	c := &Certificate{ProgramID: p.ID, BusinessID: ap.BusinessID, Code: certificate.NewCode(), BusinessName: b.Name,
		OwnerName: b.OwnerName, IssuedAt: s.Now().UTC()}
	if s.Signatory != nil {
		if c.Signatory, err = s.Signatory(ctx); err != nil {
			return nil, err
		}
	}
	ent := entry(a, audit.Create, "certificate", ap.BusinessID, nil, map[string]any{"program_id": p.ID, "code": c.Code})
	return c, s.Store.IssueCertificate(ctx, c, ent)
}

// Certificates issues and returns the certificates of every participant in
// the actor's reach who completed, for the ZIP download.
func (s *Service) Certificates(ctx context.Context, a auth.Actor, programID int64) ([]Certificate, *Program, error) {
	p, apps, err := s.officeApplications(ctx, a, programID)
	if err != nil {
		return nil, nil, err
	}
	out := []Certificate{}
	for i := range apps {
		if !IsParticipant(apps[i].Status) {
			continue
		}
		c, err := s.issue(ctx, a, p, &apps[i])
		if apperr.Is(err, apperr.Conflict) {
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		out = append(out, *c)
	}
	return out, p, nil
}

// Verify returns the certificate with the given code and its programme, for
// the public verification page.
func (s *Service) Verify(ctx context.Context, code string) (*Certificate, *Program, error) {
	c, err := s.Store.CertificateByCode(ctx, certificate.NormalizeCode(code))
	if err != nil {
		return nil, nil, apperr.New(apperr.NotFound, "Kode sertifikat tidak dikenal")
	}
	p, err := s.Store.GetProgram(ctx, c.ProgramID)
	if err != nil {
		return nil, nil, err
	}
	return c, p, nil
}
