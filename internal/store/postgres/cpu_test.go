package postgres_test

import (
	"context"
	"database/sql"
	"os"
	"strconv"
	"strings"
	"testing"
)

// backendCPU measures the CPU time of the PostgreSQL server process behind
// a pool held to one connection, read from /proc: on a machine shared with
// other work, wall time overstates what a query costs. It works when the
// server runs on this Linux machine (as in CI) and reports 0 otherwise.
type backendCPU struct{ stat string }

func newBackendCPU(tb testing.TB, db *sql.DB) backendCPU {
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	var pid int
	if err := db.QueryRowContext(context.Background(), `SELECT pg_backend_pid()`).Scan(&pid); err != nil {
		tb.Fatal(err)
	}
	return backendCPU{stat: "/proc/" + strconv.Itoa(pid) + "/stat"}
}

// seconds is the backend's user and system time so far (0 when unreadable).
func (c backendCPU) seconds() float64 {
	raw, err := os.ReadFile(c.stat)
	if err != nil {
		return 0
	}
	s := string(raw)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+2:]) // after "pid (comm) "
	if len(fields) < 13 {
		return 0
	}
	utime, _ := strconv.ParseFloat(fields[11], 64)
	stime, _ := strconv.ParseFloat(fields[12], 64)
	return (utime + stime) / 100 // clock ticks (USER_HZ)
}

// report adds the backend's CPU time per operation since start.
func (c backendCPU) report(b *testing.B, start float64) {
	if b.N > 0 && start > 0 {
		b.ReportMetric((c.seconds()-start)*1000/float64(b.N), "pg-cpu-ms/op")
	}
}
