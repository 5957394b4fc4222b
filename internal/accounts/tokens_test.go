package accounts_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"naikkelas/internal/accounts"
	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
)

func TestParseLifetime(t *testing.T) {
	for in, want := range map[string]time.Duration{"90d": 90 * 24 * time.Hour, "1d": 24 * time.Hour, "12h": 12 * time.Hour,
		" 30m ": 30 * time.Minute, "1825d": 1825 * 24 * time.Hour} {
		if got, err := accounts.ParseLifetime(in); err != nil || got != want {
			t.Errorf("ParseLifetime(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0d", "-5d", "90", "tiga hari", "d", "1826d", "99999999999d", "-1h"} {
		if _, err := accounts.ParseLifetime(in); err == nil {
			t.Errorf("ParseLifetime(%q) accepted", in)
		}
	}
}

// Expired and revoked tokens are refused; a fresh one works and records
// its use, at most once a minute.
func TestTokenLifecycle(t *testing.T) {
	svc, st, _ := newService(t)
	ctx := context.Background()
	clk := &clock{t: time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)}
	svc.Now = clk.now
	admin, _ := svc.Create(ctx, auth.System, accounts.NewAccount{Username: "admin", Password: goodPW, Role: auth.Admin})
	budi, _ := svc.Create(ctx, auth.System, accounts.NewAccount{Username: "budi", Password: goodPW, Role: auth.Pimpinan})
	a := auth.ActorOf(admin)

	if _, _, err := svc.CreateToken(ctx, auth.Actor{UserID: budi.ID, Role: auth.Pimpinan}, "budi", 0); !apperr.Is(err, apperr.Forbidden) {
		t.Errorf("pimpinan made a token: %v", err)
	}
	if _, _, err := svc.CreateToken(ctx, a, "siapa", 0); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("token for an unknown user: %v", err)
	}
	plain, tok, err := svc.CreateToken(ctx, a, "Budi", 90*24*time.Hour)
	if err != nil || len(plain) < 40 || tok.Username != "budi" || !tok.ExpiresAt.Equal(clk.t.Add(90*24*time.Hour)) {
		t.Fatalf("CreateToken = %q %+v, %v", plain, tok, err)
	}
	if strings.Contains(tok.Hash, plain) || tok.Hash != auth.HashSecret(plain) {
		t.Fatal("only the token's hash is kept")
	}
	if u, err := svc.UserByToken(ctx, plain); err != nil || u.ID != budi.ID {
		t.Fatalf("fresh token: %+v, %v", u, err)
	}
	first, _ := st.TokenByID(ctx, tok.ID)
	if !first.LastUsedAt.Equal(clk.t) {
		t.Fatalf("last use %v, want %v", first.LastUsedAt, clk.t)
	}
	clk.t = clk.t.Add(30 * time.Second)
	svc.UserByToken(ctx, plain)
	if again, _ := st.TokenByID(ctx, tok.ID); !again.LastUsedAt.Equal(first.LastUsedAt) {
		t.Errorf("use recorded again within a minute: %v", again.LastUsedAt)
	}
	clk.t = clk.t.Add(90 * 24 * time.Hour)
	if _, err := svc.UserByToken(ctx, plain); !apperr.Is(err, apperr.Unauthorized) || !strings.Contains(apperr.MessageOf(err), "kedaluwarsa") {
		t.Errorf("expired token: %v", err)
	}

	plain2, tok2, err := svc.CreateToken(ctx, a, "budi", 0)
	if err != nil || !tok2.ExpiresAt.IsZero() {
		t.Fatalf("token without end: %+v, %v", tok2, err)
	}
	if _, err := svc.RevokeToken(ctx, a, tok2.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.UserByToken(ctx, plain2); !apperr.Is(err, apperr.Unauthorized) || !strings.Contains(apperr.MessageOf(err), "dicabut") {
		t.Errorf("revoked token: %v", err)
	}
	if _, err := svc.RevokeToken(ctx, a, 9999); !apperr.Is(err, apperr.NotFound) {
		t.Errorf("revoking an absent token: %v", err)
	}
	list, err := svc.Tokens(ctx, a, "budi")
	if err != nil || len(list) != 2 || list[0].Status(clk.t) != auth.TokenRevoked || list[1].Status(clk.t) != auth.TokenExpired {
		t.Errorf("Tokens(budi) = %+v, %v", list, err)
	}
	if _, err := svc.UserByToken(ctx, "bukan-token"); !apperr.Is(err, apperr.Unauthorized) {
		t.Errorf("unknown token: %v", err)
	}
	plain3, _, _ := svc.CreateToken(ctx, a, "budi", 0)
	svc.Disable(ctx, a, budi.ID)
	if _, err := svc.UserByToken(ctx, plain3); !apperr.Is(err, apperr.Unauthorized) {
		t.Errorf("token of a disabled user: %v", err)
	}
	if _, _, err := svc.CreateToken(ctx, a, "budi", 0); !apperr.Is(err, apperr.Conflict) {
		t.Errorf("token for a disabled user: %v", err)
	}
}
