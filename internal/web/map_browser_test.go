package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserMap switches the home page's map indicator and opens a
// kecamatan, as pimpinan, on a desktop (hover shows the figures, a click
// opens the list) and on a 360 px phone (a first tap shows the figures, a
// second opens the list).
func TestBrowserMap(t *testing.T) {
	for _, vp := range []struct {
		name          string
		width, height int64
		touch         bool
	}{{"1366", 1366, 900, false}, {"360", 360, 740, true}} {
		t.Run(vp.name, func(t *testing.T) {
			b := newBrowserSession(t)
			run := b.run
			const kec = `svg.choropleth a.kec[data-code="36.04.15"]`
			b.login("log in", "pimpinan", chromedp.EmulateViewport(vp.width, vp.height))
			run("home with the map", chromedp.Navigate(b.ts.URL+"/"), chromedp.WaitVisible(kec))
			if n := b.str("regions", chromedp.Evaluate[string](`String(document.querySelectorAll('svg.choropleth a.kec').length)`)); n != "29" {
				t.Fatalf("%s kecamatan drawn, want 29", n)
			}
			if got := b.text("indicator", "#map-indicator"); got != "Jumlah usaha" {
				t.Fatalf("first indicator %q", got)
			}
			before := b.str("fill", chromedp.Evaluate[string](`document.querySelector('`+kec+` path').getAttribute('fill')`))
			run("switch to the trained share",
				chromedp.Click(`.map-switch a[data-indicator="dilatih"]`),
				chromedp.WaitVisible(`.map-switch a[data-indicator="dilatih"][aria-current]`), chromedp.WaitVisible(kec))
			if got := b.text("indicator", "#map-indicator"); got != "Pernah dilatih (%)" {
				t.Errorf("switched indicator %q", got)
			}
			if cur := b.str("current", chromedp.Evaluate[string](`document.querySelector('.map-switch a[aria-current]').dataset.indicator`)); cur != "dilatih" {
				t.Errorf("current indicator %q", cur)
			}
			// Nobody was trained: Cikande drops from the darkest step to the lightest.
			after := b.str("fill", chromedp.Evaluate[string](`document.querySelector('`+kec+` path').getAttribute('fill')`))
			if before == after || after != mapPalette[0] {
				t.Errorf("Cikande's fill %s → %s, want a change to %s", before, after, mapPalette[0])
			}
			if vp.touch {
				if w := b.str("width", chromedp.Evaluate[string](`String(document.documentElement.scrollWidth)`)); w != "360" {
					t.Errorf("home page at 360 px is %s px wide: %s", w, b.str("wide", chromedp.Evaluate[string](`[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 361).slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ')`)))
				}
				tap := `(() => { const a = document.querySelector('` + kec + `');
					a.dispatchEvent(new PointerEvent('pointerdown', {pointerType: 'touch', bubbles: true}));
					a.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true})); })()`
				run("first tap shows the figures", chromedp.Evaluate[chromedp.Void](tap),
					waitJS(`document.querySelector('#map-info h3') && document.querySelector('#map-info h3').textContent === 'Cikande'`))
				if !strings.HasSuffix(b.str("url", chromedp.Location()), "#peta") {
					t.Errorf("the first tap navigated")
				}
				run("second tap opens the list", chromedp.Evaluate[chromedp.Void](tap), chromedp.WaitVisible("#f-district"))
			} else {
				run("hover shows the figures", chromedp.Evaluate[chromedp.Void](`document.querySelector('`+kec+`').dispatchEvent(new MouseEvent('mouseenter'))`),
					waitJS(`document.querySelector('#map-info h3') && document.querySelector('#map-info h3').textContent === 'Cikande'`))
				info := b.text("figures", "#map-info")
				if !strings.Contains(info, "Usaha") || !strings.Contains(info, "Pernah dilatih") {
					t.Errorf("figures shown: %q", info)
				}
				run("a click opens the list", chromedp.Evaluate[chromedp.Void](`document.querySelector('`+kec+`').dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}))`),
					chromedp.WaitVisible("#f-district"))
			}
			if loc := b.str("list", chromedp.Location()); !strings.Contains(loc, "district=36.04.15") {
				t.Errorf("opened %s, want the Cikande list", loc)
			}
			run("the list shows Cikande's business", chromedp.WaitVisible("main"))
			if text := b.text("list", "main"); !strings.Contains(text, b.f.In.Name) || strings.Contains(text, b.f.Out.Name) {
				t.Errorf("Cikande list: %.200q", text)
			}
		})
	}
}
