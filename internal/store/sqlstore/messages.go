package sqlstore

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"naikkelas/internal/audit"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/messages"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
)

// MessageTemplates implements messages.Store.
func (db *DB) MessageTemplates(ctx context.Context) ([]messages.Template, error) {
	return queryRows(ctx, db.Reader(), "message templates", []messages.Template{}, func(s Scanner, t *messages.Template) error {
		return s.Scan(&t.Kind, &t.Body, &t.Version, ScanTime(&t.UpdatedAt), &t.UpdatedBy)
	}, `SELECT kind, body, version, updated_at, updated_by FROM message_templates ORDER BY kind`)
}

// SaveMessageTemplate implements messages.Store.
func (db *DB) SaveMessageTemplate(ctx context.Context, t *messages.Template, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		t.UpdatedAt = Now()
		var stored int64
		err := q.QueryRow(ctx, `SELECT version FROM message_templates WHERE kind = ?`, t.Kind).Scan(&stored)
		switch {
		case ErrNoRows(err):
		case err != nil:
			return fmt.Errorf("read template: %w", err)
		}
		if stored != t.Version {
			return staleVersion()
		}
		if stored == 0 {
			_, err = q.Exec(ctx, `INSERT INTO message_templates (kind, body, version, updated_at, updated_by) VALUES (?, ?, 1, ?, ?)`,
				t.Kind, t.Body, q.Dialect.Time(t.UpdatedAt), t.UpdatedBy)
		} else {
			_, err = q.Exec(ctx, `UPDATE message_templates SET body = ?, version = version + 1, updated_at = ?, updated_by = ?
				WHERE kind = ?`, t.Body, q.Dialect.Time(t.UpdatedAt), t.UpdatedBy, t.Kind)
		}
		if err != nil {
			return MapError(q.Dialect, err)
		}
		t.Version = stored + 1
		return q.InsertAudit(ctx, a)
	})
}

// SentMessages implements messages.Store.
func (db *DB) SentMessages(ctx context.Context, w messages.Window) ([]messages.Sent, error) {
	return queryRows(ctx, db.Reader(), "sent messages", []messages.Sent{}, func(s Scanner, m *messages.Sent) error {
		return s.Scan(&m.BusinessID, &m.Kind, &m.Subject, &m.DueOn, ScanTime(&m.SentAt), &m.SentBy)
	}, `SELECT business_id, kind, subject, due_on, sent_at, sent_by FROM messages_sent WHERE due_on >= ? AND due_on <= ?`, w.From, w.To)
}

// MarkSent implements messages.Store.
func (db *DB) MarkSent(ctx context.Context, m *messages.Sent, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		if _, err := q.Exec(ctx, `INSERT INTO messages_sent (business_id, kind, subject, due_on, sent_at, sent_by) VALUES (?, ?, ?, ?, ?, ?)`,
			m.BusinessID, m.Kind, m.Subject, m.DueOn, q.Dialect.Time(m.SentAt), m.SentBy); err != nil {
			return MapError(q.Dialect, err)
		}
		return q.InsertAudit(ctx, a)
	})
}

