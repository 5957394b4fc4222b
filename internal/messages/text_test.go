package messages

import (
	"net/url"
	"strings"
	"testing"
)

func TestWhatsAppLink(t *testing.T) {
	link, problem := WhatsAppLink("+6281234567890", "Yth. Bu Siti & keluarga, 100% siap?")
	if problem != "" || !strings.HasPrefix(link, "https://wa.me/6281234567890?text=") {
		t.Fatalf("link %q problem %q", link, problem)
	}
	u, err := url.Parse(link)
	if err != nil || u.Query().Get("text") != "Yth. Bu Siti & keluarga, 100% siap?" || strings.Contains(link, "+") {
		t.Errorf("text does not survive the link: %q (%v)", link, err)
	}
	for phone, want := range map[string]string{"": "belum tercatat", "+62254281234": "bukan nomor seluler", "+62812": "bukan nomor seluler"} {
		if link, problem := WhatsAppLink(phone, "x"); link != "" || !strings.Contains(problem, want) {
			t.Errorf("%q: link %q problem %q", phone, link, problem)
		}
	}
}

func TestCheckBody(t *testing.T) {
	k, _ := kindOf(KindPermitExpiring)
	for body, want := range map[string]string{
		"{pemilik}, {izin} {nomor} berakhir {tanggal}. {dinas}": "",
		"":                             "wajib",
		"{izin} untuk {program}":       "{program} tidak dikenal",
		strings.Repeat("a", maxBody+1): "terlalu panjang",
	} {
		if got := checkBody(k, body); (want == "") != (got == "") || !strings.Contains(got, want) {
			t.Errorf("checkBody(%.30q) = %q, want %q", body, got, want)
		}
	}
	for _, k := range kinds {
		if msg := checkBody(k, k.Body); msg != "" {
			t.Errorf("built-in %s: %s", k.Key, msg)
		}
	}
	if got := fill("{usaha} · {nomor} · {lain}", map[string]string{"usaha": "Emping", "nomor": "123"}); got != "Emping · 123 · {lain}" {
		t.Errorf("fill = %q", got)
	}
}

// FuzzTemplate: whatever an admin types, checking and filling it never
// panics, an accepted body names only known placeholders, and a filled text
// keeps every character that is not a placeholder.
func FuzzTemplate(f *testing.F) {
	f.Add("Yth. {pemilik}, {izin} berakhir {tanggal}.")
	f.Add("{bank} {{usaha}} {")
	f.Fuzz(func(t *testing.T, body string) {
		k, _ := kindOf(KindPermitExpiring)
		if checkBody(k, body) == "" {
			for _, m := range placeholder.FindAllStringSubmatch(body, -1) {
				if m[1] == "bank" {
					t.Fatalf("accepted {bank} in %q", body)
				}
			}
		}
		if !strings.ContainsAny(body, "{}") && fill(body, map[string]string{"usaha": "x"}) != body {
			t.Fatalf("fill changed %q", body)
		}
		if link, _ := WhatsAppLink("+6281234567890", body); link != "" {
			u, err := url.Parse(link)
			if err != nil || u.Query().Get("text") != body {
				t.Fatalf("text %q does not survive the link %q", body, link)
			}
		}
	})
}
