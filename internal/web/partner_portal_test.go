package web

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestPartnerPortal: a mitra's pages and API list the programmes its
// partner funds and no other, and its menu offers nothing of the register.
func TestPartnerPortal(t *testing.T) {
	f := newFixture(t)
	mine, theirs := f.stage("running@a"), f.stage("running@b")
	f.stage("draft@a")

	w := f.do(request{Method: "GET", Path: "/api/v1/partner-programs", Role: "mitra"})
	var list struct {
		Items []struct {
			ID     int64 `json:"id"`
			Totals struct {
				Participants int `json:"participants"`
			} `json:"totals"`
		} `json:"items"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &list); err != nil || w.Code != s200 {
		t.Fatalf("partner-programs: %d %v %s", w.Code, err, w.Body)
	}
	if len(list.Items) != 1 || list.Items[0].ID != mine || list.Items[0].Totals.Participants != 2 {
		t.Errorf("partner-programs = %+v; want only programme %d with its 2 participants", list.Items, mine)
	}

	page := f.do(request{Method: "GET", Path: "/portal", Role: "mitra"}).Body.String()
	if !strings.Contains(page, "Program running@a") || strings.Contains(page, "Program running@b") || strings.Contains(page, "draft@a") {
		t.Errorf("portal page lists the wrong programmes: %s", page)
	}
	for _, item := range []string{`href="/usaha"`, `href="/naik-kelas"`, `href="/program"`, `href="/impor"`} {
		if strings.Contains(page, item) {
			t.Errorf("a mitra's menu offers %s", item)
		}
	}
	detail := f.do(request{Method: "GET", Path: "/portal/program/" + itoa64(mine), Role: "mitra"}).Body.String()
	if !strings.Contains(detail, "Naik kelas") || !strings.Contains(detail, "Kontribusi mitra Anda") {
		t.Errorf("portal programme page lacks its figures: %s", detail)
	}
	if w := f.do(request{Method: "GET", Path: "/portal/program/" + itoa64(theirs), Role: "mitra"}); w.Code != s404 {
		t.Errorf("another partner's programme: %d, want 404", w.Code)
	}
}
