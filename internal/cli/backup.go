package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"naikkelas/internal/store/engine"
)

func runBackup(ctx context.Context, env *Env, c *Command, args []string) error {
	cfg, fset := dbFlags(env, c)
	cfg.BindPhotoDir(fset)
	pos, err := parse(env, c, fset, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("sebutkan satu berkas tujuan: naikkelas backup --db DB FILE")
	}
	target := pos[0]
	if engine.IsPostgres(cfg.DB) {
		return errors.New("untuk PostgreSQL gunakan pg_dump, mis.: pg_dump --format=custom --file=naikkelas.dump \"$NAIKKELAS_DB\", " +
			"lalu salin folder foto produk (--photo-dir)")
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
	n, err := copyPhotos(cfg.PhotoFolder(), target+"-foto")
	if err != nil {
		return fmt.Errorf("menyalin foto produk: %w", err)
	}
	if n > 0 {
		fmt.Fprintf(env.Stdout, "Foto produk tersalin: %s-foto (%d berkas).\n", target, n)
	}
	return nil
}

// copyPhotos copies the files of the photo folder into dst. Photos are
// written once under fresh names and never changed, so a copy taken while
// the server runs holds every photo the database copy can name, and at
// worst a few newer ones. A missing folder (no photo yet) copies nothing.
func copyPhotos(src, dst string) (int, error) {
	entries, err := os.ReadDir(src)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	if err := os.MkdirAll(dst, 0o750); err != nil {
		return 0, err
	}
	n := 0
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			return n, err
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), data, 0o640); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
