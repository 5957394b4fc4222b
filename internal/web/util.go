package web

import (
	"bytes"
	"io"
	"net/http"
	"strconv"

	"naikkelas/internal/apperr"
)

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

// pathID reads the {id} path value as a positive integer. Anything else is
// NotFound: there is no such record.
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.New(apperr.NotFound, "Data tidak ditemukan")
	}
	return id, nil
}

// parseForm parses a form body. wrap (checkInput) has parsed it for every
// route already; a handler still asks, so that it never reads half a form.
func parseForm(r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return apperr.Wrap(apperr.Invalid, err, "Formulir tidak dapat dibaca")
	}
	return nil
}

// formPathID reads the {id} of a form's route and parses the form.
func formPathID(r *http.Request) (int64, error) {
	id, err := pathID(r)
	if err != nil {
		return 0, err
	}
	return id, parseForm(r)
}

// queryID reads an optional record id from the query: 0 when absent, 422
// naming what the id is of ("mitra", "program") when it is not one.
func queryID(r *http.Request, name, of string) (int64, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.Validation(map[string]string{name: "ID " + of + " harus bilangan bulat positif"})
	}
	return id, nil
}

// queryPage reads a list's page and per_page (1 and perPage when absent).
func queryPage(r *http.Request, perPage int) (page, per int, err error) {
	if page, err = queryInt(r, "page", 1); err != nil {
		return 0, 0, err
	}
	per, err = queryInt(r, "per_page", perPage)
	return page, per, err
}

// queryInt reads an optional positive integer query parameter; def when absent.
func queryInt(r *http.Request, name string, def int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, &apperr.Error{Code: apperr.Invalid, Message: "Parameter tidak valid",
			Fields: map[string]string{name: "Harus bilangan bulat positif"}}
	}
	return n, nil
}

// servePDF renders a PDF into memory first, so that a failure is still an
// error page, then serves it inline as name (without ".pdf").
func servePDF(w http.ResponseWriter, name string, render func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="`+name+`.pdf"`)
	_, _ = buf.WriteTo(w)
	return nil
}
