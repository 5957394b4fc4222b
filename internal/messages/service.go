package messages

import (
	"context"
	"slices"
	"strings"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/registry"
)

// Service writes the outbox and keeps templates and preferences.
type Service struct {
	Store    Store
	Registry *registry.Service
	Agency   func(ctx context.Context) string // the office's name for {dinas}
	Now      func() time.Time
}

// NewService returns a Service with the real clock.
func NewService(st Store, reg *registry.Service, agency func(ctx context.Context) string) *Service {
	return &Service{Store: st, Registry: reg, Agency: agency, Now: time.Now}
}

// OverdueDays is how long an unsent message stays in the outbox after its
// due day: a reminder a week late is no use.
const OverdueDays = 7

var errOfficers = apperr.New(apperr.Forbidden, "Kotak pesan hanya untuk petugas dinas")

// Templates returns the template of every kind: the saved text, or the
// built-in one (version 0). Officers and pimpinan read them.
func (s *Service) Templates(ctx context.Context, a auth.Actor) ([]Template, error) {
	if !a.IsOfficer() && a.Role != auth.Pimpinan {
		return nil, errOfficers
	}
	saved, err := s.Store.MessageTemplates(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Template, 0, len(kinds))
	for _, k := range kinds {
		t := Template{Kind: k.Key, Label: k.Label, Body: k.Body, Placeholders: append(slices.Clone(common), k.Placeholders...)}
		for _, sv := range saved {
			if sv.Kind == k.Key {
				t.Body, t.Version, t.UpdatedAt, t.UpdatedBy = sv.Body, sv.Version, sv.UpdatedAt, sv.UpdatedBy
			}
		}
		out = append(out, t)
	}
	return out, nil
}

// TemplateInput is an admin's new text for a kind.
type TemplateInput struct {
	Body    string `json:"body"`
	Version int64  `json:"version"` // the version read (0 = the built-in text)
}

// SaveTemplate replaces the text of a kind (admin). A placeholder the kind
// does not know is Invalid, naming those it does.
func (s *Service) SaveTemplate(ctx context.Context, a auth.Actor, key string, in *TemplateInput) (*Template, error) {
	if a.Role != auth.Admin {
		return nil, apperr.New(apperr.Forbidden, "Hanya admin yang mengubah templat pesan")
	}
	k, ok := kindOf(key)
	if !ok {
		return nil, apperr.New(apperr.NotFound, "Jenis pesan tidak dikenal")
	}
	body := strings.TrimSpace(in.Body)
	if msg := checkBody(k, body); msg != "" {
		return nil, apperr.Validation(map[string]string{"body": msg})
	}
	t := &Template{Kind: k.Key, Label: k.Label, Body: body, Placeholders: append(slices.Clone(common), k.Placeholders...),
		Version: in.Version, UpdatedBy: a.Username}
	e := &audit.Entry{UserID: a.UserID, Username: a.Username, Action: audit.Update, Entity: "message_template"}
	_, e.After = audit.Diff(nil, map[string]any{"kind": k.Key, "body": body})
	if err := s.Store.SaveMessageTemplate(ctx, t, e); err != nil {
		return nil, err
	}
	return t, nil
}

// window returns the due days an outbox covers today: the last OverdueDays
// days and today, in WIB.
func (s *Service) window() Window {
	today, _ := time.ParseInLocation(time.DateOnly, idfmt.Day(s.Now()), idfmt.WIB)
	from := today.AddDate(0, 0, -OverdueDays)
	return Window{From: from.Format(time.DateOnly), To: today.Format(time.DateOnly), Start: from.UTC(),
		End: today.AddDate(0, 0, 1).UTC()}
}

