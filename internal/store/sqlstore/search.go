package sqlstore

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Search tuning. A query word of FuzzyMin or more characters tolerates one
// typo when the exact substring search finds nothing: up to FuzzySample
// candidate rows are read to find its corrections, of which at most
// MaxCorrections are searched.
const (
	FuzzyMin       = 5
	FuzzySample    = 2000
	MaxCorrections = 20
)

// Terms is a search as an engine runs it: every group must match, by any of
// its alternatives, in one of the searched columns. Personal adds the
// personal columns (NIK, phone) to the public ones (name, brand, owner name,
// NIB); it is registry.Filter.Personal, set only for readers who see them.
type Terms struct {
	Groups   [][]string
	Personal bool
}

// Searched columns of businesses: PublicSearchColumns for every reader, and
// PersonalSearchColumns too for a reader who sees personal data unmasked.
var (
	PublicSearchColumns   = []string{"name", "brand", "owner_name", "nib"}
	PersonalSearchColumns = []string{"nik", "phone"}
)

// Columns returns the columns t searches.
func (t Terms) Columns() []string {
	if t.Personal {
		return append(append([]string{}, PublicSearchColumns...), PersonalSearchColumns...)
	}
	return PublicSearchColumns
}

// token is one search word with its alternative spellings (a phone number
// typed as 08… also matches the stored +628…).
type token struct {
	alts []string
}

func (t token) long() bool { return utf8.RuneCountInString(t.alts[0]) >= 3 }

// tokens splits a query into lower-case words. A query that looks like a
// phone number is one token of its digits.
func tokens(raw string) []token {
	raw = strings.ToLower(strings.TrimSpace(raw))
	if d, ok := phoneDigits(raw); ok {
		t := token{alts: []string{d}}
		if strings.HasPrefix(d, "0") && len(d) > 1 {
			t.alts = append(t.alts, "62"+d[1:])
		}
		return []token{t}
	}
	var out []token
	for _, f := range strings.Fields(raw) {
		out = append(out, token{alts: []string{f}})
	}
	return out
}

// phoneDigits returns the digits of s when s holds only digits and phone
// punctuation and at least 3 digits.
func phoneDigits(s string) (string, bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' || r == ' ' || r == '-' || r == '.' || r == '(' || r == ')':
		default:
			return "", false
		}
	}
	return b.String(), b.Len() >= 3
}

// addSearch adds the search condition for raw to w, over the public
// columns and, when personal, the personal ones. Words of 3+ characters are
// substring matches through the engine's trigram index (all words must
// match); a query of only shorter words is a prefix match. When nothing
// matches and a word has FuzzyMin+ characters, the words are corrected (see
// corrections) and searched again, exactly.
func addSearch(ctx context.Context, q *Runner, w *Where, raw string, archived, personal bool) error {
	terms := Terms{Personal: personal}
	var fuzzy bool
	toks := tokens(raw)
	for _, t := range toks {
		if t.long() {
			terms.Groups = append(terms.Groups, t.alts)
			fuzzy = fuzzy || utf8.RuneCountInString(t.alts[0]) >= FuzzyMin
		}
	}
	if len(terms.Groups) == 0 {
		addPrefix(q, w, raw, personal)
		return nil
	}
	cond, args := q.Dialect.SearchAll(terms, archived)
	if fuzzy {
		var found int
		probeSQL := `SELECT COUNT(*) FROM (SELECT 1 FROM businesses b WHERE ` + w.SQL() + ` AND ` + cond + ` LIMIT 1) x`
		probe := append(append([]any{}, w.Args...), args...)
		if planner, ok := q.Dialect.(SearchPlanner); ok && !archived {
			// Walk the index's matches, stopping at the first that passes
			// the other conditions, rather than materialising them all.
			from, _, fromArgs := planner.SearchJoin(terms)
			probeSQL = `SELECT COUNT(*) FROM (SELECT 1 FROM ` + from + ` WHERE ` + w.SQL() + ` LIMIT 1) x`
			probe = append(fromArgs, w.Args...)
		}
		if err := q.QueryRow(ctx, probeSQL, probe...).Scan(&found); err != nil {
			return fmt.Errorf("search probe: %w", err)
		}
		if found == 0 {
			var err error
			if terms.Groups, err = corrections(ctx, q, *w, toks, archived, personal); err != nil {
				return err
			}
			cond, args = q.Dialect.SearchAll(terms, archived)
		}
	}
	w.Add(cond, args...)
	w.search = &searchPart{terms: terms, cond: len(w.Conds) - 1, argFrom: len(w.Args) - len(args), argTo: len(w.Args)}
	return nil
}

// addPrefix adds the search of a query of only short words: a prefix of
// the name, brand, owner name or NIB, or, when personal, of the NIK.
func addPrefix(q *Runner, w *Where, raw string, personal bool) {
	p := likeEscape(strings.ToLower(strings.TrimSpace(raw))) + "%"
	op := q.Dialect.ILike()
	matches := []string{"b.name " + op, "b.brand " + op, "b.owner_name " + op, "b.nib LIKE"}
	if personal {
		matches = append(matches, "b.nik LIKE")
	}
	ors := make([]string, len(matches))
	args := make([]any, len(matches))
	for i, m := range matches {
		ors[i], args[i] = m+` ? ESCAPE '\'`, p
	}
	w.Add("("+strings.Join(ors, " OR ")+")", args...)
}

