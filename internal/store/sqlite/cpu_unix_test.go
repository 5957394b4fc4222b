//go:build unix

package sqlite_test

import "syscall"

// cpuSeconds is the process's CPU time so far (user and system, all
// threads), for benchmarks that must not depend on how loaded the machine is.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