// Outbox returns the messages due for the businesses in an officer's area
// that nobody marked sent yet, oldest due first, each with its text and
// its WhatsApp link or the reason there is none.
func (s *Service) Outbox(ctx context.Context, a auth.Actor) ([]Message, error) {
	if !a.IsOfficer() {
		return nil, errOfficers
	}
	w := s.window()
	cands, err := s.Store.MessageCandidates(ctx, registry.ScopeOf(a), w)
	if err != nil {
		return nil, err
	}
	sent, err := s.Store.SentMessages(ctx, w)
	if err != nil {
		return nil, err
	}
	done := map[Key]bool{}
	for _, m := range sent {
		done[m.Key] = true
	}
	templates, err := s.Templates(ctx, a)
	if err != nil {
		return nil, err
	}
	agency := ""
	if s.Agency != nil {
		agency = s.Agency(ctx)
	}
	out := []Message{}
	for _, c := range cands {
		if done[c.Key()] {
			continue
		}
		done[c.Key()] = true // a record found twice is offered once
		var body string
		for _, t := range templates {
			if t.Kind == c.Kind {
				body = t.Body
			}
		}
		m := Message{Candidate: c, Text: fill(body, values(c, agency))}
		m.Link, m.Problem = WhatsAppLink(c.Phone, m.Text)
		out = append(out, m)
	}
	slices.SortStableFunc(out, func(x, y Message) int {
		return strings.Compare(x.DueOn+x.BusinessName+x.Kind, y.DueOn+y.BusinessName+y.Kind)
	})
	return out, nil
}

// MarkSent records that the officer sent a message of its outbox. A message
// not in the outbox is NotFound; one marked already is Conflict: it is never
// offered or counted twice.
func (s *Service) MarkSent(ctx context.Context, a auth.Actor, k *Key) (*Sent, error) {
	if !a.IsOfficer() {
		return nil, errOfficers
	}
	if _, err := s.Registry.Get(ctx, a, k.BusinessID); err != nil {
		return nil, err
	}
	if _, ok := kindOf(k.Kind); !ok {
		return nil, apperr.Validation(map[string]string{"kind": "Jenis pesan tidak dikenal"})
	}
	if _, err := time.Parse(time.DateOnly, k.DueOn); err != nil || strings.TrimSpace(k.Subject) == "" {
		return nil, apperr.Validation(map[string]string{"due_on": "Pesan harus menyebut subjek dan tanggal jatuh tempo TTTT-BB-HH"})
	}
	due, err := s.Store.MessageCandidates(ctx, registry.Scope{BusinessID: k.BusinessID}, s.window())
	if err != nil {
		return nil, err
	}
	if !slices.ContainsFunc(due, func(c Candidate) bool { return c.Key() == *k }) {
		return nil, apperr.New(apperr.NotFound, "Pesan ini tidak ada di kotak pesan: tidak jatuh tempo, sudah lewat seminggu, "+
			"atau pemilik tidak ingin dihubungi")
	}
	m := &Sent{Key: *k, SentAt: s.Now().UTC(), SentBy: a.Username}
	e := &audit.Entry{UserID: a.UserID, Username: a.Username, Action: audit.Create, Entity: "message", EntityID: k.BusinessID}
	_, e.After = audit.Diff(nil, map[string]any{"kind": k.Kind, "subject": k.Subject, "due_on": k.DueOn})
	if err := s.Store.MarkSent(ctx, m, e); err != nil {
		return nil, err
	}
	return m, nil
}

// ContactPreference is whether the owner agrees to be contacted.
type ContactPreference struct {
	OptedOut bool `json:"opted_out"`
}

// ContactPreferenceOf returns the owner's wish for a business the actor can see.
func (s *Service) ContactPreferenceOf(ctx context.Context, a auth.Actor, businessID int64) (*ContactPreference, error) {
	if _, err := s.Registry.Get(ctx, a, businessID); err != nil {
		return nil, err
	}
	out, err := s.Store.ContactOptOut(ctx, businessID)
	return &ContactPreference{OptedOut: out}, err
}

// SetContactPreference records the owner's wish (the owner itself, or an
// officer of the area who heard it).
func (s *Service) SetContactPreference(ctx context.Context, a auth.Actor, businessID int64, in *ContactPreference) (*ContactPreference, error) {
	if !a.CanWrite() {
		return nil, apperr.New(apperr.Forbidden, "Peran Anda tidak dapat mengubah persetujuan dihubungi")
	}
	if _, err := s.Registry.Get(ctx, a, businessID); err != nil {
		return nil, err
	}
	e := &audit.Entry{UserID: a.UserID, Username: a.Username, Action: audit.Update, Entity: "contact_preference", EntityID: businessID}
	_, e.After = audit.Diff(nil, map[string]any{"opted_out": in.OptedOut})
	if err := s.Store.SetContactOptOut(ctx, businessID, in.OptedOut, a.Username, e); err != nil {
		return nil, err
	}
	return in, nil
}
