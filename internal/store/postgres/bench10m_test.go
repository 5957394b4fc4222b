package postgres_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

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
// draws from its own generator, so an interrupted load resumes at the
// first chunk it lacks.
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
	have, err := s.CountBusinesses(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	if have == pg10M {
		var pending int
		if err := s.Read.QueryRowContext(ctx, `SELECT COUNT(*) FROM bench_dropped_indexes`).Scan(&pending); err == nil && pending == 0 {
			return s
		}
	}
	if have%pg10MChunk != 0 {
		tb.Fatalf("bench10m holds %d businesses, not whole chunks of %d: drop the database and load again", have, pg10MChunk)
	}
	start := time.Now()
	if err := dropIndexes(ctx, s); err != nil {
		tb.Fatal(err)
	}
	villages := region.All().Villages("36.04")
	for done := have; done < pg10M; done += pg10MChunk {
		rng := rand.New(rand.NewPCG(uint64(done/pg10MChunk), 10))
		items := storetest.Synth(pg10MChunk, done, rng, villages)
		for i := range items {
			items[i].Audit = nil // the audit trail is not what these benchmarks read
		}
		if err := s.InsertBatch(ctx, items); err != nil {
			tb.Fatalf("load at %d: %v", done, err)
		}
		if done%1_000_000 == 0 {
			tb.Logf("%d businesses after %v", done+pg10MChunk, time.Since(start).Round(time.Second))
		}
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
