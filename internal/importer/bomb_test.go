package importer_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"naikkelas/internal/auth"
	"naikkelas/internal/importer"
	"naikkelas/internal/store/engine"
)

// TestLongCellRejectsItsRow imports the 66 KB file holding one 64 MiB cell
// (as a shared string and as an inline string): the row with the cell is
// rejected with a reason, the other row is imported, and the cell is never
// held in memory (the whole import allocates less than half of it).
func TestLongCellRejectsItsRow(t *testing.T) {
	for _, inline := range []bool{false, true} {
		t.Run(fmt.Sprintf("inline=%v", inline), func(t *testing.T) {
			data := bombXLSX(t, bomb{cellBytes: 64 << 20, inline: inline})
			st := openStore(t)
			// a first import loads what every import shares (the region
			// directory), so that the measurement is this file's alone
			runImport(t, st, "kecil.xlsx", bombXLSX(t, bomb{cellBytes: 10, inline: inline}), importer.Options{DryRun: true})
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			imp, outs := runImport(t, st, "bom.xlsx", data, importer.Options{})
			runtime.ReadMemStats(&after)
			if s := imp.Summary; s.Inserted != 1 || s.Rejected != 1 {
				t.Fatalf("summary %+v", s)
			}
			if o := outs[3]; o.Outcome != importer.Rejected || len(o.Reasons) != 1 ||
				!strings.Contains(o.Reasons[0], "Kolom Catatan (E): isi sel terlalu panjang (lebih dari 32 KB)") {
				t.Errorf("row 3: %+v", o)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
				t.Errorf("the import allocated %d MB for a 64 MB cell", alloc>>20)
			}
			// the report shows the cell's beginning, not the whole cell
			f, err := excelize.OpenReader(bytes.NewReader(imp.Report))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if v, _ := f.GetCellValue("Ditolak", "E2"); !strings.HasPrefix(v, "AAAA") || !strings.HasSuffix(v, "…") || len(v) > 100 {
				t.Errorf("report cell E2 has %d bytes: %.20q", len(v), v)
			}
			if v, _ := f.GetCellValue("Ditolak", "F2"); v != "3" {
				t.Errorf("report row number %q", v)
			}
		})
	}
}

// TestLongHeaderCellRefusesFile: a header cell over the limit is no column
// name; the file is refused with an Indonesian reason and nothing is written.
func TestLongHeaderCellRefusesFile(t *testing.T) {
	data := bombXLSX(t, bomb{cellBytes: 1 << 20, inHeader: true})
	st := openStore(t)
	im := newImporter(st)
	opt := importer.Options{Actor: auth.Actor{UserID: 1, Username: "admin", Role: auth.Admin}}
	imp, err := im.Begin(context.Background(), "judul.xlsx", opt)
	if err != nil {
		t.Fatal(err)
	}
	err = im.Run(context.Background(), imp, importer.Input{Name: "judul.xlsx", R: bytes.NewReader(data), Size: int64(len(data))}, opt)
	if err == nil || imp.Status != importer.StatusFailed || !strings.Contains(imp.Message, "Judul kolom E di baris 1 terlalu panjang") {
		t.Fatalf("err %v, status %s, message %q", err, imp.Status, imp.Message)
	}
	if n, _ := st.CountBusinesses(context.Background()); n != 0 {
		t.Errorf("%d businesses written", n)
	}
}

// TestHeaderNamesStoredTruncated: an unknown column's long name is stored
// and returned shortened.
func TestHeaderNamesStoredTruncated(t *testing.T) {
	long := strings.Repeat("Keterangan panjang ", 1000) // 19 KB, under the cell limit
	data := []byte("Nama Usaha;Nama Pemilik;Desa;Kecamatan;" + long + "\nEmping;Sari;Julang;Cikande;x\n")
	st := openStore(t)
	imp, _ := runImport(t, st, "judul.csv", data, importer.Options{})
	stored, err := st.GetImport(context.Background(), imp.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored.UnknownColumns) != 1 || len(stored.UnknownColumns[0]) > 220 ||
		!strings.HasPrefix(stored.UnknownColumns[0], "Keterangan panjang") || !strings.HasSuffix(stored.UnknownColumns[0], "… (E)") {
		t.Errorf("unknown columns stored: %q", stored.UnknownColumns)
	}
}

