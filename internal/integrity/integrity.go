// Package integrity compares what the database keeps derived from other
// rows (counts kept by triggers, tables kept per business and year) with a
// recomputation from those rows. `naikkelas check` and the tests run the
// same list of checks; it knows neither the CLI nor SQL.
package integrity

import (
	"context"
	"fmt"
)

// Check is one named comparison. Run returns the differences it found, one
// sentence each in Indonesian; none means the kept data is right.
type Check struct {
	Name string // short, in Indonesian, as `naikkelas check` prints it
	Run  func(ctx context.Context) ([]string, error)
}

// Store lists the checks of the data an engine keeps derived. A new kind of
// derived data adds its check to that list (sqlstore/checks.go), so that
// the command and the tests run it with the others.
type Store interface {
	Checks() []Check
}

// Result is one check's outcome.
type Result struct {
	Name        string
	Differences []string
}

// OK reports whether the check found nothing wrong.
func (r Result) OK() bool { return len(r.Differences) == 0 }

// Run runs every check in order. An error stops it: a check that could not
// run says nothing about the data.
func Run(ctx context.Context, checks []Check) ([]Result, error) {
	out := make([]Result, 0, len(checks))
	for _, c := range checks {
		diffs, err := c.Run(ctx)
		if err != nil {
			return out, fmt.Errorf("pemeriksaan %q: %w", c.Name, err)
		}
		out = append(out, Result{Name: c.Name, Differences: diffs})
	}
	return out, nil
}

// Failed counts the results that found differences.
func Failed(rs []Result) int {
	n := 0
	for _, r := range rs {
		if !r.OK() {
			n++
		}
	}
	return n
}
