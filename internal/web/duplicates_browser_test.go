package web

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"naikkelas/internal/auth"
)

// TestBrowserDuplicates: on a 360 px phone the operator sees the pair
// stacked, nothing wider than the screen, picks the second record's name
// and merges; the page offers the undo.
func TestBrowserDuplicates(t *testing.T) {
	b := newBrowserSession(t)
	run := b.run
	twin := b.f.createBusiness("KERIPIK EMPING IBU SITI", cikandeVillage)
	b.login("log in", b.f.users["operator"].Username, chromedp.EmulateViewport(360, 740))
	run("the review", chromedp.Navigate(b.ts.URL+"/duplikat?district=36.04.15&min=0.5"), chromedp.WaitVisible("section.pair"))
	if w := b.str("width", chromedp.Evaluate[string](`String(document.documentElement.scrollWidth)`)); w != "360" {
		t.Errorf("the review at 360 px is %s px wide", w)
	}
	if n := b.num("marked", `document.querySelectorAll("section.pair tr.differs").length`); n < 1 {
		t.Errorf("%v differing fields marked", n)
	}
	shot(t, b.ctx, "duplikat-360")
	sel := `section.pair input[name="f_name"][value="b"]`
	run("merge", chromedp.Click(sel), chromedp.Submit(sel), chromedp.WaitVisible(`p.notice`))
	if page := b.text("after merge", "main"); !strings.Contains(page, "digabung ke") || !strings.Contains(page, "Batalkan penggabungan ini") {
		t.Errorf("after the merge: %q", page)
	}
	if kept, err := b.f.srv.Registry.Get(context.Background(), auth.System, b.f.In.ID); err != nil || kept.Name != twin.Name {
		t.Errorf("kept after merge: %+v, %v", kept, err)
	}
}
