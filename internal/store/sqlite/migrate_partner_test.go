package sqlite

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"naikkelas/internal/auth"
)

// TestPartnerMigrationKeepsAccounts: 0010 rebuilds users (SQLite cannot
// change a CHECK constraint), and dropping users cascades to api_tokens and
// sessions. A database migrated up to 0009 with an account, a token and a
// session keeps all three after 0010, and then takes a mitra.
func TestPartnerMigrationKeepsAccounts(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.MigrateTo(ctx, 9); err != nil {
		t.Fatal(err)
	}
	var applied int
	if err := s.Write.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&applied); err != nil || applied != 9 {
		t.Fatalf("%d migrations before 0010 (%v), want 9", applied, err)
	}
	now := time.Now().UTC()
	for _, q := range []string{
		`INSERT INTO users (id, username, role, regions, business_id, password_hash, disabled, created_at)
			VALUES (5, 'operator.cikande', 'operator', '36.04.15', 0, '$2a$10$x', 0, '2026-01-02T03:04:05Z')`,
		`INSERT INTO api_tokens (user_id, hash, created_at) VALUES (5, 'token-hash', '2026-01-02T03:04:05Z')`,
		`INSERT INTO sessions (hash, user_id, expires_at, created_at) VALUES ('session-hash', 5, '` +
			now.Add(time.Hour).Format(time.RFC3339Nano) + `', '2026-01-02T03:04:05Z')`,
	} {
		if _, err := s.Write.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	u, err := s.UserByID(ctx, 5)
	if err != nil || u.Username != "operator.cikande" || u.Regions[0] != "36.04.15" || u.PartnerID != 0 {
		t.Errorf("user after 0010 = %+v, %v", u, err)
	}
	if _, tu, err := s.TokenByHash(ctx, "token-hash"); err != nil || tu.ID != 5 {
		t.Errorf("token after 0010: %+v, %v", tu, err)
	}
	if su, err := s.UserBySession(ctx, "session-hash", now); err != nil || su.ID != 5 {
		t.Errorf("session after 0010: %+v, %v", su, err)
	}
	m := &auth.User{Username: "mitra.bank", Role: auth.Mitra, PartnerID: 1, PasswordHash: "x"}
	if err := s.CreateUser(ctx, m, nil); err != nil {
		t.Errorf("a mitra after 0010: %v", err)
	}
	var fk int
	if err := s.Write.QueryRowContext(ctx, `SELECT COUNT(*) FROM pragma_foreign_key_check`).Scan(&fk); err != nil || fk != 0 {
		t.Errorf("foreign key check after 0010: %d violations, %v", fk, err)
	}
}