// SetContactOptOut implements messages.Store.
func (db *DB) SetContactOptOut(ctx context.Context, businessID int64, optedOut bool, by string, a *audit.Entry) error {
	return db.Tx(ctx, func(q *Runner) error {
		now := q.Dialect.Time(Now())
		res, err := q.Exec(ctx, `UPDATE contact_preferences SET opted_out = ?, updated_at = ?, updated_by = ? WHERE business_id = ?`,
			optedOut, now, by, businessID)
		if err != nil {
			return MapError(q.Dialect, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if _, err := q.Exec(ctx, `INSERT INTO contact_preferences (business_id, opted_out, updated_at, updated_by) VALUES (?, ?, ?, ?)`,
				businessID, optedOut, now, by); err != nil {
				return MapError(q.Dialect, err)
			}
		}
		return q.InsertAudit(ctx, a)
	})
}

// ContactOptOut implements messages.Store.
func (db *DB) ContactOptOut(ctx context.Context, businessID int64) (bool, error) {
	var out bool
	err := db.Reader().QueryRow(ctx, `SELECT opted_out FROM contact_preferences WHERE business_id = ?`, businessID).Scan(&out)
	if ErrNoRows(err) {
		return false, nil
	}
	return out, err
}

// candidateBusiness is what every candidate query reads of its business,
// after its own columns.
const candidateBusiness = `b.id, b.name, b.owner_name, b.phone, b.district_code, b.village_code`

// shift moves a YYYY-MM-DD day by days.
func shift(day string, days int) string {
	d, _ := time.Parse(time.DateOnly, day)
	return d.AddDate(0, 0, days).Format(time.DateOnly)
}

// candidateSource is one kind of record that makes messages due: its query
// (own columns, then candidateBusiness; the business conditions are
// appended as "AND …"), its arguments for the window, and how a row becomes
// a candidate.
type candidateSource struct {
	kind  string
	query string
	args  func(w messages.Window, d Dialect) []any
	// row scans the source's own columns and fills the candidate.
	row func(s Scanner, c *messages.Candidate, business []any) error
}

// dayArgs shifts the window by lead days: the record's day is lead days
// after the message's.
func dayArgs(lead int) func(messages.Window, Dialect) []any {
	return func(w messages.Window, _ Dialect) []any { return []any{shift(w.From, lead), shift(w.To, lead)} }
}

func instantArgs(w messages.Window, d Dialect) []any { return []any{d.Time(w.Start), d.Time(w.End)} }

var candidateSources = []candidateSource{
	{messages.KindPermitExpiring, `SELECT p.id, p.kind, p.number, p.expires_on, ` + candidateBusiness + ` FROM permits p
		JOIN businesses b ON b.id = p.business_id WHERE p.status = 'terbit' AND p.expires_on >= ? AND p.expires_on <= ?`,
		dayArgs(30), func(s Scanner, c *messages.Candidate, business []any) error {
			var id int64
			var kind, number, expires string
			err := s.Scan(append([]any{&id, &kind, &number, &expires}, business...)...)
			c.Subject, c.DueOn = "permit:"+strconv.FormatInt(id, 10), shift(expires, -30)
			c.Values = map[string]string{"izin": kind, "nomor": number, "tanggal": expires}
			return err
		}},
	{messages.KindReferralDecided, `SELECT r.id, r.status, r.approved_amount, r.decided_at, pt.name, ` + candidateBusiness + `
		FROM capital_referrals r JOIN partners pt ON pt.id = r.partner_id JOIN businesses b ON b.id = r.business_id
		WHERE r.decided_at >= ? AND r.decided_at < ?`,
		instantArgs, func(s Scanner, c *messages.Candidate, business []any) error {
			var id, amount int64
			var status, bank string
			var decided time.Time
			err := s.Scan(append([]any{&id, &status, &amount, ScanTime(&decided), &bank}, business...)...)
			c.Subject, c.DueOn = "referral:"+strconv.FormatInt(id, 10), idfmt.Day(decided)
			c.Values = map[string]string{"bank": bank, "keputusan": status, "jumlah": strconv.FormatInt(amount, 10)}
			return err
		}},
	{messages.KindFollowUpVisit, `SELECT f.id, f.due_on, p.name, ` + candidateBusiness + ` FROM follow_ups f
		JOIN programs p ON p.id = f.program_id JOIN businesses b ON b.id = f.business_id
		WHERE f.status = 'open' AND f.due_on >= ? AND f.due_on <= ?`,
		dayArgs(3), func(s Scanner, c *messages.Candidate, business []any) error {
			var id int64
			var due, program string
			err := s.Scan(append([]any{&id, &due, &program}, business...)...)
			c.Subject, c.DueOn = "followup:"+strconv.FormatInt(id, 10), shift(due, -3)
			c.Values = map[string]string{"program": program, "tanggal": due}
			return err
		}},
	{messages.KindQuotaOpen, `SELECT a.id, a.planned_on, a.assistant, q.provider, ` + candidateBusiness + ` FROM halal_allocations a
		JOIN halal_quotas q ON q.id = a.quota_id JOIN businesses b ON b.id = a.business_id
		WHERE a.planned_on >= ? AND a.planned_on <= ?`,
		dayArgs(7), func(s Scanner, c *messages.Candidate, business []any) error {
			var id int64
			var planned, assistant, provider string
			err := s.Scan(append([]any{&id, &planned, &assistant, &provider}, business...)...)
			c.Subject, c.DueOn = "allocation:"+strconv.FormatInt(id, 10), shift(planned, -7)
			c.Values = map[string]string{"kuota": provider, "tanggal": planned, "pendamping": assistant}
			return err
		}},
	{messages.KindSelectionResult, `SELECT p.id, p.name, ap.status, s.published_at, ` + candidateBusiness + ` FROM selections s
		JOIN programs p ON p.id = s.program_id JOIN applications ap ON ap.program_id = s.program_id
		JOIN businesses b ON b.id = ap.business_id
		WHERE s.published = 1 AND s.published_at >= ? AND s.published_at < ? AND ap.status IN ('selected', 'reserve', 'not_selected')`,
		instantArgs, func(s Scanner, c *messages.Candidate, business []any) error {
			var id int64
			var name, status string
			var published time.Time
			err := s.Scan(append([]any{&id, &name, &status, ScanTime(&published)}, business...)...)
			c.Subject, c.DueOn = "selection:"+strconv.FormatInt(id, 10), idfmt.Day(published)
			c.Values = map[string]string{"program": name, "hasil": status}
			return err
		}},
	{messages.KindTrainingInvitation, `SELECT p.id, p.name, p.starts_on, ap.applied_at, ` + candidateBusiness + ` FROM applications ap
		JOIN programs p ON p.id = ap.program_id JOIN businesses b ON b.id = ap.business_id
		WHERE ap.channel IN ('nominasi', 'massal') AND ap.status = 'applied' AND ap.applied_at >= ? AND ap.applied_at < ?`,
		instantArgs, func(s Scanner, c *messages.Candidate, business []any) error {
			var id int64
			var name, starts string
			var applied time.Time
			err := s.Scan(append([]any{&id, &name, &starts, ScanTime(&applied)}, business...)...)
			c.Subject, c.DueOn = "invitation:"+strconv.FormatInt(id, 10), idfmt.Day(applied)
			c.Values = map[string]string{"program": name, "tanggal": starts}
			return err
		}},
}

// MessageCandidates implements messages.Store.
func (db *DB) MessageCandidates(ctx context.Context, scope registry.Scope, w messages.Window) ([]messages.Candidate, error) {
	var bw Where
	bw.Add("b.status = 'active'")
	bw.Add("NOT EXISTS (SELECT 1 FROM contact_preferences cp WHERE cp.business_id = b.id AND cp.opted_out = ?)", true)
	addScope(&bw, scope)
	out := []messages.Candidate{}
	for _, src := range candidateSources {
		var err error
		out, err = queryRows(ctx, db.Reader(), "messages "+src.kind, out, func(s Scanner, c *messages.Candidate) error {
			c.Kind = src.kind
			return src.row(s, c, []any{&c.BusinessID, &c.BusinessName, &c.OwnerName, &c.Phone, &c.DistrictCode, &c.VillageCode})
		}, src.query+` AND `+bw.SQL(), append(src.args(w, db.Dialect), bw.Args...)...)
		if err != nil {
			return nil, err
		}
	}
	return db.sessionCandidates(ctx, bw, w, out)
}

// sessionCandidates adds a reminder, the day before, of each session of a
// selected or running programme to its participants.
func (db *DB) sessionCandidates(ctx context.Context, bw Where, w messages.Window, out []messages.Candidate) ([]messages.Candidate, error) {
	ids, err := queryRows(ctx, db.Reader(), "programmes with sessions", []int64{}, func(s Scanner, id *int64) error {
		return s.Scan(id)
	}, `SELECT id FROM programs WHERE status IN ('selected', 'running')`)
	if err != nil {
		return nil, err
	}
	from, to := shift(w.From, 1), shift(w.To, 1)
	for _, id := range ids {
		p, err := db.GetProgram(ctx, id)
		if err != nil {
			return nil, err
		}
		for _, ss := range p.Sessions {
			if ss.Date < from || ss.Date > to {
				continue
			}
			out, err = queryRows(ctx, db.Reader(), "session participants", out, func(s Scanner, c *messages.Candidate) error {
				c.Kind, c.Subject, c.DueOn = messages.KindSessionReminder, fmt.Sprintf("session:%d:%d", p.ID, ss.Number), shift(ss.Date, -1)
				c.Values = map[string]string{"program": p.Name, "sesi": sessionName(ss), "tanggal": ss.Date}
				return s.Scan(&c.BusinessID, &c.BusinessName, &c.OwnerName, &c.Phone, &c.DistrictCode, &c.VillageCode)
			}, `SELECT `+candidateBusiness+` FROM applications ap JOIN businesses b ON b.id = ap.business_id
				WHERE ap.program_id = ? AND ap.status IN ('selected', 'attended') AND `+bw.SQL(), append([]any{p.ID}, bw.Args...)...)
			if err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

func sessionName(ss programs.Session) string {
	if ss.Title == "" {
		return "ke-" + strconv.Itoa(ss.Number)
	}
	return "ke-" + strconv.Itoa(ss.Number) + " (" + ss.Title + ")"
}
