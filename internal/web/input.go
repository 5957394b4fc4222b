package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"naikkelas/internal/apperr"
)

// Input text hygiene, in one place. Every text a request carries (path
// values, query parameters, form fields, multipart fields and JSON strings)
// must be UTF-8 without NUL: PostgreSQL refuses both in a text value (the
// request failed with 500), SQLite would store them, and no field of
// naikkelas has a use for them. Breaking the rule is a 422 whose message
// names the fields, before any handler sees the input: checkInput runs for
// every route (wrap), decodeJSON checks JSON bodies and readUploadForm the
// text fields of uploads.

// badTextMessage is the per-field message of a text that breaks the rule.
const badTextMessage = "Berisi karakter NUL atau teks yang bukan UTF-8"

// cleanText reports whether s is UTF-8 without NUL bytes.
func cleanText(s string) bool { return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 }

// badText is the 422 for the named fields (their names made printable).
func badText(fields map[string]string) error {
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	slices.Sort(names)
	return &apperr.Error{Code: apperr.Invalid, Fields: fields,
		Message: fmt.Sprintf("Teks tidak valid pada isian %s: berisi karakter NUL atau bukan UTF-8", strings.Join(names, ", "))}
}

// fieldName makes a parameter name safe to echo in a message.
func fieldName(k string) string {
	return strings.ToValidUTF8(strings.ReplaceAll(k, "\x00", "\uFFFD"), "\uFFFD")
}

// checkValues adds to bad every key of v whose name or values break the rule.
func checkValues(bad map[string]string, v url.Values) {
	for k, vals := range v {
		ok := cleanText(k)
		for _, s := range vals {
			ok = ok && cleanText(s)
		}
		if !ok {
			bad[fieldName(k)] = badTextMessage
		}
	}
}

// wildcards returns the names of a route pattern's wildcards ({id},
// {file...}), whose values checkInput checks too.
func wildcards(pattern string) []string {
	var out []string
	for _, seg := range strings.Split(pattern, "/") {
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") && seg != "{$}" {
			out = append(out, strings.TrimSuffix(strings.Trim(seg, "{}"), "..."))
		}
	}
	return out
}

// checkInput checks the path values, the query string and an urlencoded
// form body of r (which it parses, bounded by the body limit, so that
// handlers find r.PostForm ready).
func checkInput(r *http.Request, pathNames []string) error {
	bad := map[string]string{}
	for _, name := range pathNames {
		if !cleanText(r.PathValue(name)) {
			bad[name] = badTextMessage
		}
	}
	checkValues(bad, r.URL.Query())
	if isFormBody(r) {
		if err := r.ParseForm(); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return errBodyTooLarge
			}
			return apperr.Wrap(apperr.Invalid, err, "Formulir tidak dapat dibaca")
		}
		checkValues(bad, r.PostForm)
	}
	if len(bad) > 0 {
		return badText(bad)
	}
	return nil
}

// isFormBody reports whether r carries an urlencoded form body.
func isFormBody(r *http.Request) bool {
	switch r.Method {
	case http.MethodPost, http.MethodPut, http.MethodPatch:
		return strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded")
	}
	return false
}

// checkJSONText finds the strings (keys and values) of a JSON document that
// break the rule, named by their path the way form fields are named
// (products.0.name). A document that is not valid JSON is left to the
// decoder to report.
func checkJSONText(raw []byte) error {
	if utf8.Valid(raw) && !bytes.Contains(raw, []byte(`\u0000`)) {
		return nil // nothing to find; the walk below is for the rare bad body
	}
	type frame struct {
		array   bool
		index   int
		key     string
		wantKey bool
	}
	var stack []frame
	path := func() string {
		parts := make([]string, len(stack))
		for i, f := range stack {
			if f.array {
				parts[i] = strconv.Itoa(f.index)
			} else {
				parts[i] = fieldName(f.key)
			}
		}
		if len(parts) == 0 {
			return "body"
		}
		return strings.Join(parts, ".")
	}
	advance := func() {
		if n := len(stack); n > 0 {
			if stack[n-1].array {
				stack[n-1].index++
			} else {
				stack[n-1].wantKey = true
			}
		}
	}
	bad := map[string]string{}
	dec := json.NewDecoder(bytes.NewReader(raw))
	var prev int64
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		end := dec.InputOffset()
		span := raw[prev:end] // the token with the separators before it
		prev = end
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' || v == '[' {
				stack = append(stack, frame{array: v == '[', wantKey: v == '{'})
				continue
			}
			stack = stack[:len(stack)-1]
			advance()
		case string:
			n := len(stack)
			isKey := n > 0 && !stack[n-1].array && stack[n-1].wantKey
			if isKey {
				stack[n-1].key, stack[n-1].wantKey = v, false
			}
			if !cleanText(v) || !utf8.Valid(span) {
				bad[path()] = badTextMessage
			}
			if !isKey {
				advance()
			}
		default:
			advance()
		}
	}
	if len(bad) > 0 {
		return badText(bad)
	}
	return nil
}
