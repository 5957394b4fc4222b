package importer

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

	"naikkelas/internal/region"
)

// RegionMatcher finds the village (desa) of a row from what the file says
// about its desa and kecamatan: a Kemendagri code or a name, in any case,
// with or without prefixes such as "Kec." or "Ds.", and with small spelling
// variants ("Puloampel", "Lebakwangi"). It only knows the regions inside the
// instance's jurisdiction. It is safe for concurrent use.
type RegionMatcher struct {
	dir          *region.Directory
	jurisdiction string
	districts    []region.Region
	distByName   map[string][]region.Region
	villByName   map[string][]region.Region // all villages of the jurisdiction
	villByDist   map[string][]region.Region // district code → villages

	mu    sync.Mutex
	cache map[[2]string]regionResult
}

type regionResult struct {
	code   string
	reason string
	note   string // a name read by its closest spelling: a warning for the row
}

// NewRegionMatcher indexes the districts and villages inside jurisdiction
// ("" = all Indonesia).
func NewRegionMatcher(dir *region.Directory, jurisdiction string) *RegionMatcher {
	m := &RegionMatcher{dir: dir, jurisdiction: jurisdiction, distByName: map[string][]region.Region{},
		villByName: map[string][]region.Region{}, villByDist: map[string][]region.Region{}, cache: map[[2]string]regionResult{}}
	m.districts = dir.Districts(jurisdiction)
	for _, d := range m.districts {
		m.distByName[normPlace(d.Name)] = append(m.distByName[normPlace(d.Name)], d)
	}
	for _, v := range dir.Villages(jurisdiction) {
		m.villByName[normPlace(v.Name)] = append(m.villByName[normPlace(v.Name)], v)
		m.villByDist[v.Parent] = append(m.villByDist[v.Parent], v)
	}
	if r, ok := dir.Get(jurisdiction); ok && r.Level == region.District {
		m.districts = []region.Region{r}
		m.distByName[normPlace(r.Name)] = []region.Region{r}
	}
	return m
}

var placePrefixes = []string{"kecamatan", "kec", "kelurahan", "kel", "desa", "ds", "kampung", "kp"}

