package sqlstore

import (
	"fmt"
	"strings"
	"testing"
)

func TestOneEditMatch(t *testing.T) {
	cases := []struct {
		text, pattern, want string
		ok                  bool
	}{
		{"bandeng presto asep", "prezto", "presto", true}, // substitution
		{"emping melinjo", "melinjjo", "melinjo", true},   // extra letter in the query
		{"sari wulandari", "wulndari", "wulandari", true}, // letter missing from the query
		{"golok ciomas", "gotok", "golok", true},          // middle letter of five
		{"golok ciomas", "golok", "golok", true},          // exact
		{"emping", `em"ping`, "emping", true},
		{"emping melinjo", "empxxg", "", false}, // two edits
		{"", "golok", "", false},
		{"+6281234567890", "081234567890", "281234567890", true}, // the longest of equally close matches
	}
	for _, c := range cases {
		got, ok := OneEditMatch([]rune(c.text), []rune(c.pattern))
		if got != c.want || ok != c.ok {
			t.Errorf("OneEditMatch(%q, %q) = %q, %v; want %q, %v", c.text, c.pattern, got, ok, c.want, c.ok)
		}
	}
}

func TestTypoPhrasesSurviveOneEdit(t *testing.T) {
	// Every single-character edit of the word must leave one phrase intact.
	for _, word := range []string{"golok", "presto", "wulandari", "12345"} {
		phrases := TypoPhrases(word)
		r := []rune(word)
		var variants []string
		for i := range r {
			variants = append(variants, string(r[:i])+string(r[i+1:])) // deletion
			for _, c := range "az9" {
				variants = append(variants, string(r[:i])+string(c)+string(r[i+1:])) // substitution
				variants = append(variants, string(r[:i])+string(c)+string(r[i:]))   // insertion
			}
		}
		for _, v := range variants {
			found := false
			for _, p := range phrases {
				if strings.Contains(v, p) {
					found = true
				}
			}
			if !found {
				t.Errorf("no phrase of %q (%v) survives in %q", word, phrases, v)
			}
		}
	}
}

func TestRebindDollar(t *testing.T) {
	got := RebindDollar(`SELECT a FROM t WHERE x = ? AND y LIKE ? ESCAPE '\' AND z = '?' AND w IN (?, ?)`)
	want := `SELECT a FROM t WHERE x = $1 AND y LIKE $2 ESCAPE '\' AND z = '?' AND w IN ($3, $4)`
	if got != want {
		t.Errorf("RebindDollar =\n%s\nwant\n%s", got, want)
	}
}

func TestTokens(t *testing.T) {
	cases := map[string]string{
		"  Emping  Melinjo ": "[{[emping]} {[melinjo]}]",
		"0812-3456":          "[{[08123456 628123456]}]",
		"+62 812":            "[{[62812]}]",
		"kopi 2":             "[{[kopi]} {[2]}]",
	}
	for in, want := range cases {
		if got := fmt.Sprint(tokens(in)); got != want {
			t.Errorf("tokens(%q) = %s, want %s", in, got, want)
		}
	}
}
