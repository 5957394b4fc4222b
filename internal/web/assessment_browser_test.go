package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserAssessmentOffline fills the assessment form as the owner on a
// 360 px phone, loses the answer of the save (the server stored it, the
// phone never heard back), reloads, and checks that the draft was kept,
// re-sent by itself and stored exactly once.
func TestBrowserAssessmentOffline(t *testing.T) {
	b := newBrowserSession(t)
	ctx, f, ts, run := b.ctx, b.f, b.ts, b.run
	count := func() int {
		list, err := f.st.ListAssessments(context.Background(), f.In.ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(list)
	}
	form := ts.URL + "/usaha/" + itoa64(f.In.ID) + "/penilaian/baru"
	b.login("log in as owner", "pemilik", chromedp.EmulateViewport(360, 740))
	run("answer every question",
		chromedp.Navigate(form),
		chromedp.WaitVisible("#assessment-form"),
		chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('fieldset.question').forEach(fs => {
			const r = fs.querySelectorAll('input[type=radio]'); r[r.length - 2].click(); })`),
		waitJS(`!!localStorage.getItem(document.querySelector('#assessment-form').dataset.key)`))
	width, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	if err != nil || width > 360 {
		t.Errorf("assessment form at 360 px scrolls sideways: scrollWidth %d (%v)", width, err)
	}
	run("save while the connection drops after the request left",
		chromedp.Evaluate[chromedp.Void](`window.__fetch = window.fetch;
			window.fetch = (...a) => window.__fetch(...a).then(() => { throw new TypeError('connection lost'); })`),
		chromedp.Click(`#assessment-form button[type=submit]`),
		waitJS(`document.querySelector('#form-status').textContent.includes('Koneksi terputus')`))
	pending, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`JSON.parse(localStorage.getItem(document.querySelector('#assessment-form').dataset.key)).pending`))
	if err != nil || !pending {
		t.Fatalf("draft must stay on the phone marked pending: %v %v", pending, err)
	}
	if n := count(); n != 1 {
		t.Fatalf("the server received the save once: %d assessments", n)
	}
	run("reopen the form: the draft is re-sent by itself",
		chromedp.Evaluate[chromedp.Void](`setTimeout(() => location.assign(`+jsString(form)+`), 10)`))
	// The page navigates twice (form, then the saved result): poll across navigations.
	deadline := time.Now().Add(20 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`location.pathname.endsWith('/penilaian') && !!document.querySelector('#penilaian')`))
		if err == nil && ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the draft was not re-sent: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	text, err := chromedp.Run(ctx, chromedp.Text("#penilaian"))
	if err != nil || !strings.Contains(text, "Level") {
		t.Fatalf("assessment page after re-send: %q %v", text, err)
	}
	if n := count(); n != 1 {
		t.Errorf("the re-send saved the answers twice: %d assessments", n)
	}
	left, err := chromedp.Run(ctx, chromedp.Evaluate[int](`localStorage.length`))
	if err != nil || left != 0 {
		t.Errorf("the draft must be removed once the server confirmed it: %d left (%v)", left, err)
	}
}
