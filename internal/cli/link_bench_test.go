package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"naikkelas/internal/linkage"
	"naikkelas/internal/linkage/linktest"
)

// BenchmarkLink runs the link command on a generated list (linktest: every
// business one to four times with the faults of the office's lists) and,
// in the same run, the simplest baseline: rows with the same phone or NIK
// are one business. It reports both F1s and times and the Go runtime's
// peak memory during link. One million rows with NAIKKELAS_BENCH_LARGE=1,
// any other number with NAIKKELAS_BENCH_LINK_N.
func BenchmarkLink(b *testing.B) {
	n := 100_000
	if os.Getenv("NAIKKELAS_BENCH_LARGE") != "" {
		n = 1_000_000
	}
	if v := os.Getenv("NAIKKELAS_BENCH_LINK_N"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 2 {
			b.Fatalf("NAIKKELAS_BENCH_LINK_N=%q: not a number of rows", v)
		}
	}
	d := linktest.Generate(n, 1)
	in := filepath.Join(b.TempDir(), "daftar.csv")
	if err := linktest.WriteCSV(in, d); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "clusters.csv")
	b.Run(strconv.Itoa(n), func(b *testing.B) {
		var linkSec, peak float64
		for b.Loop() {
			runtime.GC()
			stop := watchPeak(&peak)
			start := time.Now()
			if r := run(b, "", "link", "--json", "-o", out, in); r.code != ExitOK {
				b.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			linkSec = time.Since(start).Seconds()
			stop()
		}
		b.StopTimer()
		precision, recall, f1 := linktest.F1(readClusters(b, out), d.Entity)
		start := time.Now()
		base := exactBaseline(d.Records)
		baseSec := time.Since(start).Seconds()
		_, _, baseF1 := linktest.F1(base, d.Entity)
		b.ReportMetric(linkSec, "link-s")
		b.ReportMetric(f1, "link-F1")
		b.ReportMetric(precision, "link-precision")
		b.ReportMetric(recall, "link-recall")
		b.ReportMetric(peak/(1<<20), "peak-MB")
		b.ReportMetric(baseSec, "baseline-s")
		b.ReportMetric(baseF1, "baseline-F1")
	})
}

// watchPeak samples the memory the Go runtime holds from the system every
// 20 ms until the returned function is called.
func watchPeak(peak *float64) func() {
	var done atomic.Bool
	finished := make(chan struct{})
	sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	go func() {
		defer close(finished)
		for !done.Load() {
			metrics.Read(sample)
			*peak = max(*peak, float64(sample[0].Value.Uint64()))
			time.Sleep(20 * time.Millisecond)
		}
	}()
	return func() { done.Store(true); <-finished }
}

func readClusters(b *testing.B, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		b.Fatal(err)
	}
	out := make([]string, 0, len(rows)-1)
	for _, r := range rows[1:] {
		out = append(out, r[1])
	}
	return out
}

// exactBaseline puts rows with the same normalised phone or NIK in one
// cluster (union–find), the rule a spreadsheet user would apply.
func exactBaseline(recs []linkage.Business) []string {
	parent := make([]int, len(recs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	byPhone, byNIK := map[string]int{}, map[string]int{}
	join := func(seen map[string]int, key string, i int) {
		if key == "" {
			return
		}
		if j, ok := seen[key]; ok {
			parent[find(i)] = find(j)
			return
		}
		seen[key] = i
	}
	for i, r := range recs {
		join(byPhone, linkage.NormalizePhone(r.Phone), i)
		join(byNIK, linkage.NormalizeNIK(r.NIK), i)
	}
	out := make([]string, len(recs))
	for i := range recs {
		out[i] = strconv.Itoa(find(i))
	}
	return out
}
