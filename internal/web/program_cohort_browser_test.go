package web

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
)

// shot saves a full-page screenshot when NAIKKELAS_SCREENSHOTS names a folder.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("NAIKKELAS_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// TestBrowserCohortCycle360 is the whole cohort cycle of the Cikande
// operator on a 360 px phone: 5 sessions of attendance for 50 participants
// ("Semua hadir", then untick the absentees) and 50 pre-tests and post-tests
// in the score grid (typed down a column with Enter, a column pasted from a
// spreadsheet, one wrong cell fixed on its row, one save). It counts the
// user's actions and logs the time the cycle took.
func TestBrowserCohortCycle360(t *testing.T) {
	b := newBrowserSessionWithin(t, 5*time.Minute)
	ctx, f, ts, run, num := b.ctx, b.f, b.ts, b.run, b.num
	ids := []int64{f.In.ID}
	names := map[int64]string{f.In.ID: f.In.Name}
	for i := 2; i <= 50; i++ {
		biz := f.createBusiness(fmt.Sprintf("Peserta %02d Cikande", i), cikandeVillage)
		ids, names[biz.ID] = append(ids, biz.ID), biz.Name
	}
	p := f.cohortOf(t, "2026-12-01", "2026-12-05", ids...) // five sessions, all past on the programmes' clock
	b.login("log in on a phone", "operator.cikande", chromedp.EmulateViewport(360, 740))

	start := time.Now()
	clicks, taps, keys := 0, 0, 0
	absent := map[int][]int64{1: {ids[3]}, 2: {ids[3], ids[7]}, 3: {ids[3]}, 4: {ids[7]}, 5: {}}
	for s := 1; s <= 5; s++ {
		page := fmt.Sprintf("%s/program/%d/kehadiran?sesi=%d", ts.URL, p.ID, s)
		run(fmt.Sprintf("session %d", s), chromedp.Navigate(page), chromedp.WaitVisible("#semua-hadir"), waitJS(`typeof htmx !== 'undefined'`))
		if s == 1 {
			bottom := num("first row", `document.querySelector('.tap-list li button').getBoundingClientRect().bottom`)
			if bottom > 600 {
				t.Errorf("the first participant ends %.0f px down a 740 px phone screen: the header is too long", bottom)
			}
			if w := num("width", `document.documentElement.scrollWidth`); w > 360 {
				t.Errorf("attendance page scrolls sideways at 360 px: %v", w)
			}
			shot(t, ctx, "kehadiran-360")
		}
		run("semua hadir", chromedp.Click("#semua-hadir"), chromedp.WaitVisible(".notice"))
		clicks++
		if text, _ := chromedp.Run(ctx, chromedp.Text(".notice")); !strings.Contains(text, "50 peserta ditandai hadir") {
			t.Fatalf("session %d: %q", s, text)
		}
		for _, id := range absent[s] {
			row := fmt.Sprintf("#hadir-%d", id)
			run("untick", waitJS(`typeof htmx !== 'undefined'`), chromedp.Click(row+" button"),
				waitJS(`document.querySelector('`+row+` button').getAttribute('aria-pressed') === 'false'`))
			taps++
		}
		if n := num("count", `+document.querySelector('#jumlah-hadir').textContent`); int(n) != 50-len(absent[s]) {
			t.Errorf("session %d: head count shows %v, want %d", s, n, 50-len(absent[s]))
		}
	}
	attendance := time.Since(start)

	// Participant 4 missed three of five sessions: 40%, short of the 75% rule.
	row4 := fmt.Sprintf("#hadir-%d", ids[3])
	text, _ := chromedp.Run(ctx, chromedp.Text(row4))
	if !strings.Contains(text, "2 dari 5 sesi (40%), kurang dari 75%") {
		t.Errorf("a 40%% participant reads %q", text)
	}

	scoreStart := time.Now()
	grid := fmt.Sprintf("%s/program/%d/nilai", ts.URL, p.ID)
	run("open the grid", chromedp.Navigate(grid), chromedp.WaitVisible("#save-scores"), waitJS(`!!document.querySelector('input.score[data-row]')`))
	if w := num("grid width", `document.documentElement.scrollWidth`); w > 360 {
		t.Errorf("score grid scrolls sideways at 360 px: %v", w)
	}
	if w := num("cell", `document.querySelector('input.score').getBoundingClientRect().width`); w < 70 {
		t.Errorf("a score cell is %.0f px wide; 72,5 must fit", w)
	}
	// The pre-tests, typed down the column with Enter; the 7th is a typo.
	var typed strings.Builder
	for i := range ids {
		v := fmt.Sprintf("%d,5", 30+i%40)
		if i == 6 {
			v = "4O" // a letter O for a zero
		}
		typed.WriteString(v + kb.Enter)
	}
	run("type the pre-tests", chromedp.Focus(fmt.Sprintf("#pre-%d", ids[0])), chromedp.KeyEvent(typed.String()))
	keys += len(ids)
	if got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`)); got != fmt.Sprintf("post-%d", ids[0]) {
		t.Errorf("after the last pre-test Enter goes to %q, want the first post-test", got)
	}
	// Tab moves down the column too.
	run("tab", chromedp.Focus(fmt.Sprintf("#pre-%d", ids[0])), chromedp.KeyEvent(kb.Tab))
	if got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`)); got != fmt.Sprintf("pre-%d", ids[1]) {
		t.Errorf("Tab from the first pre-test goes to %q, want the next participant's", got)
	}
	// The post-tests: one column copied from a spreadsheet, pasted in the first cell.
	var column strings.Builder
	for i := range ids {
		fmt.Fprintf(&column, "%d\r\n", 60+i%40)
	}
	run("paste the post-tests", chromedp.Evaluate[chromedp.Void](`(() => {
		const dt = new DataTransfer(); dt.setData('text/plain', `+jsString(column.String())+`);
		document.querySelector('#post-`+itoa64(ids[0])+`').dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
	})()`))
	keys++
	if v, _ := chromedp.Run(ctx, chromedp.Value(fmt.Sprintf("#post-%d", ids[49]))); v != fmt.Sprint(60+49%40) {
		t.Fatalf("the pasted column did not reach the last row: %q", v)
	}
	run("save", chromedp.Click("#save-scores"), chromedp.WaitVisible("#grid-errors"))
	clicks++
	if text, _ := chromedp.Run(ctx, chromedp.Text("#grid-errors")); !strings.Contains(text, names[ids[6]]+": nilai pre-test harus angka 0–100") {
		t.Fatalf("the wrong cell's error: %q", text)
	}
	if list, _ := f.st.ListScores(context.Background(), p.ID); len(list) != 0 {
		t.Fatalf("a grid with one wrong cell saved %d rows", len(list))
	}
	shot(t, ctx, "nilai-galat-360")
	bad := fmt.Sprintf("#pre-%d", ids[6])
	if focused, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`)); focused != bad[1:] {
		t.Errorf("the wrong cell is not focused after the refusal: %q", focused)
	}
	run("fix and save", chromedp.Evaluate[chromedp.Void](`document.activeElement.select()`), chromedp.KeyEvent("40"),
		chromedp.Click("#save-scores"), chromedp.WaitVisible(".notice"))
	keys, clicks = keys+1, clicks+1
	if text, _ := chromedp.Run(ctx, chromedp.Text(".notice")); !strings.Contains(text, "Nilai 50 peserta disimpan") {
		t.Fatalf("after the fix: %q", text)
	}
	scores := time.Since(scoreStart)
	shot(t, ctx, "nilai-360")

	list, err := f.st.ListScores(context.Background(), p.ID)
	if err != nil || len(list) != 50 {
		t.Fatalf("stored scores: %d %v", len(list), err)
	}
	for _, sc := range list {
		if sc.BusinessID == ids[6] && *sc.PreTest != 40 || sc.BusinessID == ids[0] && (*sc.PreTest != 30.5 || *sc.PostTest != 60) {
			t.Errorf("stored %+v", sc)
		}
	}
	_, prog, err := f.srv.Programs.Progress(context.Background(), auth.System, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	done := 0
	for _, pr := range prog {
		if pr.Completed {
			done++
		}
	}
	if done != 48 { // participant 4 (40%) and participant 8 (60%) fall short of 75% attendance
		t.Errorf("%d participants complete, want 48", done)
	}
	t.Logf("cohort cycle at 360 px, 50 participants: attendance of 5 sessions in %s (5 clicks on Semua hadir, %d taps "+
		"for absentees); scores in %s (%d values typed or pasted, %d clicks on Simpan); %d actions in all, in %s",
		attendance.Round(time.Millisecond), taps, scores.Round(time.Millisecond), keys, clicks-5, clicks+taps+keys,
		(attendance + scores).Round(time.Millisecond))
	if ap, _ := f.st.GetApplication(context.Background(), p.ID, ids[3]); ap.Status != programs.AppAttended {
		t.Errorf("participant 4 status %s", ap.Status)
	}
}

// TestBrowserProgramForm: on desktop and phone the checkboxes of the
// programme form are small boxes beside their labels (two-word labels
// included), the "(N dipilih)" counter follows the ticks, and funding kinds
// read as labels.
func TestBrowserProgramForm(t *testing.T) {
	b := newBrowserSession(t)
	ctx, ts, run := b.ctx, b.ts, b.run
	b.login("log in", "admin")
	for _, width := range []int64{1366, 360} {
		run("open the form", chromedp.EmulateViewport(width, 800), chromedp.Navigate(ts.URL+"/program/baru"),
			chromedp.WaitVisible("#f-kind"), chromedp.Evaluate[chromedp.Void](`document.querySelector('details[data-count]').open = true`))
		// Pulo Ampel (36.04.08) and Tunjung Teja have two-word names.
		box, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]float64](`(() => {
			const i = document.querySelector('input[name=districts][value="36.04.08"]'), l = i.closest('label');
			const a = i.getBoundingClientRect(), b = l.getBoundingClientRect();
			return {w: a.width, h: a.height, mid: a.top + a.height / 2, top: b.top, bottom: b.bottom, label: b.height};
		})()`))
		if err != nil {
			t.Fatal(err)
		}
		if box["w"] > 24 || box["h"] > 24 || box["mid"] < box["top"] || box["mid"] > box["bottom"] || box["label"] > 48 {
			t.Errorf("%d px: the Pulo Ampel checkbox is %+v; want a small box beside its one-line label", width, box)
		}
		before, _ := chromedp.Run(ctx, chromedp.Text("details[data-count] .count"))
		run("tick", chromedp.Click(`input[name=districts][value="36.04.08"]`), chromedp.Click(`input[name=districts][value="36.04.15"]`))
		if after, _ := chromedp.Run(ctx, chromedp.Text("details[data-count] .count")); before != "0" || after != "2" {
			t.Errorf("%d px: the counter reads %q then %q, want 0 then 2", width, before, after)
		}
		if opts, _ := chromedp.Run(ctx, chromedp.Text("#fk0")); !strings.Contains(opts, "APBD") || !strings.Contains(opts, "CSR perusahaan") ||
			strings.Contains(opts, "apbd") {
			t.Errorf("funding kinds read %q", opts)
		}
		if w, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.documentElement.scrollWidth`)); w > float64(width) {
			t.Errorf("the form scrolls sideways at %d px: %v", width, w)
		}
		shot(t, ctx, fmt.Sprintf("program-baru-%d", width))
	}
}
