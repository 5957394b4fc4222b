package cli

import (
	"context"
	"fmt"
	"strconv"
	"text/tabwriter"
	"time"

	"naikkelas/internal/accounts"
	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/services"
)

func runTokenCreate(ctx context.Context, env *Env, c *Command, args []string) error {
	cfg, fs := dbFlags(env, c)
	username := fs.String("username", "", "pemilik token")
	expires := fs.String("expires", "", "masa berlaku, mis. 90d (hari) atau 12h; kosong = tanpa batas")
	if err := parseNoArgs(env, c, fs, args); err != nil {
		return err
	}
	if *username == "" {
		return usagef("--username wajib diisi")
	}
	var lifetime time.Duration
	if *expires != "" {
		var err error
		if lifetime, err = accounts.ParseLifetime(*expires); err != nil {
			return usagef("--expires: %v", err)
		}
	}
	st, err := openStore(ctx, cfg.DB, true)
	if err != nil {
		return err
	}
	defer st.Close()
	plain, t, err := services.New(st, cfg.Jurisdiction).Accounts.CreateToken(ctx, auth.System, *username, lifetime)
	if err != nil {
		return err
	}
	until := "tanpa batas waktu (cabut dengan `naikkelas token revoke`)"
	if !t.ExpiresAt.IsZero() {
		until = "berlaku sampai " + idfmt.DateTime(t.ExpiresAt)
	}
	fmt.Fprintln(env.Stdout, plain)
	fmt.Fprintf(env.Stderr, "Token API %d untuk %s dibuat, %s. Simpan sekarang: token ini tidak dapat ditampilkan lagi. "+
		"Pakai sebagai header \"Authorization: Bearer TOKEN\".\n", t.ID, t.Username, until)
	return nil
}

func runTokenList(ctx context.Context, env *Env, c *Command, args []string) error {
	cfg, fs := dbFlags(env, c)
	username := fs.String("username", "", "hanya token pengguna ini")
	if err := parseNoArgs(env, c, fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, cfg.DB, true)
	if err != nil {
		return err
	}
	defer st.Close()
	tokens, err := services.New(st, cfg.Jurisdiction).Accounts.Tokens(ctx, auth.System, *username)
	if err != nil {
		return err
	}
	if len(tokens) == 0 {
		fmt.Fprintln(env.Stdout, "Belum ada token API.")
		return nil
	}
	now := time.Now()
	tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPENGGUNA\tDIBUAT\tTERAKHIR DIPAKAI\tKEDALUWARSA\tSTATUS")
	for _, t := range tokens {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.Username, idfmt.DateTime(t.CreatedAt),
			orDash(idfmt.DateTime(t.LastUsedAt), "belum pernah"), orDash(idfmt.DateTime(t.ExpiresAt), "tanpa batas"), t.Status(now))
	}
	return tw.Flush()
}

func orDash(s, empty string) string {
	if s == "" {
		return empty
	}
	return s
}

func runTokenRevoke(ctx context.Context, env *Env, c *Command, args []string) error {
	cfg, fs := dbFlags(env, c)
	pos, err := parse(env, c, fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("berikan satu ID token (lihat `naikkelas token list`)")
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id <= 0 {
		return usagef("ID token %q harus bilangan bulat positif", pos[0])
	}
	st, err := openStore(ctx, cfg.DB, true)
	if err != nil {
		return err
	}
	defer st.Close()
	t, err := services.New(st, cfg.Jurisdiction).Accounts.RevokeToken(ctx, auth.System, id)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Token %d milik %s dicabut (%s).\n", t.ID, t.Username, idfmt.DateTime(t.RevokedAt))
	return nil
}
