package storetest

import (
	"fmt"
	"testing"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
	"naikkelas/internal/store"
)

func user(t *testing.T, s store.Store, name string, role auth.Role) *auth.User {
	t.Helper()
	u := &auth.User{Username: name, Role: role, PasswordHash: "$2a$10$hash-of-" + name}
	if err := s.CreateUser(ctx, u, nil); err != nil {
		t.Fatalf("CreateUser(%s): %v", name, err)
	}
	return u
}

func testUsers(t *testing.T, s store.Store) {
	op := &auth.User{Username: "operator.cikande", Role: auth.Operator, Regions: []string{"36.04.15", "36.04.16.2001"},
		PasswordHash: "$2a$10$x"}
	created := &audit.Entry{Username: "admin", Action: audit.Create, Entity: "user", After: []byte(`{"username":"operator.cikande"}`)}
	if err := s.CreateUser(ctx, op, created); err != nil || op.ID == 0 {
		t.Fatalf("CreateUser: %v (id %d)", err, op.ID)
	}
	if created.ID == 0 || created.EntityID != op.ID {
		t.Errorf("audit entry of CreateUser = %+v, want written for user %d", created, op.ID)
	}
	user(t, s, "admin", auth.Admin)
	// A refused user leaves no audit entry behind: both are one transaction.
	dup := &audit.Entry{Username: "admin", Action: audit.Create, Entity: "user", After: []byte(`{"username":"dup"}`)}
	wantCode(t, s.CreateUser(ctx, &auth.User{Username: "admin", Role: auth.Pimpinan, PasswordHash: "x"}, dup), apperr.Conflict)
	wantCode(t, s.CreateUser(ctx, &auth.User{Username: "aneh", Role: "raja", PasswordHash: "x"}, dup), apperr.Invalid)
	if entries, n, err := s.ListAudit(ctx, audit.Filter{Entity: "user"}); err != nil || n != 1 || entries[0].EntityID != op.ID {
		t.Errorf("user audit after two refused creations = %+v (%d), %v; want only the operator's", entries, n, err)
	}

	got, err := s.UserByUsername(ctx, "operator.cikande")
	if err != nil || got.ID != op.ID || got.Role != auth.Operator || fmt.Sprint(got.Regions) != "[36.04.15 36.04.16.2001]" ||
		got.PasswordHash != "$2a$10$x" || got.Disabled || got.CreatedAt.IsZero() {
		t.Errorf("UserByUsername = %+v, %v", got, err)
	}
	_, err = s.UserByUsername(ctx, "tidak.ada")
	wantCode(t, err, apperr.NotFound)
	_, err = s.UserByID(ctx, 777)
	wantCode(t, err, apperr.NotFound)

	got.Role, got.Regions, got.BusinessID, got.Disabled, got.PasswordHash = auth.Owner, nil, 42, true, "$2a$10$y"
	if err := s.UpdateUser(ctx, got, &audit.Entry{Username: "admin", Action: audit.Update, Entity: "user", EntityID: got.ID}); err != nil {
		t.Fatalf("UpdateUser: %v", err)
	}
	again, err := s.UserByID(ctx, op.ID)
	if err != nil || again.Role != auth.Owner || len(again.Regions) != 0 || again.BusinessID != 42 || !again.Disabled ||
		again.PasswordHash != "$2a$10$y" {
		t.Errorf("after UpdateUser = %+v, %v", again, err)
	}
	if _, n, _ := s.ListAudit(ctx, audit.Filter{Entity: "user", EntityID: op.ID}); n != 2 {
		t.Errorf("user %d has %d audit entries after create and update, want 2", op.ID, n)
	}
	wantCode(t, s.UpdateUser(ctx, &auth.User{ID: 999, Role: auth.Admin}, &audit.Entry{Action: audit.Update, Entity: "user", EntityID: 999}), apperr.NotFound)
	if _, n, _ := s.ListAudit(ctx, audit.Filter{Entity: "user", EntityID: 999}); n != 0 {
		t.Errorf("a failed UpdateUser left %d audit entries", n)
	}

	us, err := s.ListUsers(ctx)
	if err != nil || len(us) != 2 || us[0].Username != "admin" || us[1].Username != "operator.cikande" {
		t.Errorf("ListUsers = %+v, %v", us, err)
	}
}