// normPlace folds a place name for comparison: lower case, without a
// leading "Kec."/"Desa"/"Ds."/"Kel." and without spaces or punctuation.
func normPlace(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, p := range placePrefixes {
		if rest, ok := strings.CutPrefix(s, p); ok && (rest == "" || rest[0] == '.' || rest[0] == ' ') {
			s = strings.TrimLeft(rest, ". ")
			break
		}
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isCode reports whether s looks like a dotted Kemendagri code.
func isCode(s string) bool {
	return len(s) >= 2 && strings.Trim(s, "0123456789.") == "" && s[0] != '.'
}

// Match returns the village code for a row's desa and kecamatan cells, or
// an Indonesian reason naming the candidates when it is unknown or ambiguous.
func (m *RegionMatcher) Match(desa, kec string) (string, error) {
	code, _, err := m.MatchNote(desa, kec)
	return code, err
}

// MatchNote is Match that also returns a note when a name was read by its
// closest spelling ("Desa \"Nambo Udk\" dibaca sebagai Nambo Udik"), for
// the officer to check.
func (m *RegionMatcher) MatchNote(desa, kec string) (string, string, error) {
	desa, kec = strings.TrimSpace(desa), strings.TrimSpace(kec)
	key := [2]string{desa, kec}
	m.mu.Lock()
	r, ok := m.cache[key]
	m.mu.Unlock()
	if !ok {
		r = m.match(desa, kec)
		m.mu.Lock()
		if len(m.cache) < 200_000 {
			m.cache[key] = r
		}
		m.mu.Unlock()
	}
	if r.reason != "" {
		return "", "", fmt.Errorf("%s", r.reason)
	}
	return r.code, r.note, nil
}

// DistrictNamed returns the kecamatan of the jurisdiction that name spells
// exactly (case, spaces and a "Kec." prefix aside), as a sheet names it.
func (m *RegionMatcher) DistrictNamed(name string) (string, bool) {
	if rs := m.distByName[normPlace(name)]; len(rs) == 1 && normPlace(name) != "" {
		return rs[0].Name, true
	}
	return "", false
}

// differentDistricts reports whether two kecamatan names are known to differ: both
// resolve, to different kecamatan.
func (m *RegionMatcher) differentDistricts(a, b string) bool {
	da, r1 := m.district(a)
	db, r2 := m.district(b)
	return r1 == "" && r2 == "" && da.Code != db.Code
}

func (m *RegionMatcher) match(desa, kec string) regionResult {
	var dist *region.Region
	note := ""
	if kec != "" {
		d, reason := m.district(kec)
		if reason != "" {
			return regionResult{reason: reason}
		}
		dist = &d
		if !isCode(kec) && normPlace(kec) != normPlace(d.Name) {
			note = fmt.Sprintf("Kecamatan %q dibaca sebagai %s", kec, d.Name)
		}
	}
	if desa == "" {
		return regionResult{reason: "Desa wajib diisi"}
	}
	if isCode(desa) {
		v, ok := m.dir.Get(desa)
		switch {
		case !ok || v.Level != region.Village:
			return regionResult{reason: fmt.Sprintf("Kode desa %s tidak dikenal (kode Kemendagri, mis. 36.04.15.2001)", desa)}
		case !region.Within(v.Code, m.jurisdiction):
			return regionResult{reason: fmt.Sprintf("Desa %s (%s) di luar wilayah instansi ini", v.Name, v.Code)}
		case dist != nil && v.Parent != dist.Code:
			return regionResult{reason: fmt.Sprintf("Desa %s (%s) tidak berada di Kecamatan %s", v.Name, v.Code, dist.Name)}
		}
		return regionResult{code: v.Code}
	}
	pool := m.villByName
	if dist != nil {
		pool = map[string][]region.Region{}
		for _, v := range m.villByDist[dist.Code] {
			pool[normPlace(v.Name)] = append(pool[normPlace(v.Name)], v)
		}
	}
	cands := lookupFuzzy(pool, normPlace(desa))
	where := ""
	if dist != nil {
		where = " di Kecamatan " + dist.Name
	}
	switch {
	case len(cands) == 1:
		if normPlace(desa) != normPlace(cands[0].Name) {
			note = joinNotes(note, fmt.Sprintf("Desa %q dibaca sebagai %s", desa, cands[0].Name))
		}
		return regionResult{code: cands[0].Code, note: note}
	case len(cands) == 0:
		return regionResult{reason: fmt.Sprintf("Desa %q tidak ditemukan%s", desa, where)}
	}
	names := make([]string, len(cands))
	for i, c := range cands {
		names[i] = fmt.Sprintf("%s (Kec. %s, %s)", c.Name, m.dir.Name(c.Parent), c.Code)
	}
	hint := "; isi kolom Kecamatan untuk membedakannya"
	if dist != nil {
		hint = ""
	}
	return regionResult{reason: fmt.Sprintf("Desa %q ambigu: %s%s", desa, strings.Join(names, ", "), hint)}
}

func (m *RegionMatcher) district(kec string) (region.Region, string) {
	if isCode(kec) {
		d, ok := m.dir.Get(kec)
		switch {
		case !ok || d.Level != region.District:
			return region.Region{}, fmt.Sprintf("Kode kecamatan %s tidak dikenal (kode Kemendagri, mis. 36.04.15)", kec)
		case !region.Within(d.Code, m.jurisdiction) && !region.Within(m.jurisdiction, d.Code):
			return region.Region{}, fmt.Sprintf("Kecamatan %s (%s) di luar wilayah instansi ini", d.Name, d.Code)
		}
		return d, ""
	}
	cands := lookupFuzzy(m.distByName, normPlace(kec))
	switch len(cands) {
	case 1:
		return cands[0], ""
	case 0:
		return region.Region{}, fmt.Sprintf("Kecamatan %q tidak ditemukan di wilayah instansi ini", kec)
	}
	names := make([]string, len(cands))
	for i, c := range cands {
		names[i] = fmt.Sprintf("%s (%s)", c.Name, c.Code)
	}
	return region.Region{}, fmt.Sprintf("Kecamatan %q ambigu: %s", kec, strings.Join(names, ", "))
}

func joinNotes(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// lookupFuzzy returns the regions whose normalised name equals key, or else
// those at the smallest edit distance within a tolerance that grows with
// the name's length (0 up to 4 letters, 1 up to 8, then 2).
func lookupFuzzy(pool map[string][]region.Region, key string) []region.Region {
	if key == "" {
		return nil
	}
	if rs, ok := pool[key]; ok {
		return rs
	}
	tol := 2
	switch {
	case len(key) <= 4:
		return nil
	case len(key) <= 8:
		tol = 1
	}
	best, bestD := []region.Region(nil), tol+1
	for name, rs := range pool {
		d := editDistance(key, name, tol+1)
		if d < bestD {
			best, bestD = append([]region.Region(nil), rs...), d
		} else if d == bestD && d <= tol {
			best = append(best, rs...)
		}
	}
	sort.Slice(best, func(i, j int) bool { return best[i].Code < best[j].Code })
	return best
}

// editDistance is the Levenshtein distance of a and b, or any value ≥ limit
// once it is known to reach limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// District returns the kecamatan code for a kecamatan cell (code or name),
// for callers that know no desa: record linkage then compares by
// kecamatan.
func (m *RegionMatcher) District(kec string) (string, error) {
	d, reason := m.district(strings.TrimSpace(kec))
	if reason != "" {
		return "", fmt.Errorf("%s", reason)
	}
	return d.Code, nil
}
