package storetest

import (
	"testing"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/messages"
	"naikkelas/internal/permits"
	"naikkelas/internal/registry"
	"naikkelas/internal/store"
)

// testMessages finds due messages from their records within a window and
// an area, leaves out owners who opted out, keeps a sent message once, and
// versions the templates.
func testMessages(t *testing.T, s store.Store) {
	permit := func(b *registry.Business, expires string) {
		p := &permits.Permit{BusinessID: b.ID, Kind: permits.KindPIRT, Status: permits.StatusTerbit, Number: "2063-6040-1000-130",
			IssuedOn: "2026-01-02", ExpiresOn: expires, Products: []string{}, Documents: []permits.Document{}}
		if err := s.CreatePermit(ctx, p, createAudit("permit")); err != nil {
			t.Fatal(err)
		}
	}
	near, quiet, far := create(t, s, biz("Emping", cikandeA)), create(t, s, biz("Diam", cikandeB)), create(t, s, biz("Sate", kramatwatuA))
	permit(near, "2026-07-01")  // due 2026-06-01
	permit(quiet, "2026-07-01") // opted out below
	permit(far, "2026-07-01")
	permit(near, "2026-09-01") // due in August: outside the window
	if err := s.SetContactOptOut(ctx, quiet.ID, true, "uji", createAudit("contact_preference")); err != nil {
		t.Fatal(err)
	}
	if out, err := s.ContactOptOut(ctx, quiet.ID); err != nil || !out {
		t.Fatalf("ContactOptOut = %v (%v)", out, err)
	}
	start := time.Date(2026, 5, 24, 17, 0, 0, 0, time.UTC) // 25 May 00:00 WIB
	w := messages.Window{From: "2026-05-25", To: today, Start: start, End: start.AddDate(0, 0, 8)}
	cands, err := s.MessageCandidates(ctx, registry.Scope{Regions: []string{cikande}}, w)
	if err != nil {
		t.Fatal(err)
	}
	if len(cands) != 1 || cands[0].BusinessID != near.ID || cands[0].Kind != messages.KindPermitExpiring || cands[0].DueOn != today ||
		cands[0].Values["tanggal"] != "2026-07-01" || cands[0].Values["izin"] != permits.KindPIRT {
		t.Fatalf("candidates %+v", cands)
	}
	if all, _ := s.MessageCandidates(ctx, registry.Scope{}, w); len(all) != 2 {
		t.Errorf("everywhere: %d candidates, want 2 (the opted-out owner left out)", len(all))
	}
	sent := &messages.Sent{Key: cands[0].Key(), SentAt: time.Now().UTC(), SentBy: "uji"}
	if err := s.MarkSent(ctx, sent, createAudit("message")); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.MarkSent(ctx, sent, createAudit("message")), apperr.Conflict)
	if got, err := s.SentMessages(ctx, w); err != nil || len(got) != 1 || got[0].Key != cands[0].Key() || got[0].SentBy != "uji" {
		t.Errorf("SentMessages = %+v (%v)", got, err)
	}
	tpl := &messages.Template{Kind: messages.KindQuotaOpen, Body: "Halo {pemilik}", UpdatedBy: "admin"}
	if err := s.SaveMessageTemplate(ctx, tpl, createAudit("message_template")); err != nil || tpl.Version != 1 {
		t.Fatalf("first save: %v, version %d", err, tpl.Version)
	}
	stale := *tpl
	stale.Version = 0
	wantCode(t, s.SaveMessageTemplate(ctx, &stale, createAudit("message_template")), apperr.Conflict)
	tpl.Body = "Halo lagi {pemilik}"
	if err := s.SaveMessageTemplate(ctx, tpl, createAudit("message_template")); err != nil || tpl.Version != 2 {
		t.Fatalf("second save: %v, version %d", err, tpl.Version)
	}
	if ts, err := s.MessageTemplates(ctx); err != nil || len(ts) != 1 || ts[0].Body != "Halo lagi {pemilik}" || ts[0].Version != 2 {
		t.Errorf("MessageTemplates = %+v (%v)", ts, err)
	}
}
