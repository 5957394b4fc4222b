package cli

import (
	"context"
	"encoding/json"
	"fmt"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/config"
)

var tokenCreateCommand = Command{
	Name:    "token create",
	Args:    "--db DB --username U",
	Summary: "buat token API untuk pengguna (ditampilkan sekali; hanya hash-nya disimpan)",
	Run:     runTokenCreate,
}

func runTokenCreate(ctx context.Context, env *Env, c *Command, args []string) error {
	cfg := config.FromEnv(env.Getenv)
	fs := flags(c)
	cfg.BindDB(fs)
	username := fs.String("username", "", "pemilik token")
	pos, err := parse(env, c, fs, args)
	if err != nil {
		return err
	}
	if err := noArgs(pos); err != nil {
		return err
	}
	if *username == "" {
		return usagef("--username wajib diisi")
	}
	st, err := openStore(ctx, cfg.DB, true)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := st.UserByUsername(ctx, *username)
	if apperr.Is(err, apperr.NotFound) {
		return fmt.Errorf("pengguna %q tidak ada", *username)
	} else if err != nil {
		return err
	}
	if u.Disabled {
		return fmt.Errorf("pengguna %q dinonaktifkan", *username)
	}
	plain, hash := auth.NewSecret()
	if err := st.CreateToken(ctx, u.ID, hash); err != nil {
		return err
	}
	after, _ := json.Marshal(map[string]any{"username": u.Username})
	if err := st.AppendAudit(ctx, &audit.Entry{Username: auth.System.Username, Action: audit.Create, Entity: "token", EntityID: u.ID, After: after}); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, plain)
	fmt.Fprintf(env.Stderr, "Token API untuk %s dibuat. Simpan sekarang: token ini tidak dapat ditampilkan lagi. Pakai sebagai header \"Authorization: Bearer TOKEN\".\n", u.Username)
	return nil
}
