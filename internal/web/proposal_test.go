package web

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
)

// An owner's change of NIB and halal status is a proposal: the register
// keeps the old values until an officer of the area approves; a second
// proposal waits for the first; a rejection carries its reason to the
// owner's Beranda; every step is in the audit log.
func TestOwnerProposalWorkflow(t *testing.T) {
	f := newFixture(t)
	path := "/api/v1/businesses/" + itoa64(f.In.ID)
	var b map[string]any
	decode(t, f, request{Method: "GET", Path: path, Role: "owner"}, 200, &b)
	oldNIB := b["nib"]
	b["nib"], b["halal_status"], b["halal_number"], b["brand"] = "9120001234567", "certified", "ID36110000123450824", "Emping Bu Siti"
	raw, _ := json.Marshal(b)
	var saved registry.Business
	decode(t, f, request{Method: "PUT", Path: path, Role: "owner", Body: string(raw)}, 200, &saved)
	if saved.NIB != oldNIB || saved.HalalStatus == "certified" || saved.Brand != "Emping Bu Siti" {
		t.Fatalf("the owner's save: nib %q halal %q brand %q (guarded fields must wait, the brand not)", saved.NIB, saved.HalalStatus, saved.Brand)
	}
	// A second proposal while the first waits is refused.
	b["version"], b["nib"] = float64(saved.Version), "9120009999999"
	raw, _ = json.Marshal(b)
	decode(t, f, request{Method: "PUT", Path: path, Role: "owner", Body: string(raw)}, 409, nil)

	var list itemList[registry.Proposal]
	decode(t, f, request{Method: "GET", Path: "/api/v1/proposals?status=pending", Role: "operator"}, 200, &list)
	if len(list.Items) != 1 || list.Items[0].Changes["nib"] != "9120001234567" || list.Items[0].Changes["halal_status"] != "certified" ||
		list.Items[0].Before["halal_status"] != "none" {
		t.Fatalf("operator's queue: %+v", list.Items)
	}
	id := itoa64(list.Items[0].ID)
	if page := f.do(request{Method: "GET", Path: "/usaha/" + itoa64(f.In.ID), Role: "operator"}).Body.String(); !strings.Contains(page, "menunggu verifikasi") ||
		!strings.Contains(page, `href="/usulan#usulan-`+id+`"`) {
		t.Errorf("the business page does not show the waiting proposal")
	}
	queue := f.do(request{Method: "GET", Path: "/usulan", Role: "operator"}).Body.String()
	if !strings.Contains(queue, "9120001234567") || !strings.Contains(queue, "Status halal") || !strings.Contains(queue, `action="/usulan/`+id+`"`) {
		t.Errorf("queue page: %.400s", queue)
	}
	decode(t, f, request{Method: "POST", Path: "/api/v1/proposals/" + id + "/decision", Role: "pimpinan", Body: `{"approve":true}`}, 403, nil)
	decode(t, f, request{Method: "POST", Path: "/api/v1/proposals/" + id + "/decision", Role: "owner", Body: `{"approve":true}`}, 403, nil)
	decode(t, f, request{Method: "POST", Path: "/api/v1/proposals/" + id + "/decision", Role: "operator", Body: `{"approve":false}`}, 422, nil)
	decode(t, f, request{Method: "POST", Path: "/api/v1/proposals/" + id + "/decision", Role: "operator", Body: `{"approve":true}`}, 200, nil)
	decode(t, f, request{Method: "POST", Path: "/api/v1/proposals/" + id + "/decision", Role: "admin", Body: `{"approve":true}`}, 409, nil)
	var after registry.Business
	decode(t, f, request{Method: "GET", Path: path, Role: "owner"}, 200, &after)
	if after.NIB != "9120001234567" || after.HalalStatus != "certified" || after.HalalNumber != "ID36110000123450824" {
		t.Fatalf("approved values not in the register: %+v", after)
	}

	// A rejected proposal tells the owner why.
	b["version"], b["nib"], b["halal_status"], b["halal_number"] = float64(after.Version), "9120007777777", "certified", "ID36110000123450824"
	raw, _ = json.Marshal(b)
	decode(t, f, request{Method: "PUT", Path: path, Role: "owner", Body: string(raw)}, 200, nil)
	decode(t, f, request{Method: "GET", Path: "/api/v1/proposals?status=pending", Role: "owner"}, 200, &list)
	if len(list.Items) != 1 {
		t.Fatalf("owner's pending proposals: %+v", list.Items)
	}
	w := f.do(request{Method: "POST", Path: "/usulan/" + itoa64(list.Items[0].ID), Role: "operator", Body: "keputusan=tolak&alasan=NIB+tidak+sesuai+dokumen+OSS"})
	if w.Code != 303 {
		t.Fatalf("reject from the queue: %d", w.Code)
	}
	home := f.do(request{Method: "GET", Path: "/", Role: "owner"}).Body.String()
	if !strings.Contains(home, "NIB tidak sesuai dokumen OSS") || !strings.Contains(home, `id="kelengkapan"`) {
		t.Errorf("owner's Beranda lacks the rejection: %.500s", home)
	}
	if entries := f.do(request{Method: "GET", Path: "/api/v1/audit?entity=proposal", Role: "admin"}).Body.String(); strings.Count(entries, `"entity":"proposal"`) != 4 {
		t.Errorf("proposal audit entries: %.600s", entries)
	}
}