// TestXLSXSizeCaps: a file whose shared strings or sheet are too large is
// refused from its zip directory (TestBombMemory does this with the real
// gigabyte), and a directory that understates a part's size makes a broken
// file, not a way around the caps.
func TestXLSXSizeCaps(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		data []byte
		lim  importer.Limits
		want string
	}{
		{"shared part", bombXLSX(t, bomb{cellBytes: 3 << 20}), importer.Limits{MaxSharedStrings: 2 << 20},
			"teks di dalamnya lebih dari 2 MB setelah diurai"},
		{"sheet part", bombXLSX(t, bomb{cellBytes: 3 << 20, inline: true}), importer.Limits{MaxSheetBytes: 2 << 20},
			`Lembar "Data" terlalu besar setelah diurai (lebih dari 2 MB)`},
		{"all parts", bombXLSX(t, bomb{cellBytes: 3 << 20}), importer.Limits{MaxUncompressed: 2 << 20},
			"Berkas XLSX terlalu besar setelah diurai (lebih dari 2 MB)"},
		{"understated size", understate(t, bombXLSX(t, bomb{cellBytes: 3 << 20}), "xl/sharedStrings.xml"),
			importer.Limits{MaxSharedStrings: 2 << 20}, "Berkas XLSX rusak"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := importer.OpenTable(ctx, "b.xlsx", bytes.NewReader(tc.data), int64(len(tc.data)), importer.ReadOptions{Limits: tc.lim})
			if err == nil || !strings.Contains(importer.Message(err), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
		})
	}
}

// understate rewrites a zip so that the directory declares part as 1 KB.
func understate(t testing.TB, data []byte, part string) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		fh := f.FileHeader
		if f.Name == part {
			fh.UncompressedSize64 = 1 << 10
		}
		w, err := zw.CreateRaw(&fh)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := f.OpenRaw()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, raw); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var gigaBombs struct {
	once   [2]sync.Once
	shared []byte
	inline []byte
}

// gigaBomb is the 1 MB file with one 1 GiB cell; it takes seconds to make,
// so each kind is made once.
func gigaBomb(t testing.TB, inline bool) []byte {
	if inline {
		gigaBombs.once[1].Do(func() { gigaBombs.inline = bombXLSX(t, bomb{cellBytes: 1 << 30, inline: true}) })
		return gigaBombs.inline
	}
	gigaBombs.once[0].Do(func() { gigaBombs.shared = bombXLSX(t, bomb{cellBytes: 1 << 30}) })
	return gigaBombs.shared
}

const bombEnv = "NAIKKELAS_BOMB_CHILD"

