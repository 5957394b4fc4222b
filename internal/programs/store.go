package programs

import (
	"context"
	"encoding/json"

	"naikkelas/internal/audit"
	"naikkelas/internal/registry"
)

// ProgramFilter selects programmes for lists.
type ProgramFilter struct {
	Status  string // "" = all
	Public  bool   // leave out drafts (what an owner may see)
	Page    int
	PerPage int
}

// FollowUpFilter selects follow-up tasks.
type FollowUpFilter struct {
	ProgramID int64
	Status    string   // "" = all
	DueBefore string   // YYYY-MM-DD, inclusive; "" = any
	Regions   []string // district or village codes; nil = everywhere
	Page      int
	PerPage   int
}

// History is what earlier programmes say about a business.
type History struct {
	LastCompletedOn      string // ends_on of the latest programme it completed
	LastCompletedProgram string
	WaitingSince         string // applied_at (RFC 3339) of its earliest application that ended reserve or not selected
}

// Store persists programmes, partners, applications and everything that
// follows them. Every write that changes a status writes its audit entries
// in the same transaction. Errors: NotFound for an absent id, Conflict for a
// stale version, a duplicate application or a status that moved meanwhile,
// Invalid for a value a constraint rejects.
type Store interface {
	// CreateProgram inserts p (setting ID, Version=1 and timestamps) and a.
	CreateProgram(ctx context.Context, p *Program, a *audit.Entry) error
	// GetProgram returns a programme or NotFound.
	GetProgram(ctx context.Context, id int64) (*Program, error)
	// UpdateProgram saves p if the stored version equals p.Version, then
	// increments p.Version. Returns Conflict on a stale version.
	UpdateProgram(ctx context.Context, p *Program, a *audit.Entry) error
	// DeleteProgram removes a programme that has no applications; Conflict otherwise.
	DeleteProgram(ctx context.Context, id int64, a *audit.Entry) error
	// ListPrograms returns one page of programmes, newest start first, and the total.
	ListPrograms(ctx context.Context, f ProgramFilter) ([]Program, int, error)

	// CreatePartner inserts pt (setting ID and timestamps) and a.
	CreatePartner(ctx context.Context, pt *Partner, a *audit.Entry) error
	// GetPartner returns a partner or NotFound.
	GetPartner(ctx context.Context, id int64) (*Partner, error)
	// UpdatePartner saves name, kind and contact.
	UpdatePartner(ctx context.Context, pt *Partner, a *audit.Entry) error
	// DeletePartner removes a partner.
	DeletePartner(ctx context.Context, id int64, a *audit.Entry) error
	// ListPartners returns all partners by name.
	ListPartners(ctx context.Context) ([]Partner, error)

	// AddApplications inserts apps (setting ID and timestamps), each with its
	// first history row and audit entry. All or nothing; Conflict when a
	// business already applied to the programme.
	AddApplications(ctx context.Context, apps []*Application, who Who) error
	// GetApplication returns one business's application to a programme, or NotFound.
	GetApplication(ctx context.Context, programID, businessID int64) (*Application, error)
	// ListApplications returns a programme's applications by ID.
	ListApplications(ctx context.Context, programID int64) ([]Application, error)
	// BusinessApplications returns one business's applications, newest first.
	BusinessApplications(ctx context.Context, businessID int64) ([]Application, error)
	// ChangeStatuses applies status moves, each kept in the history and
	// audited. Returns Conflict when an application is no longer in From.
	ChangeStatuses(ctx context.Context, changes []StatusChange, who Who) error
	// ApplicationHistory returns an application's status moves, oldest first.
	ApplicationHistory(ctx context.Context, applicationID int64) ([]StatusChange, error)
	// ApplicantHistory returns what earlier programmes say about each of the given
	// businesses, or about every applicant of programID when ids is nil;
	// programID itself is left out.
	ApplicantHistory(ctx context.Context, programID int64, ids []int64) (map[int64]History, error)

	// SaveSelection stores a selection run (replacing an unlocked earlier
	// one) together with the status moves it causes. Conflict when locked.
	SaveSelection(ctx context.Context, rec *SelectionRecord, changes []StatusChange, who Who) error
	// GetSelection returns a programme's selection, or NotFound before the first run.
	GetSelection(ctx context.Context, programID int64) (*SelectionRecord, error)
	// UpdateSelection saves the lock, publication and result of a selection.
	UpdateSelection(ctx context.Context, rec *SelectionRecord, a *audit.Entry) error

	// SetAttendance records presence marks (each audited, replacing an
	// earlier mark of the same participant and session) and status moves,
	// all in one transaction.
	SetAttendance(ctx context.Context, marks []Attendance, changes []StatusChange, who Who) error
	// ListAttendance returns a programme's attendance.
	ListAttendance(ctx context.Context, programID int64) ([]Attendance, error)
	// SetScores records participants' tests (each replacing the earlier
	// ones of its participant) with their audit entries, all or nothing.
	SetScores(ctx context.Context, scores []Scores, entries []*audit.Entry) error
	// ListScores returns a programme's tests.
	ListScores(ctx context.Context, programID int64) ([]Scores, error)

	// IssueCertificate stores c unless the participant already has one, in
	// which case c is filled from the stored certificate.
	IssueCertificate(ctx context.Context, c *Certificate, a *audit.Entry) error
	// CertificateByCode returns a certificate or NotFound.
	CertificateByCode(ctx context.Context, code string) (*Certificate, error)
	// ListCertificates returns a programme's certificates.
	ListCertificates(ctx context.Context, programID int64) ([]Certificate, error)

	// AddFollowUps inserts tasks, skipping any the participant already has
	// for the same month.
	AddFollowUps(ctx context.Context, tasks []FollowUp) error
	// ListFollowUps returns one page of tasks by due date, and the total.
	ListFollowUps(ctx context.Context, f FollowUpFilter) ([]FollowUp, int, error)
	// GetFollowUp returns a task or NotFound.
	GetFollowUp(ctx context.Context, id int64) (*FollowUp, error)
	// CompleteFollowUp saves a task's status, method, notes and completion.
	CompleteFollowUp(ctx context.Context, t *FollowUp, a *audit.Entry) error

	// TrainedPerDistrict counts, per kecamatan, active businesses within
	// scope that completed at least one programme.
	TrainedPerDistrict(ctx context.Context, scope registry.Scope) (map[string]int, error)
}

// Who is the user behind a write, for history rows and audit entries.
type Who struct {
	UserID   int64
	Username string
}

// Audit returns the audit entry of one attendance mark.
func (at Attendance) Audit(w Who) *audit.Entry {
	after, _ := json.Marshal(map[string]any{"program_id": at.ProgramID, "session": at.Session, "present": at.Present})
	return &audit.Entry{At: at.RecordedAt, UserID: w.UserID, Username: w.Username, Action: audit.Update,
		Entity: "attendance", EntityID: at.BusinessID, Before: json.RawMessage("null"), After: after}
}

// Audit returns the audit entry of one status move.
func (c StatusChange) Audit(w Who) *audit.Entry {
	before, _ := json.Marshal(map[string]string{"status": c.From})
	after, _ := json.Marshal(map[string]any{"status": c.To, "reason": c.Reason, "business_id": c.BusinessID, "program_id": c.ProgramID})
	if c.From == "" {
		before = []byte("null")
	}
	action := audit.Update
	if c.From == "" {
		action = audit.Create
	}
	return &audit.Entry{At: c.At, UserID: w.UserID, Username: w.Username, Action: action, Entity: "application",
		EntityID: c.ApplicationID, Before: before, After: after}
}
