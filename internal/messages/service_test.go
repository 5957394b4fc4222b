package messages_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/messages"
	"naikkelas/internal/permits"
	"naikkelas/internal/registry"
	"naikkelas/internal/services"
	"naikkelas/internal/store/storetest"
)

var ctx = context.Background()

// TestOutboxNeverTwice: three businesses of Cikande hold a P-IRT that
// expires in 30 days. The one whose owner opted out is left out, the one
// with a landline is flagged, the third gets a wa.me link; once marked
// sent, its message is never offered again, nor can it be marked twice.
func TestOutboxNeverTwice(t *testing.T) {
	st := storetest.OpenSQLite(t)
	set := services.New(st, "36.04")
	svc := set.Messages
	day := time.Date(2030, 10, 21, 3, 0, 0, 0, time.UTC) // P-IRT below expires 20 November 2030
	svc.Now = func() time.Time { return day }
	set.Permits.Now = func() time.Time { return time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC) }
	ids := map[string]int64{}
	for _, name := range []string{"Emping", "Telepon Rumah", "Menolak"} {
		b := &registry.Business{Name: name, OwnerName: "Bu " + name, VillageCode: "36.04.15.2001", Sector: "C",
			Status: registry.StatusActive, HalalStatus: registry.HalalNone, Phone: "+6281234567890"}
		if name == "Telepon Rumah" {
			b.Phone = "+62254281234" // a landline, as an old import may hold
		}
		if err := st.CreateBusiness(ctx, b, nil, &audit.Entry{Username: "uji", Action: audit.Create, Entity: "business"}); err != nil {
			t.Fatal(err)
		}
		ids[name] = b.ID
		if _, err := set.Permits.Create(ctx, auth.System, b.ID, &permits.Permit{Kind: permits.KindPIRT, Status: permits.StatusTerbit,
			Number: "2063-6040-1000-130", IssuedOn: "2026-11-20", ExpiresOn: "2030-11-20"}); err != nil {
			t.Fatal(err)
		}
	}
	operator := auth.Actor{Username: "op", Role: auth.Operator, Regions: []string{"36.04.15"}}
	owner := auth.Actor{Username: "menolak", Role: auth.Owner, BusinessID: ids["Menolak"]}
	if _, err := svc.SetContactPreference(ctx, owner, ids["Menolak"], &messages.ContactPreference{OptedOut: true}); err != nil {
		t.Fatal(err)
	}
	box, err := svc.Outbox(ctx, operator)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]messages.Message{}
	for _, m := range box {
		byName[m.BusinessName] = m
	}
	if len(box) != 2 || byName["Menolak"].Kind != "" {
		t.Fatalf("outbox %+v, want Emping and Telepon Rumah only", box)
	}
	m := byName["Emping"]
	if m.Kind != messages.KindPermitExpiring || m.DueOn != "2030-10-21" || !strings.HasPrefix(m.Link, "https://wa.me/6281234567890?text=") ||
		!strings.Contains(m.Text, "Izin Produksi Pangan Industri Rumah Tangga") && !strings.Contains(m.Text, "P-IRT") ||
		!strings.Contains(m.Text, "20 November 2030") || !strings.Contains(m.Text, "Bu Emping") {
		t.Errorf("message %+v", m)
	}
	if l := byName["Telepon Rumah"]; l.Link != "" || !strings.Contains(l.Problem, "bukan nomor seluler") {
		t.Errorf("landline %+v", l)
	}
	key := m.Key()
	bogus, quiet := key, key
	bogus.Subject = "permit:999"
	quiet.BusinessID = ids["Menolak"]
	for _, k := range []messages.Key{bogus, quiet} {
		if _, err := svc.MarkSent(ctx, operator, &k); !apperr.Is(err, apperr.NotFound) {
			t.Errorf("marking %v, not in the outbox: %v, want not found", k, err)
		}
	}
	if _, err := svc.MarkSent(ctx, operator, &key); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.MarkSent(ctx, operator, &key); !apperr.Is(err, apperr.Conflict) {
		t.Errorf("marked twice: %v, want conflict", err)
	}
	for _, later := range []time.Time{day, day.AddDate(0, 0, 3)} {
		svc.Now = func() time.Time { return later }
		box, err := svc.Outbox(ctx, operator)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range box {
			if m.BusinessName == "Emping" {
				t.Errorf("on %s the sent message is offered again", later.Format(time.DateOnly))
			}
		}
		if len(box) != 1 {
			t.Errorf("on %s: %d messages, want the landline's only", later.Format(time.DateOnly), len(box))
		}
	}
	svc.Now = func() time.Time { return day.AddDate(0, 0, messages.OverdueDays+1) }
	if box, _ := svc.Outbox(ctx, operator); len(box) != 0 {
		t.Errorf("a week late, the outbox still holds %d", len(box))
	}
	elsewhere := auth.Actor{Username: "op2", Role: auth.Operator, Regions: []string{"36.04.05"}}
	svc.Now = func() time.Time { return day }
	if box, err := svc.Outbox(ctx, elsewhere); err != nil || len(box) != 0 {
		t.Errorf("operator elsewhere: %d (%v)", len(box), err)
	}
	if _, err := svc.MarkSent(ctx, elsewhere, &key); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("operator elsewhere marks: %v", err)
	}
	if _, err := svc.Outbox(ctx, owner); !apperr.Is(err, apperr.Forbidden) {
		t.Errorf("owner's outbox: %v", err)
	}
}

// TestTemplates: an admin's text replaces the built-in one in the outbox's
// messages; an unknown placeholder or a stale version is refused.
func TestTemplates(t *testing.T) {
	st := storetest.OpenSQLite(t)
	svc := services.New(st, "36.04").Messages
	admin := auth.Actor{Username: "admin", Role: auth.Admin}
	ts, err := svc.Templates(ctx, admin)
	if err != nil || len(ts) != len(messages.Kinds()) || ts[0].Version != 0 {
		t.Fatalf("templates %v (%v)", ts, err)
	}
	in := &messages.TemplateInput{Body: "Halo {pemilik}, {izin} Anda berakhir {tanggal}.", Version: 0}
	saved, err := svc.SaveTemplate(ctx, admin, messages.KindPermitExpiring, in)
	if err != nil || saved.Version != 1 {
		t.Fatalf("save: %+v (%v)", saved, err)
	}
	if _, err := svc.SaveTemplate(ctx, admin, messages.KindPermitExpiring, in); !apperr.Is(err, apperr.Conflict) {
		t.Errorf("stale version: %v", err)
	}
	if _, err := svc.SaveTemplate(ctx, admin, messages.KindPermitExpiring, &messages.TemplateInput{Body: "{bank}", Version: 1}); !apperr.Is(err, apperr.Invalid) {
		t.Errorf("unknown placeholder: %v", err)
	}
	if _, err := svc.SaveTemplate(ctx, auth.Actor{Role: auth.Operator}, messages.KindPermitExpiring, in); !apperr.Is(err, apperr.Forbidden) {
		t.Errorf("operator saves: %v", err)
	}
	ts, _ = svc.Templates(ctx, admin)
	for _, tp := range ts {
		if tp.Kind == messages.KindPermitExpiring && (tp.Body != in.Body || tp.Version != 1 || tp.UpdatedBy != "admin") {
			t.Errorf("saved template %+v", tp)
		}
	}
}
