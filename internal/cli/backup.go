package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"naikkelas/internal/store/engine"
)

var backupCommand = Command{
	Name:    "backup",
	Args:    "--db DB FILE",
	Summary: "salin basis data SQLite yang sedang berjalan secara konsisten ke FILE (PostgreSQL: pakai pg_dump)",
	Run:     runBackup,
}

func runBackup(ctx context.Context, env *Env, c *Command, args []string) error {
	cfg, fset := dbFlags(env, c)
	pos, err := parse(env, c, fset, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("sebutkan satu berkas tujuan: naikkelas backup --db DB FILE")
	}
	target := pos[0]
	if engine.IsPostgres(cfg.DB) {
		return errors.New("untuk PostgreSQL gunakan pg_dump, mis.: pg_dump --format=custom --file=naikkelas.dump \"$NAIKKELAS_DB\"")
	}
	if _, err := os.Stat(target); err == nil {
		return fmt.Errorf("berkas tujuan %s sudah ada; pilih nama lain", target)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("memeriksa berkas tujuan: %w", err)
	}
	st, err := openStore(ctx, cfg.DB, true)
	if err != nil {
		return err
	}
	defer st.Close()
	b, ok := st.(engine.Backuper)
	if !ok {
		return fmt.Errorf("mesin basis data %s tidak mendukung backup dari naikkelas", st.Engine())
	}
	if err := b.Backup(ctx, target); err != nil {
		return fmt.Errorf("backup gagal: %w", err)
	}
	info, err := os.Stat(target)
	if err != nil {
		return fmt.Errorf("backup tidak ditemukan setelah ditulis: %w", err)
	}
	fmt.Fprintf(env.Stdout, "Cadangan tersimpan: %s (%d byte).\n", target, info.Size())
	return nil
}