func testTokensSessions(t *testing.T, s store.Store) {
	u := user(t, s, "pimpinan", auth.Pimpinan)
	other := user(t, s, "admin", auth.Admin)
	created := &audit.Entry{Username: "admin", Action: audit.Create, Entity: "token"}
	tok := &auth.Token{UserID: u.ID, Hash: "tokenhash1", ExpiresAt: mustTime("2027-03-01T00:00:00Z")}
	if err := s.CreateToken(ctx, tok, created); err != nil || tok.ID == 0 || tok.CreatedAt.IsZero() || created.EntityID != tok.ID {
		t.Fatalf("CreateToken: %v (%+v, audit %+v)", err, tok, created)
	}
	wantCode(t, s.CreateToken(ctx, &auth.Token{UserID: other.ID, Hash: "tokenhash1"}, nil), apperr.Conflict)
	wantCode(t, s.CreateToken(ctx, &auth.Token{UserID: 98765, Hash: "tokenhash-orphan"}, nil), apperr.Invalid)
	never := &auth.Token{UserID: other.ID, Hash: "tokenhash2"}
	if err := s.CreateToken(ctx, never, nil); err != nil {
		t.Fatal(err)
	}
	got, gu, err := s.TokenByHash(ctx, "tokenhash1")
	if err != nil || got.ID != tok.ID || gu.ID != u.ID || got.Username != "pimpinan" || !got.ExpiresAt.Equal(tok.ExpiresAt) ||
		!got.LastUsedAt.IsZero() || !got.RevokedAt.IsZero() {
		t.Errorf("TokenByHash = %+v %+v, %v", got, gu, err)
	}
	_, _, err = s.TokenByHash(ctx, "nope")
	wantCode(t, err, apperr.NotFound)
	used := mustTime("2026-12-01T08:00:00Z")
	if err := s.TouchToken(ctx, tok.ID, used); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.TokenByID(ctx, tok.ID); got == nil || !got.LastUsedAt.Equal(used) {
		t.Errorf("after TouchToken: %+v", got)
	}
	revoked := mustTime("2026-12-02T08:00:00Z")
	for _, at := range []time.Time{revoked, revoked.Add(time.Hour)} { // the second revocation changes nothing
		if err := s.RevokeToken(ctx, tok.ID, at, &audit.Entry{Username: "admin", Action: audit.Update, Entity: "token"}); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := s.TokenByID(ctx, tok.ID); got == nil || !got.RevokedAt.Equal(revoked) {
		t.Errorf("after RevokeToken: %+v", got)
	}
	if _, n, _ := s.ListAudit(ctx, audit.Filter{Entity: "token", EntityID: tok.ID}); n != 2 {
		t.Errorf("token %d has %d audit entries, want its creation and one revocation", tok.ID, n)
	}
	wantCode(t, s.RevokeToken(ctx, 9999, revoked, nil), apperr.NotFound)
	_, err = s.TokenByID(ctx, 9999)
	wantCode(t, err, apperr.NotFound)
	all, err := s.ListTokens(ctx, 0)
	if err != nil || len(all) != 2 || all[0].ID != never.ID || all[0].Username != "admin" || !all[0].ExpiresAt.IsZero() {
		t.Errorf("ListTokens(all) = %+v, %v", all, err)
	}
	mine, err := s.ListTokens(ctx, u.ID)
	if err != nil || len(mine) != 1 || mine[0].ID != tok.ID {
		t.Errorf("ListTokens(pimpinan) = %+v, %v", mine, err)
	}

	now := time.Now().UTC()
	if err := s.CreateSession(ctx, "sess-live", u.ID, now.Add(time.Hour)); err != nil {
		t.Fatalf("CreateSession: %v", err)
	}
	if err := s.CreateSession(ctx, "sess-short", other.ID, now.Add(time.Minute)); err != nil {
		t.Fatalf("CreateSession: %v", err)
	}
	if got, err := s.UserBySession(ctx, "sess-live", now); err != nil || got.Username != "pimpinan" {
		t.Errorf("UserBySession = %+v, %v", got, err)
	}
	// Expiry is compared with the given clock.
	_, err = s.UserBySession(ctx, "sess-short", now.Add(2*time.Minute))
	wantCode(t, err, apperr.NotFound)
	if _, err := s.UserBySession(ctx, "sess-short", now); err != nil {
		t.Errorf("unexpired session: %v", err)
	}
	if err := s.DeleteSession(ctx, "sess-live"); err != nil {
		t.Fatalf("DeleteSession: %v", err)
	}
	_, err = s.UserBySession(ctx, "sess-live", now)
	wantCode(t, err, apperr.NotFound)
	if err := s.DeleteSession(ctx, "never-existed"); err != nil {
		t.Errorf("DeleteSession(absent) = %v", err)
	}
	wantCode(t, s.CreateSession(ctx, "sess-orphan", 98765, now.Add(time.Hour)), apperr.Invalid)
}

func testAudit(t *testing.T, s store.Store) {
	for i := 1; i <= 7; i++ {
		e := &audit.Entry{UserID: 1, Username: "admin", Action: audit.Update, Entity: "user", EntityID: int64(i % 2)}
		if err := s.AppendAudit(ctx, e); err != nil || e.ID == 0 || e.At.IsZero() {
			t.Fatalf("AppendAudit: %v (%+v)", err, e)
		}
	}
	at := mustTime("2025-10-20T03:04:05Z")
	if err := s.AppendAudit(ctx, &audit.Entry{At: at, Action: audit.Create, Entity: "program", EntityID: 3}); err != nil {
		t.Fatal(err)
	}
	page1, total, err := s.ListAudit(ctx, audit.Filter{Page: 1, PerPage: 3})
	if err != nil || total != 8 || len(page1) != 3 || page1[0].Entity != "program" || !page1[0].At.Equal(at) {
		t.Fatalf("ListAudit page 1 = %+v, %d, %v", page1, total, err)
	}
	if !(page1[0].ID > page1[1].ID && page1[1].ID > page1[2].ID) {
		t.Errorf("not newest first: %d %d %d", page1[0].ID, page1[1].ID, page1[2].ID)
	}
	page3, _, _ := s.ListAudit(ctx, audit.Filter{Page: 3, PerPage: 3})
	if len(page3) != 2 {
		t.Errorf("page 3 has %d entries, want 2", len(page3))
	}
	odd, total, _ := s.ListAudit(ctx, audit.Filter{Entity: "user", EntityID: 1})
	if total != 4 || len(odd) != 4 {
		t.Errorf("filtered audit total = %d", total)
	}
	if string(odd[0].Before) != "null" || string(odd[0].After) != "null" {
		t.Errorf("empty before/after = %s/%s, want null", odd[0].Before, odd[0].After)
	}
}

// testPartnerAccounts: a mitra keeps its partner link, and a partner with
// an account cannot be deleted from under it.
func testPartnerAccounts(t *testing.T, s store.Store) {
	pt := &programs.Partner{Name: "Bank Daerah", Kind: "bank"}
	if err := s.CreatePartner(ctx, pt, &audit.Entry{Username: "admin", Action: audit.Create, Entity: "partner"}); err != nil {
		t.Fatal(err)
	}
	m := &auth.User{Username: "mitra.bank", Role: auth.Mitra, PartnerID: pt.ID, PasswordHash: "$2a$10$m"}
	if err := s.CreateUser(ctx, m, nil); err != nil {
		t.Fatalf("CreateUser(mitra): %v", err)
	}
	tok := &auth.Token{UserID: m.ID, Hash: "mitra-token"}
	if err := s.CreateToken(ctx, tok, nil); err != nil {
		t.Fatal(err)
	}
	if got, err := s.UserByUsername(ctx, "mitra.bank"); err != nil || got.Role != auth.Mitra || got.PartnerID != pt.ID {
		t.Errorf("UserByUsername(mitra) = %+v, %v", got, err)
	}
	if _, got, err := s.TokenByHash(ctx, "mitra-token"); err != nil || got.PartnerID != pt.ID {
		t.Errorf("TokenByHash(mitra) user = %+v, %v", got, err)
	}
	del := &audit.Entry{Username: "admin", Action: audit.Archive, Entity: "partner", EntityID: pt.ID}
	wantCode(t, s.DeletePartner(ctx, pt.ID, del), apperr.Conflict)
	if _, err := s.GetPartner(ctx, pt.ID); err != nil {
		t.Errorf("partner with an account was deleted: %v", err)
	}
	m.Role, m.PartnerID = auth.Pimpinan, 0
	if err := s.UpdateUser(ctx, m, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePartner(ctx, pt.ID, del); err != nil {
		t.Errorf("DeletePartner without accounts: %v", err)
	}
}
