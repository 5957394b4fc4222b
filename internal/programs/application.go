package programs

import (
	"encoding/json"
	"slices"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/idfmt"
)

// Application statuses. applied → selected | reserve | not_selected |
// ineligible; selected → attended → completed | dropped_out. A selected or
// reserve business that gives up its place is withdrawn.
const (
	AppApplied     = "applied"
	AppSelected    = "selected"
	AppReserve     = "reserve"
	AppNotSelected = "not_selected"
	AppIneligible  = "ineligible"
	AppAttended    = "attended"
	AppCompleted   = "completed"
	AppDroppedOut  = "dropped_out"
	AppWithdrawn   = "withdrawn"
)

// AppStatuses lists every application status.
var AppStatuses = []string{AppApplied, AppSelected, AppReserve, AppNotSelected, AppIneligible, AppAttended,
	AppCompleted, AppDroppedOut, AppWithdrawn}

// Channels by which an application arrives.
const (
	ChannelOnline   = "online"   // the owner applied
	ChannelNominasi = "nominasi" // an officer nominated it
	ChannelBulk     = "massal"   // added in bulk from a registry list
)

// appMoves lists the allowed application status moves. Selection may re-run
// while the programme is open (a business may meanwhile have gained an NIB),
// so its outcomes move freely among themselves and back to applied.
var appMoves = map[string][]string{
	AppApplied:     outcomes,
	AppSelected:    append([]string{AppAttended, AppDroppedOut}, outcomes...),
	AppReserve:     outcomes,
	AppNotSelected: outcomes,
	AppIneligible:  outcomes,
	AppAttended:    {AppCompleted, AppDroppedOut},
	AppDroppedOut:  {AppCompleted},
	AppCompleted:   {AppDroppedOut},
}

// outcomes are the statuses an application may hold before the programme
// runs, and withdrawal.
var outcomes = []string{AppApplied, AppSelected, AppReserve, AppNotSelected, AppIneligible, AppWithdrawn}

// CanMoveApplication reports whether an application may go from → to.
func CanMoveApplication(from, to string) bool {
	return from == to || slices.Contains(appMoves[from], to)
}

// checkMoves returns Conflict when a status move is not one the life cycle
// of an application allows; services call it before every write.
func checkMoves(changes []StatusChange) error {
	for _, c := range changes {
		if !CanMoveApplication(c.From, c.To) {
			return apperr.New(apperr.Conflict, "Status pendaftaran tidak dapat berpindah dari %s ke %s",
				AppStatusLabel(c.From), AppStatusLabel(c.To))
		}
	}
	return nil
}

// CanWithdraw reports whether an application in this status may be
// withdrawn: it holds or waits for a place. An ineligible application
// holds nothing to give up.
func CanWithdraw(status string) bool {
	switch status {
	case AppApplied, AppSelected, AppReserve, AppNotSelected:
		return true
	}
	return false
}

// IsParticipant reports whether an application status means the business
// holds a place (it takes attendance and tests).
func IsParticipant(status string) bool {
	switch status {
	case AppSelected, AppAttended, AppCompleted, AppDroppedOut:
		return true
	}
	return false
}

// AppStatusLabel is the Indonesian name of an application status.
func AppStatusLabel(s string) string { return idfmt.Label(appStatusLabels, s) }

var appStatusLabels = map[string]string{AppApplied: "Mendaftar", AppSelected: "Terpilih", AppReserve: "Cadangan",
	AppNotSelected: "Tidak terpilih", AppIneligible: "Tidak memenuhi syarat", AppAttended: "Sedang mengikuti",
	AppCompleted: "Lulus", AppDroppedOut: "Tidak lulus", AppWithdrawn: "Mengundurkan diri"}

// Application is one business's application to one programme. The
// business's name, village and district are copied at application time so
// that lists and the public page need no join with personal data.
type Application struct {
	ID           int64     `json:"id"`
	ProgramID    int64     `json:"program_id"`
	BusinessID   int64     `json:"business_id"`
	BusinessName string    `json:"business_name"`
	VillageCode  string    `json:"village_code"`
	DistrictCode string    `json:"district_code"`
	Channel      string    `json:"channel"`
	Status       string    `json:"status"`
	Reason       string    `json:"reason"` // why ineligible / not selected
	AppliedAt    time.Time `json:"applied_at"`
	AppliedBy    string    `json:"applied_by"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// StatusChange is one move of one application, kept in its history and audited.
type StatusChange struct {
	ApplicationID int64     `json:"application_id"`
	ProgramID     int64     `json:"-"` // named in the audit entry, so that the log says which programme
	BusinessID    int64     `json:"business_id"`
	From          string    `json:"from"`
	To            string    `json:"to"`
	Reason        string    `json:"reason"`
	At            time.Time `json:"at"`
	By            string    `json:"by"`
}

// Attendance is one participant's presence at one session.
type Attendance struct {
	ProgramID  int64     `json:"program_id"`
	BusinessID int64     `json:"business_id"`
	Session    int       `json:"session"`
	Present    bool      `json:"present"`
	RecordedBy string    `json:"recorded_by"`
	RecordedAt time.Time `json:"recorded_at"`
}

// Scores are a participant's pre-test and post-test (0–100); nil = not taken.
type Scores struct {
	ProgramID  int64     `json:"program_id"`
	BusinessID int64     `json:"business_id"`
	PreTest    *float64  `json:"pre_test"`
	PostTest   *float64  `json:"post_test"`
	RecordedBy string    `json:"recorded_by"`
	RecordedAt time.Time `json:"recorded_at"`
}

// Certificate is issued once to a participant who completed; Code is what
// the public /verifikasi/{code} page checks.
type Certificate struct {
	ID           int64     `json:"id"`
	ProgramID    int64     `json:"program_id"`
	BusinessID   int64     `json:"business_id"`
	Code         string    `json:"code"`
	BusinessName string    `json:"business_name"`
	OwnerName    string    `json:"owner_name"`
	IssuedAt     time.Time `json:"issued_at"`
	Signatory    Signatory `json:"signatory"` // who signed, at the time of issue
}

// Signatory is the office and official a certificate names as its issuer.
// It is kept with each certificate: a new head of the agency does not sign
// certificates issued before. Empty on certificates issued before the
// office's identity was recorded.
type Signatory struct {
	Government string `json:"government"`
	Agency     string `json:"agency"`
	Name       string `json:"name"`
	Title      string `json:"title"`
	NIP        string `json:"nip"`
}

// SelectionRecord is a stored selection run: its result, the seed of its
// lottery, and whether it is locked and published.
type SelectionRecord struct {
	ProgramID   int64           `json:"program_id"`
	Seed        int64           `json:"seed"`
	Result      json.RawMessage `json:"result"` // a Result
	RunAt       time.Time       `json:"run_at"`
	RunBy       string          `json:"run_by"`
	Locked      bool            `json:"locked"`
	LockedAt    *time.Time      `json:"locked_at"`
	LockedBy    string          `json:"locked_by"`
	Published   bool            `json:"published"`
	PublishedAt *time.Time      `json:"published_at"`
}
