package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"naikkelas/internal/auth"
	"naikkelas/internal/registry"
)

// searchSurface is one way a reader can search the register and see which
// businesses a search finds.
type searchSurface struct {
	name string
	path func(q url.Values) string
	ids  func(t *testing.T, body string) []int64
}

var listLink = regexp.MustCompile(`href="/usaha/(\d+)"`)

var searchSurfaces = []searchSurface{
	{"daftar", func(q url.Values) string { return "/usaha?" + q.Encode() }, func(t *testing.T, body string) []int64 {
		var ids []int64
		for _, m := range listLink.FindAllStringSubmatch(body, -1) {
			id, _ := strconv.ParseInt(m[1], 10, 64)
			ids = append(ids, id)
		}
		return ids
	}},
	{"api", func(q url.Values) string { return "/api/v1/businesses?" + q.Encode() }, func(t *testing.T, body string) []int64 {
		var out struct{ Items []struct{ ID int64 } }
		if err := json.Unmarshal([]byte(body), &out); err != nil {
			t.Fatalf("list JSON: %v", err)
		}
		var ids []int64
		for _, it := range out.Items {
			ids = append(ids, it.ID)
		}
		return ids
	}},
	{"ekspor", func(q url.Values) string { q.Set("format", "csv"); return "/api/v1/businesses/export?" + q.Encode() },
		func(t *testing.T, body string) []int64 {
			var ids []int64
			for _, line := range strings.Split(body, "\n")[1:] { // the first line is the header
				if id, err := strconv.ParseInt(strings.Trim(strings.SplitN(line, ";", 2)[0], `"`), 10, 64); err == nil {
					ids = append(ids, id)
				}
			}
			return ids
		}},
}

// find searches q within the twins' desa as role and returns the ids found.
func (s searchSurface) find(t *testing.T, f *fixture, role, q string) []int64 {
	t.Helper()
	w := f.do(request{Method: "GET", Path: s.path(url.Values{"q": {q}, "village": {cikandeVillage}, "per_page": {"500"}}), Role: role})
	if w.Code != s200 {
		t.Fatalf("%s: search %q as %s: status %d %.200s", s.name, q, role, w.Code, w.Body)
	}
	ids := s.ids(t, w.Body.String())
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

// TestMaskedSearchIsNoOracle replays the attack of a hostile pimpinan who
// sees NIK and phone masked (3604**********02) and rebuilt them by
// searching a known business's desa for a prefix of the hidden number,
// extending it by the digit whose search found the business. Two
// businesses differ only in NIK, birth date and phone (twins); on the
// list page, the API and the export, every digit's search must find the
// same businesses, so no digit can be told from another, and the full NIK
// or phone, or one a digit off (the typo fallback), finds nothing. An
// admin, who sees them, still finds a twin by either.
func TestMaskedSearchIsNoOracle(t *testing.T) {
	engineFixtures(t, func(t *testing.T, f *fixture) {
		twin := func(nik, birth, phone string) *registry.Business {
			b, err := f.srv.Registry.Create(context.Background(), auth.System, &registry.Business{
				Name: "Kopi Kembar", OwnerName: "Dewi Lestari", NIK: nik, OwnerGender: "P", OwnerBirthDate: birth,
				Phone: phone, VillageCode: cikandeVillage, Sector: "C", AnnualRevenue: 90_000_000})
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
		one := twin("3604155203880002", "1988-03-12", "081377712345")
		two := twin("3604156907920001", "1992-07-29", "085600011122")
		for _, s := range searchSurfaces {
			for _, secret := range []struct{ digits, shown string }{
				{one.NIK, "3604"},       // the masked NIK shows its first four digits
				{"081377712345", "081"}, // the masked phone +6281…45, as typed locally
			} {
				prefix := secret.shown
				for pos := len(prefix); pos < len(secret.digits); pos++ {
					results := map[string]bool{}
					for d := '0'; d <= '9'; d++ {
						results[fmt.Sprint(s.find(t, f, "pimpinan", prefix+string(d)))] = true
					}
					if len(results) != 1 {
						t.Fatalf("%s: searching %s? as pimpinan finds different businesses per digit %v: the digit at %d leaks",
							s.name, prefix, keys(results), pos+1)
					}
					prefix += secret.digits[pos : pos+1] // go on as if the guess had been right
				}
			}
			offByOne := one.NIK[:15] + "9"
			for _, q := range []string{one.NIK, offByOne, "081377712345", one.Phone} {
				if got := s.find(t, f, "pimpinan", q); contains64(got, one.ID) || contains64(got, two.ID) {
					t.Errorf("%s: pimpinan's search %q finds a twin %v", s.name, q, got)
				}
			}
			for _, q := range []string{one.NIK, offByOne, "081377712345"} {
				if got := s.find(t, f, "admin", q); !contains64(got, one.ID) || contains64(got, two.ID) {
					t.Errorf("%s: admin's search %q finds %v; want twin %d and not %d", s.name, q, got, one.ID, two.ID)
				}
			}
		}
		for _, srt := range []string{"nik", "phone", "owner_birth_date", "address"} {
			if w := f.do(request{Method: "GET", Path: "/api/v1/businesses?sort=" + srt, Role: "pimpinan"}); w.Code != s422 {
				t.Errorf("sort=%s: status %d, want 422", srt, w.Code)
			}
		}
	})
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func contains64(list []int64, id int64) bool {
	for _, x := range list {
		if x == id {
			return true
		}
	}
	return false
}