// TestBombMemory imports the 1 MB bomb (one 1 GiB cell) in a child process
// (this test binary, re-executed) and measures the child's peak resident
// memory: it must stay under 200 MB. The child is killed as soon as it
// passes the bound, so a regression fails quickly instead of exhausting the
// machine. Besides the default limits, which refuse the file from its zip
// directory, the child also reads it with the size caps raised, so that
// the whole gigabyte streams through the per-cell cap.
func TestBombMemory(t *testing.T) {
	if os.Getenv(bombEnv) != "" {
		bombChild()
		return
	}
	if testing.Short() {
		t.Skip("-short: skipping the 1 GiB bomb imports in a child process")
	}
	if runtime.GOOS != "linux" {
		t.Skip("measures resident memory through /proc (Linux only)")
	}
	dir := t.TempDir()
	const limit = 200 << 20
	for _, tc := range []struct {
		name   string
		inline bool
		raise  bool
		want   string
	}{
		{"shared, default limits", false, false, "terlalu besar"},
		{"inline, default limits", true, false, "terlalu besar"},
		{"shared, streamed", false, true, `"rejected":1`},
		{"inline, streamed", true, true, `"rejected":1`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(dir, fmt.Sprintf("bom-%v.xlsx", tc.inline))
			if _, err := os.Stat(file); err != nil {
				if err := os.WriteFile(file, gigaBomb(t, tc.inline), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestBombMemory$")
			cmd.Env = append(os.Environ(), bombEnv+"="+file, "NAIKKELAS_BOMB_DB="+filepath.Join(t.TempDir(), "b.db"))
			if tc.raise {
				cmd.Env = append(cmd.Env, "NAIKKELAS_BOMB_RAISE=1")
			}
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			start := time.Now()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			killed := watchRSS(cmd.Process.Pid, limit)
			err := cmd.Wait()
			if <-killed {
				t.Fatalf("the import passed %d MB of resident memory and was killed; output:\n%s", limit>>20, out.String())
			}
			var peakKB int64
			if i := strings.Index(out.String(), "VmHWM:"); i >= 0 {
				fmt.Sscan(out.String()[i+len("VmHWM:"):], &peakKB)
			}
			t.Logf("peak RSS %d MB in %v", peakKB>>10, time.Since(start).Round(time.Millisecond))
			if err != nil || peakKB == 0 || peakKB<<10 > limit || !strings.Contains(out.String(), tc.want) {
				t.Fatalf("child: %v, peak %d KB, want %q in its output:\n%s", err, peakKB, tc.want, out.String())
			}
		})
	}
}

// watchRSS polls a process's resident memory and kills it above limit; the
// channel says whether it did, once the process is gone.
func watchRSS(pid int, limit int64) <-chan bool {
	done := make(chan bool, 1)
	go func() {
		for {
			b, err := os.ReadFile(fmt.Sprintf("/proc/%d/statm", pid))
			if err != nil {
				done <- false
				return
			}
			var size, rss int64
			fmt.Sscan(string(b), &size, &rss)
			if rss*int64(os.Getpagesize()) > limit {
				syscall.Kill(pid, syscall.SIGKILL)
				done <- true
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	}()
	return done
}

// bombChild imports the bomb named by the environment and prints the
// summary as JSON, or the refusal, and then its peak resident memory (the
// kernel's VmHWM of this process).
func bombChild() {
	defer func() {
		status, _ := os.ReadFile("/proc/self/status")
		for _, line := range strings.Split(string(status), "\n") {
			if strings.HasPrefix(line, "VmHWM:") {
				fmt.Println(line)
			}
		}
	}()
	ctx := context.Background()
	st, err := engine.Open(ctx, os.Getenv("NAIKKELAS_BOMB_DB"))
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(2)
	}
	defer st.Close()
	f, err := os.Open(os.Getenv(bombEnv))
	if err != nil {
		fmt.Println(err)
		os.Exit(2)
	}
	defer f.Close()
	info, _ := f.Stat()
	opt := importer.Options{Actor: auth.System}
	if os.Getenv("NAIKKELAS_BOMB_RAISE") != "" {
		opt.Limits = importer.Limits{MaxUncompressed: 4 << 30, MaxSheetBytes: 4 << 30, MaxSharedStrings: 4 << 30}
	}
	im := newImporter(st)
	imp, err := im.Begin(ctx, "bom.xlsx", opt)
	if err != nil {
		fmt.Println(err)
		os.Exit(2)
	}
	if err := im.Run(ctx, imp, importer.Input{Name: "bom.xlsx", R: f, Size: info.Size()}, opt); err != nil {
		fmt.Println(imp.Message)
		return
	}
	_ = json.NewEncoder(os.Stdout).Encode(imp.Summary)
}
