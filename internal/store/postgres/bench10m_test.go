package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"naikkelas/internal/region"
	"naikkelas/internal/store/postgres"
	"naikkelas/internal/store/storetest"
)

// The 10,000,000-business database of the province-scale benchmarks, kept
// in a PostgreSQL database of its own (bench10m on the server of
// NAIKKELAS_TEST_POSTGRES, or NAIKKELAS_BENCH_PG10M_DSN) so that a rerun
// skips the load. Built only when NAIKKELAS_BENCH_PG10M=1:
//
//	NAIKKELAS_BENCH_PG10M=1 NAIKKELAS_TEST_POSTGRES=postgres://… \
//	  go test ./internal/store/postgres -run '^$' -bench PG10M -benchtime 20x -timeout 300m
//
// A benchmark of another package's figures at this size calls open10M.

// pg10M is the size of the province-scale database.
const pg10M = 10_000_000

// pg10MChunk is how many businesses one COPY transaction loads; each chunk
// draws from its own generator and is recorded in bench_loaded_chunks once
// committed, so an interrupted load resumes with the chunks it lacks.
const pg10MChunk = 100_000

// open10M returns the 10M database, loading what it lacks first.
func open10M(tb testing.TB) *postgres.Store {
	tb.Helper()
	if os.Getenv("NAIKKELAS_BENCH_PG10M") != "1" {
		tb.Skip("set NAIKKELAS_BENCH_PG10M=1 (and NAIKKELAS_TEST_POSTGRES) to load and query 10,000,000 businesses")
	}
	ctx := context.Background()
	dsn := os.Getenv("NAIKKELAS_BENCH_PG10M_DSN")
	if dsn == "" {
		dsn = benchDatabase(tb, testDSN(tb), "bench10m")
	}
	s, err := postgres.Open(ctx, dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	if err := s.Migrate(ctx); err != nil {
		tb.Fatal(err)
	}
	done, err := loadedChunks(ctx, s)
	if err != nil {
		tb.Fatal(err)
	}
	have, err := s.CountBusinesses(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	if have != len(done)*pg10MChunk {
		tb.Fatalf("bench10m holds %d businesses, not the %d chunks of %d it recorded: drop the database and load again", have, len(done), pg10MChunk)
	}
	if have == pg10M {
		var pending int
		if err := s.Read.QueryRowContext(ctx, `SELECT COUNT(*) FROM bench_dropped_indexes`).Scan(&pending); err == nil && pending == 0 {
			return s
		}
	}
	start := time.Now()
	if err := dropIndexes(ctx, s); err != nil {
		tb.Fatal(err)
	}
	if err := loadChunks(ctx, s, done, tb.Logf); err != nil {
		tb.Fatal(err)
	}
	loaded := time.Since(start)
	if err := restoreIndexes(ctx, s); err != nil {
		tb.Fatal(err)
	}
	if _, err := s.Write.ExecContext(ctx, `VACUUM ANALYZE`); err != nil {
		tb.Fatal(err)
	}
	var size string
	_ = s.Read.QueryRowContext(ctx, `SELECT pg_size_pretty(pg_database_size(current_database()))`).Scan(&size)
	tb.Logf("loaded %d businesses in %v (rows %v, indexes and ANALYZE %v); database %s", pg10M-have,
		time.Since(start).Round(time.Second), loaded.Round(time.Second), (time.Since(start) - loaded).Round(time.Second), size)
	return s
}

// benchDatabase returns dsn pointed at database name, created when absent.
func benchDatabase(tb testing.TB, dsn, name string) string {
	tb.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		tb.Fatal(err)
	}
	admin, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		tb.Fatal(err)
	}
	defer admin.Close()
	var exists bool
	if err := admin.Read.QueryRow(`SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		tb.Fatal(err)
	}
	if !exists {
		if _, err := admin.Write.Exec(`CREATE DATABASE ` + name); err != nil {
			tb.Fatal(err)
		}
	}
	u.Path = "/" + name
	// Loads running at once wait for each other's kept counts for as long
	// as a chunk takes, well past the store's usual lock_timeout.
	q := u.Query()
	q.Set("lock_timeout", "0")
	u.RawQuery = q.Encode()
	return u.String()
}

// dropIndexes drops the secondary indexes of the tables the load writes,
// as a large import does, keeping their definitions in
// bench_dropped_indexes so that a load interrupted and run again still
// builds them.
func dropIndexes(ctx context.Context, s *postgres.Store) error {
	for _, stmt := range []string{
		`CREATE TABLE IF NOT EXISTS bench_dropped_indexes (name TEXT PRIMARY KEY, def TEXT NOT NULL)`,
		`INSERT INTO bench_dropped_indexes (name, def)
		SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()
			AND tablename IN ('businesses', 'measurements', 'permits', 'permit_history')
			AND indexdef NOT LIKE 'CREATE UNIQUE INDEX%'
		ON CONFLICT (name) DO NOTHING`,
	} {
		if _, err := s.Write.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	dropped, err := droppedIndexes(ctx, s)
	for _, ix := range dropped {
		if _, err := s.Write.ExecContext(ctx, `DROP INDEX IF EXISTS `+ix[0]); err != nil {
			return err
		}
	}
	return err
}

// restoreIndexes builds the dropped indexes again, on one connection with
// a large sort memory.
func restoreIndexes(ctx context.Context, s *postgres.Store) error {
	dropped, err := droppedIndexes(ctx, s)
	if err != nil {
		return err
	}
	conn, err := s.Write.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SET maintenance_work_mem = '1GB'`); err != nil {
		return err
	}
	for _, ix := range dropped {
		def := strings.Replace(ix[1], "CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1)
		if _, err := conn.ExecContext(ctx, def); err != nil {
			return fmt.Errorf("%s: %w", ix[0], err)
		}
		if _, err := conn.ExecContext(ctx, `DELETE FROM bench_dropped_indexes WHERE name = $1`, ix[0]); err != nil {
			return err
		}
	}
	return nil
}

// droppedIndexes returns the (name, definition) of every index to build.
func droppedIndexes(ctx context.Context, s *postgres.Store) ([][2]string, error) {
	rows, err := s.Read.QueryContext(ctx, `SELECT name, def FROM bench_dropped_indexes ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var ix [2]string
		if err := rows.Scan(&ix[0], &ix[1]); err != nil {
			return nil, err
		}
		out = append(out, ix)
	}
	return out, rows.Err()
}

// pg10MLoaders is how many chunks are generated and copied at once, one
// per core of the machines the benchmark was written on.
const pg10MLoaders = 2

// loadedChunks returns the chunks already loaded, by number.
func loadedChunks(ctx context.Context, s *postgres.Store) (map[int]bool, error) {
	if _, err := s.Write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS bench_loaded_chunks (chunk INTEGER PRIMARY KEY)`); err != nil {
		return nil, err
	}
	rows, err := s.Read.QueryContext(ctx, `SELECT chunk FROM bench_loaded_chunks`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	done := map[int]bool{}
	for rows.Next() {
		var c int
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		done[c] = true
	}
	return done, rows.Err()
}

// loadChunks loads every chunk not in done, pg10MLoaders at a time. Two
// loads may wait on each other's kept counts, and the server may end one
// of them to break a deadlock: that chunk is loaded again.
func loadChunks(ctx context.Context, s *postgres.Store, done map[int]bool, logf func(string, ...any)) error {
	villages := region.All().Villages("36.04")
	todo := make(chan int)
	errs := make(chan error, pg10MLoaders)
	start := time.Now()
	for range pg10MLoaders {
		go func() {
			for chunk := range todo {
				if err := loadChunk(ctx, s, chunk, villages); err != nil {
					errs <- fmt.Errorf("chunk %d: %w", chunk, err)
					for range todo {
					}
					return
				}
				if chunk%10 == 9 {
					logf("chunk %d of %d after %v", chunk+1, pg10M/pg10MChunk, time.Since(start).Round(time.Second))
				}
			}
			errs <- nil
		}()
	}
	for chunk := range pg10M / pg10MChunk {
		if !done[chunk] {
			todo <- chunk
		}
	}
	close(todo)
	var first error
	for range pg10MLoaders {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// loadChunk generates chunk and copies it in, then records it. A load the
// server ended to break a deadlock is generated and copied again
// (InsertBatch fills in the ids and times of the rows it was given).
func loadChunk(ctx context.Context, s *postgres.Store, chunk int, villages []region.Region) error {
	var err error
	for range 5 {
		rng := rand.New(rand.NewPCG(uint64(chunk), 10))
		items := storetest.Synth(pg10MChunk, chunk*pg10MChunk, rng, villages)
		for i := range items {
			items[i].Audit = nil // the audit trail is not what these benchmarks read
		}
		if err = s.InsertBatch(ctx, items); err == nil {
			_, err = s.Write.ExecContext(ctx, `INSERT INTO bench_loaded_chunks (chunk) VALUES ($1)`, chunk)
			return err
		}
		if pe := (*pgconn.PgError)(nil); !errors.As(err, &pe) || pe.Code != "40P01" {
			return err
		}
	}
	return err
}
