package web

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/office"
)

// officeOf returns the office's identity for a page. A failure to read it
// is logged and the defaults are printed: no page fails for its footer.
func (s *Server) officeOf(r *http.Request) *office.Identity {
	if s.Office == nil {
		return &office.Identity{Agency: office.DefaultAgency}
	}
	id, err := s.Office.Get(r.Context())
	if err != nil {
		s.Logger.Error("office identity", "error", err.Error())
		return s.Office.Defaults()
	}
	return id
}

type officeForm struct {
	ID     *office.Identity
	Errors map[string]string
	Saved  bool
}

// officeEdit is the admin page for the office's identity.
func (s *Server) officeEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := s.Office.Get(r.Context())
	if err != nil {
		return err
	}
	v := officeForm{ID: id, Errors: map[string]string{}, Saved: r.URL.Query().Get("pesan") != ""}
	s.render(w, r, http.StatusOK, "admin_office", page{Title: "Identitas kantor", Active: "office", Data: v})
	return nil
}

// logoForm bounds the whole form of the office page: the logo and its few
// text fields.
const logoForm = office.MaxLogoBytes + 64<<10

// officeSave saves the identity from the admin page (multipart, with an
// optional logo file). Bad fields come back on the form with what was typed.
func (s *Server) officeSave(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, logoForm)
	in := &office.Identity{}
	f := officeForm{ID: in, Errors: map[string]string{}}
	var logo *office.Logo
	if err := r.ParseMultipartForm(logoForm); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		var tooBig *http.MaxBytesError
		if !errors.As(err, &tooBig) {
			return apperr.Wrap(apperr.Invalid, err, "Formulir tidak dapat dibaca")
		}
		f.Errors["logo"] = "Logo terlalu besar (maks. 512 KB)"
		if cur, err := s.Office.Get(r.Context()); err == nil {
			*in = *cur
		}
	} else {
		in.Government, in.Agency, in.Address = r.FormValue("government"), r.FormValue("agency"), r.FormValue("address")
		in.SignatoryName, in.SignatoryTitle = r.FormValue("signatory_name"), r.FormValue("signatory_title")
		in.SignatoryNIP = r.FormValue("signatory_nip")
		in.Version, _ = strconv.ParseInt(r.FormValue("version"), 10, 64)
		if file, _, err := r.FormFile("logo"); err == nil {
			data, err := io.ReadAll(io.LimitReader(file, office.MaxLogoBytes+1))
			file.Close()
			if err != nil {
				return err
			}
			logo = &office.Logo{Data: data}
		}
	}
	if len(f.Errors) == 0 {
		_, err := s.Office.Update(r.Context(), actor(r), in, logo, r.FormValue("drop_logo") == "1")
		if err == nil {
			http.Redirect(w, r, "/admin/kantor?pesan=1", http.StatusSeeOther)
			return nil
		}
		if !apperr.Is(err, apperr.Invalid) && !apperr.Is(err, apperr.Conflict) {
			return err
		}
		for k, m := range apperr.FieldsOf(err) {
			f.Errors[k] = m
		}
		if len(f.Errors) == 0 {
			f.Errors["_"] = apperr.MessageOf(err)
		}
	}
	if cur, err := s.Office.Get(r.Context()); err == nil {
		in.LogoType, in.LogoHash = cur.LogoType, cur.LogoHash
	}
	s.render(w, r, http.StatusUnprocessableEntity, "admin_office", page{Title: "Identitas kantor", Active: "office", Data: f})
	return nil
}

// officeLogo serves the logo. Its URL carries the logo's hash (?v=…), so a
// matching request may be cached for a year.
func (s *Server) officeLogo(w http.ResponseWriter, r *http.Request) error {
	l, err := s.Office.Logo(r.Context())
	if err != nil {
		return err
	}
	id, err := s.Office.Get(r.Context())
	if err == nil && id.LogoHash != "" && r.URL.Query().Get("v") == id.LogoHash {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	w.Header().Set("Content-Type", l.Type)
	w.Header().Set("Content-Length", strconv.Itoa(len(l.Data)))
	_, _ = w.Write(l.Data)
	return nil
}

// apiOfficeGet returns the office's identity.
func (s *Server) apiOfficeGet(r *http.Request) (any, error) { return s.Office.Get(r.Context()) }

// apiOfficePut saves the office's identity (admin; the logo is uploaded on
// the admin page).
func (s *Server) apiOfficePut(r *http.Request, in *office.Identity) (any, error) {
	in.LogoType, in.LogoHash = "", ""
	return s.Office.Update(r.Context(), actor(r), in, nil, false)
}

// logoURL is the address of the office's logo for templates, "" without one.
func logoURL(id *office.Identity) string {
	if id == nil || id.LogoType == "" {
		return ""
	}
	return "/kantor/logo?v=" + id.LogoHash
}

// nipText writes an 18-digit NIP in its usual groups: 19700101 199001 1 001.
func nipText(nip string) string {
	if len(nip) != 18 {
		return nip
	}
	return strings.Join([]string{nip[:8], nip[8:14], nip[14:15], nip[15:]}, " ")
}

// officeField describes one text field of the office form.
func officeField(f officeForm, name, label string, required bool) fieldView {
	values := map[string]string{"government": f.ID.Government, "agency": f.ID.Agency, "address": f.ID.Address,
		"signatory_name": f.ID.SignatoryName, "signatory_title": f.ID.SignatoryTitle, "signatory_nip": f.ID.SignatoryNIP}
	v := fieldView{Name: name, Label: label, Value: values[name], Error: f.Errors[name], Type: "text", Required: required}
	if name == "signatory_nip" {
		v.Mode = "numeric"
	}
	return v
}

// officeSchemas are the OpenAPI schemas of the office identity.
func officeSchemas() map[string]any {
	return map[string]any{
		"Office": obj(map[string]any{"government": str, "agency": str, "address": str, "signatory_name": str,
			"signatory_title": str, "signatory_nip": str, "logo_type": str, "logo_hash": str, "version": integer,
			"updated_at": instant, "updated_by": str}, "government", "agency", "version"),
	}
}
