//go:build !unix

package sqlite_test

// cpuSeconds is not measured outside Unix; the benchmark then reports 0.
func cpuSeconds() float64 { return 0 }
