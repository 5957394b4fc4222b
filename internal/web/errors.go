package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
)

var (
	errNotFoundPage = apperr.New(apperr.NotFound, "Halaman tidak ditemukan")
	errCrossOrigin  = apperr.New(apperr.Forbidden, "Permintaan lintas situs ditolak (perlindungan CSRF)")
	errBodyTooLarge = apperr.New(apperr.TooLarge, "Isi permintaan terlalu besar")
)

// statusOf maps an apperr code to its HTTP status. It is the only place
// where domain errors become statuses.
func statusOf(code apperr.Code) int {
	if st, ok := statusOfCode[code]; ok {
		return st
	}
	return http.StatusInternalServerError
}

var statusOfCode = map[apperr.Code]int{
	apperr.Invalid: http.StatusUnprocessableEntity, apperr.Conflict: http.StatusConflict,
	apperr.NotFound: http.StatusNotFound, apperr.Forbidden: http.StatusForbidden,
	apperr.Unauthorized: http.StatusUnauthorized, apperr.TooLarge: http.StatusRequestEntityTooLarge,
	apperr.TooManyRequests: http.StatusTooManyRequests,
}

// errorBody is the JSON shape of every API error.
type errorBody struct {
	Error  string            `json:"error"`
	Fields map[string]string `json:"fields,omitempty"`
}

// fail answers a request with err: JSON for the API (or a client asking
// for JSON), an HTML page otherwise. Internal errors are logged here, once,
// and the user sees only a generic message.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		err = errBodyTooLarge
	}
	if apperr.CodeOf(err) == apperr.Internal && s.Store != nil {
		err = s.Store.MapError(err) // e.g. a read that waited too long for a bulk import's lock
	}
	code := apperr.CodeOf(err)
	status := statusOf(code)
	if status == http.StatusInternalServerError {
		s.Logger.LogAttrs(r.Context(), slog.LevelError, "internal error",
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("error", err.Error()))
	}
	msg := apperr.MessageOf(err)
	if wantsJSON(r) {
		writeJSON(w, status, errorBody{Error: msg, Fields: apperr.FieldsOf(err)})
		return
	}
	if status == http.StatusUnauthorized {
		s.redirectToLogin(w, r)
		return
	}
	var fields []string
	given := apperr.FieldsOf(err)
	for _, k := range slices.Sorted(maps.Keys(given)) {
		fields = append(fields, given[k])
	}
	if fields != nil && msg == apperr.ValidationMessage {
		msg = errorFieldsMessage // the page lists the fields; nothing on it is marked
	}
	s.render(w, r, status, "error", page{Title: titleFor(status), Data: errorPage{Status: status, Message: msg, Fields: fields}})
}

// errorFieldsMessage heads the list of wrong fields on the error page.
const errorFieldsMessage = "Data tidak valid. Perbaiki hal berikut, lalu coba lagi:"

type errorPage struct {
	Status  int
	Message string
	Fields  []string // what is wrong with each field, for a form sent from a page
}

func titleFor(status int) string {
	if t, ok := errorTitles[status]; ok {
		return t
	}
	return "Permintaan tidak dapat diproses"
}

var errorTitles = map[int]string{http.StatusNotFound: "Tidak ditemukan", http.StatusForbidden: "Akses ditolak",
	http.StatusTooManyRequests: "Terlalu banyak percobaan", http.StatusInternalServerError: "Kesalahan server"}

// wantsJSON: the API answers in JSON, unless a person's browser opened it
// as a page (a PDF button or form of the web pages), who reads the error
// as a page; any client asking for JSON gets JSON.
func wantsJSON(r *http.Request) bool {
	if strings.Contains(r.Header.Get("Accept"), "application/json") {
		return true
	}
	return isAPI(r) && r.Header.Get("Sec-Fetch-Dest") != "document"
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// decodeJSON reads one JSON value from the (size-limited) body into v. Bad
// JSON is a 422 with a message that says where; an oversized body is a 413.
// Its strings must be UTF-8 without NUL (checkJSONText).
func decodeJSON(r *http.Request, v any) error {
	raw, err := io.ReadAll(r.Body)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return errBodyTooLarge
	} else if err != nil {
		return apperr.Wrap(apperr.Invalid, err, "Isi permintaan tidak dapat dibaca")
	}
	if err := checkJSONText(raw); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(v); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		var own *apperr.Error // a domain type's UnmarshalJSON says what is wrong
		switch {
		case errors.As(err, &own):
			return own
		case errors.As(err, &se):
			return apperr.Wrap(apperr.Invalid, err, "JSON tidak valid: kesalahan sintaks di posisi "+strconv.FormatInt(se.Offset, 10))
		case errors.As(err, &te):
			f := te.Field
			if f == "" {
				return apperr.Wrap(apperr.Invalid, err, "JSON tidak valid: isi harus berupa objek")
			}
			return &apperr.Error{Code: apperr.Invalid, Err: err, Message: "JSON tidak valid: jenis nilai salah",
				Fields: map[string]string{f: "Jenis nilai salah (diharapkan " + te.Type.String() + ")"}}
		case errors.Is(err, io.EOF):
			return apperr.Wrap(apperr.Invalid, err, "Isi permintaan kosong: kirim objek JSON")
		}
		return apperr.Wrap(apperr.Invalid, err, "JSON tidak valid")
	}
	if dec.More() {
		return apperr.New(apperr.Invalid, "JSON tidak valid: ada data setelah objek")
	}
	return nil
}
