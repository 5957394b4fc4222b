package messages

import (
	"context"
	"time"

	"naikkelas/internal/audit"
	"naikkelas/internal/registry"
)

// Window is the span of due days an outbox asks for, YYYY-MM-DD, inclusive,
// with the UTC instants that bound those days in WIB for records dated by a
// timestamp.
type Window struct {
	From, To   string
	Start, End time.Time // [Start, End): From 00:00 WIB to the day after To 00:00 WIB
}

// Store persists templates, sent messages and contact preferences, and
// finds the messages records make due.
type Store interface {
	// MessageTemplates returns the templates an admin saved.
	MessageTemplates(ctx context.Context) ([]Template, error)
	// SaveMessageTemplate saves t when the stored version equals t.Version
	// (0 for the first save) and increments it; Conflict otherwise.
	SaveMessageTemplate(ctx context.Context, t *Template, a *audit.Entry) error
	// MessageCandidates returns the messages due within w for the active
	// businesses in scope, leaving out those whose owner opted out of
	// contact. Every kind is found from its record: permits that expire,
	// referrals the bank decided, follow-up visits, halal quota
	// allocations, programme sessions, published selections and
	// nominations.
	MessageCandidates(ctx context.Context, scope registry.Scope, w Window) ([]Candidate, error)
	// SentMessages returns the messages marked sent whose due day is within w.
	SentMessages(ctx context.Context, w Window) ([]Sent, error)
	// MarkSent records s; Conflict when that message was already marked.
	MarkSent(ctx context.Context, s *Sent, a *audit.Entry) error
	// SetContactOptOut records whether the owner of a business asked not
	// to be contacted.
	SetContactOptOut(ctx context.Context, businessID int64, optedOut bool, by string, a *audit.Entry) error
	// ContactOptOut reports whether the owner of a business opted out.
	ContactOptOut(ctx context.Context, businessID int64) (bool, error)
}