// The owner's Beranda is its own business; the register's list and its
// filter panel are not for it; "Daftarkan usaha saya" is offered only when
// the business meets the programme's rules, otherwise the page says why.
func TestOwnerHomeAndEligibility(t *testing.T) {
	f := newFixture(t)
	home := f.do(request{Method: "GET", Path: "/", Role: "owner"}).Body.String()
	for _, want := range []string{f.In.Name, "Kelengkapan profil", "Belum diisi:", "Pendaftaran program", "Sertifikat", "Langkah berikutnya"} {
		if !strings.Contains(home, want) {
			t.Errorf("owner's Beranda lacks %q", want)
		}
	}
	for _, not := range []string{`class="filters`, `href="/usaha"`, "UMKM aktif"} {
		if strings.Contains(home, not) {
			t.Errorf("owner's Beranda shows %q", not)
		}
	}
	if w := f.do(request{Method: "GET", Path: "/usaha", Role: "owner"}); w.Code != 303 || w.Header().Get("Location") != "/" {
		t.Errorf("the list for an owner: %d %q", w.Code, w.Header().Get("Location"))
	}
	open := f.stage("empty") // open, no applicants, no rules the business fails
	page := f.do(request{Method: "GET", Path: "/program/" + itoa64(open), Role: "owner"}).Body.String()
	if !strings.Contains(page, "Daftarkan usaha saya") || strings.Contains(page, `id="belum-memenuhi"`) {
		t.Errorf("an eligible owner is not offered to apply: %.300s", page)
	}
	ctx := context.Background()
	strictP := &programs.Program{Name: "Kurasi ritel", Kind: programs.KindKurasi, Topics: []string{"pemasaran"},
		StartsOn: "2026-12-20", EndsOn: "2026-12-21", Capacity: 5, MaxPerDistrict: 5, MinDistricts: 1,
		Eligibility: programs.Eligibility{Sectors: []string{"G"}}}
	if _, err := f.srv.Programs.Create(ctx, auth.System, strictP); err != nil {
		t.Fatal(err)
	}
	if _, err := f.srv.Programs.Move(ctx, auth.System, strictP.ID, programs.StatusOpen); err != nil {
		t.Fatal(err)
	}
	strict := strictP.ID
	page = f.do(request{Method: "GET", Path: "/program/" + itoa64(strict), Role: "owner"}).Body.String()
	if strings.Contains(page, "Daftarkan usaha saya") || !strings.Contains(page, `id="belum-memenuhi"`) {
		t.Errorf("an ineligible owner is offered to apply or not told why: %.600s", page)
	}
}