// likeEscape escapes LIKE wildcards with backslash (used with ESCAPE '\').
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// corrections returns the search groups with, for every word of FuzzyMin+
// characters, the spellings within one edit that the data actually holds in
// the searched columns (personal ones only when personal). The engine's
// index proposes up to FuzzySample candidate rows per word (the rows
// holding one of its TypoPhrases, within the other conditions of base); the
// substrings of their fields within one edit of the word are its
// corrections (at most MaxCorrections, the most frequent). The corrected
// search is then an exact one, so its results and total are as complete and
// fast as any search.
func corrections(ctx context.Context, q *Runner, base Where, toks []token, archived, personal bool) ([][]string, error) {
	var groups [][]string
	for _, t := range toks {
		if !t.long() {
			continue
		}
		group := append([]string{}, t.alts...)
		var fuzzyAlts [][]rune
		typo := Terms{Groups: [][]string{nil}, Personal: personal}
		for _, a := range t.alts {
			if utf8.RuneCountInString(a) >= FuzzyMin {
				typo.Groups[0] = append(typo.Groups[0], TypoPhrases(a)...)
				fuzzyAlts = append(fuzzyAlts, []rune(a))
			}
		}
		if len(fuzzyAlts) > 0 {
			w := Where{Conds: append([]string{}, base.Conds...), Args: append([]any{}, base.Args...)}
			from, fromArgs := "businesses b", []any(nil)
			if planner, ok := q.Dialect.(SearchPlanner); ok && !archived {
				// Walk the index's rows holding a phrase, stopping at
				// FuzzySample, rather than materialising them all.
				from, _, fromArgs = planner.SearchJoin(typo)
			} else {
				cond, args := q.Dialect.SearchAll(typo, archived)
				w.Add(cond, args...)
			}
			found, err := typoCandidates(ctx, q, from, append(fromArgs, w.Args...), w.SQL(), typo.Columns(), fuzzyAlts)
			if err != nil {
				return nil, err
			}
			group = append(group, found...)
		}
		groups = append(groups, group)
	}
	return groups, nil
}

// typoCandidates reads up to FuzzySample candidate rows (FROM from WHERE
// where, with args) and collects the substrings of their columns cols
// within one edit of any of words, most frequent first.
func typoCandidates(ctx context.Context, q *Runner, from string, args []any, where string, cols []string, words [][]rune) ([]string, error) {
	rows, err := q.Query(ctx, `SELECT b.`+strings.Join(cols, ", b.")+` FROM `+from+`
		WHERE `+where+` LIMIT ?`, append(args, FuzzySample)...)
	if err != nil {
		return nil, fmt.Errorf("search candidates: %w", err)
	}
	defer rows.Close()
	// A field within one edit of a word holds one of its TypoPhrases intact:
	// checking that first spares the edit-distance scan of most fields.
	phrases := make([][]string, len(words))
	for i, word := range words {
		phrases[i] = TypoPhrases(string(word))
	}
	counts := map[string]int{}
	fields := make([]string, len(cols))
	dest := make([]any, len(cols))
	for i := range fields {
		dest[i] = &fields[i]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		for _, f := range fields {
			lower := strings.ToLower(f)
			var text []rune
			for i, word := range words {
				if !containsAny(lower, phrases[i]) {
					continue
				}
				if text == nil {
					text = []rune(lower)
				}
				if m, ok := OneEditMatch(text, word); ok {
					counts[m]++
				}
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]string, 0, len(counts))
	for m := range counts {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool {
		if counts[out[i]] != counts[out[j]] {
			return counts[out[i]] > counts[out[j]]
		}
		return out[i] < out[j]
	})
	if len(out) > MaxCorrections {
		out = out[:MaxCorrections]
	}
	return out, nil
}

// containsAny reports whether s holds any of subs.
func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// TypoPhrases returns substrings of word (5+ characters) of which at least
// one occurs intact in any text holding word with one edit: one edit leaves
// one half of a word of 6+ characters intact; for 5 characters the phrases
// are its first and last three letters plus every substitution or deletion
// of the middle letter. A substring index can thus find typo candidates.
func TypoPhrases(word string) []string {
	r := []rune(word)
	n := len(r)
	if n >= 6 {
		return []string{string(r[:n/2]), string(r[n/2:])}
	}
	out := []string{string(r[:3]), string(r[2:]), string(r[:2]) + string(r[3:])}
	for _, c := range "abcdefghijklmnopqrstuvwxyz0123456789" {
		if c != r[2] {
			out = append(out, string(r[:2])+string(c)+string(r[3:]))
		}
	}
	return out
}

// OneEditMatch finds the substring of text closest to pattern when it is at
// most one insertion, deletion or substitution away (Sellers' algorithm,
// tracking where each match starts). Among equally close matches it returns
// the longest.
func OneEditMatch(text, pattern []rune) (string, bool) {
	m := len(pattern)
	if m == 0 {
		return "", false
	}
	prevD, curD := make([]int, m+1), make([]int, m+1)
	prevS, curS := make([]int, m+1), make([]int, m+1)
	for i := range prevD {
		prevD[i] = i
	}
	var best []rune
	bestD := 2
	for j := 1; j <= len(text); j++ {
		c := text[j-1]
		curD[0], curS[0] = 0, j
		for i := 1; i <= m; i++ {
			cost := 1
			if pattern[i-1] == c {
				cost = 0
			}
			d, st := prevD[i-1]+cost, prevS[i-1] // substitution or match
			if prevD[i]+1 < d {
				d, st = prevD[i]+1, prevS[i] // extra character in text
			}
			if curD[i-1]+1 < d {
				d, st = curD[i-1]+1, curS[i-1] // character missing from text
			}
			curD[i], curS[i] = d, st
		}
		if d := curD[m]; d <= 1 && j > curS[m] {
			if cand := text[curS[m]:j]; d < bestD || (d == bestD && len(cand) > len(best)) {
				best, bestD = cand, d
			}
		}
		prevD, curD = curD, prevD
		prevS, curS = curS, prevS
	}
	return string(best), bestD <= 1 && len(best) >= 3
}
