package web

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
)

// TestBrowserAttendance360 takes attendance as the Cikande operator on a
// 360 px-wide phone: one tap marks a participant present (htmx swaps the
// row), the mark survives a reload, a second tap undoes it, and the page
// never scrolls sideways.
func TestBrowserAttendance360(t *testing.T) {
	b := newBrowserSession(t)
	ctx, f, ts, run := b.ctx, b.f, b.ts, b.run
	id := f.stage("selected")
	if _, err := f.srv.Programs.Move(context.Background(), auth.System, id, programs.StatusRunning); err != nil {
		t.Fatal(err)
	}
	row := fmt.Sprintf("#hadir-%d", f.In.ID)
	page := fmt.Sprintf("%s/program/%d/kehadiran?sesi=2", ts.URL, id)

	b.login("log in on a phone", "operator.cikande", chromedp.EmulateViewport(360, 740))
	run("open session 2", chromedp.Navigate(page), chromedp.WaitVisible(row), waitJS(`typeof htmx !== 'undefined'`))
	text, err := chromedp.Run(ctx, chromedp.Text("main"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, f.In.Name) || strings.Contains(text, f.Out.Name) {
		t.Fatalf("the operator should see its own kecamatan's participant only: %.300q", text)
	}
	width, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	if err != nil || width > 360 {
		t.Errorf("attendance page at 360 px scrolls sideways: scrollWidth %d (%v)", width, err)
	}
	tapHeight, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelector('`+row+` button').getBoundingClientRect().height`))
	if err != nil || tapHeight < 44 {
		t.Errorf("tap target is %.0f px high, want at least 44 (%v)", tapHeight, err)
	}

	pressed := func(v string) chromedp.Action[chromedp.Void] {
		return waitJS(`document.querySelector('` + row + ` button').getAttribute('aria-pressed') === '` + v + `'`)
	}
	run("one tap marks present", chromedp.Click(row+" button"), pressed("true"))
	if dir := os.Getenv("NAIKKELAS_SCREENSHOTS"); dir != "" {
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, "kehadiran-360.png"), png, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	run("it survives a reload", chromedp.Navigate(page), chromedp.WaitVisible(row), pressed("true"))
	att, err := f.st.ListAttendance(context.Background(), id)
	if err != nil || len(att) != 1 || !att[0].Present || att[0].Session != 2 || att[0].BusinessID != f.In.ID {
		t.Fatalf("stored attendance after the tap: %+v %v", att, err)
	}
	run("a second tap undoes it", waitJS(`typeof htmx !== 'undefined'`), chromedp.Click(row+" button"), pressed("false"))
	att, _ = f.st.ListAttendance(context.Background(), id)
	if len(att) != 1 || att[0].Present {
		t.Fatalf("stored attendance after the second tap: %+v", att)
	}
	for _, path := range []string{"/program/baru", fmt.Sprintf("/program/%d", id), fmt.Sprintf("/program/%d/nilai", id),
		fmt.Sprintf("/seleksi/%d", id)} {
		run(path, chromedp.Navigate(ts.URL+path), chromedp.WaitVisible("main h1"))
		if w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); err != nil || w > 360 {
			t.Errorf("%s at 360 px scrolls sideways: scrollWidth %d (%v)", path, w, err)
		}
	}
	ap, err := f.st.GetApplication(context.Background(), id, f.In.ID)
	if err != nil || ap.Status != programs.AppAttended {
		t.Fatalf("the first presence should move the participant to attended: %+v %v", ap, err)
	}
}
