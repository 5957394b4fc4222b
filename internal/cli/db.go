package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"naikkelas/internal/store"
	"naikkelas/internal/store/engine"
)

// openStore opens (and migrates) the database named by dsn. With
// mustExist, a SQLite file that is not there is an error instead of a new,
// empty database: a typo in --db must not silently create one.
func openStore(ctx context.Context, dsn string, mustExist bool) (store.Store, error) {
	dsn = strings.TrimSpace(dsn)
	if dsn == "" {
		return nil, usagef("--db wajib diisi")
	}
	if mustExist && !engine.IsPostgres(dsn) {
		if _, err := os.Stat(dsn); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("basis data %s tidak ditemukan", dsn)
		}
	}
	st, err := engine.Open(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("membuka basis data: %w", err)
	}
	return st, nil
}

// openInput opens the file a command reads and tells its size.
func openInput(path string) (*os.File, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, fmt.Errorf("membuka berkas: %w", err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, info.Size(), nil
}
