package web

import (
	"net/http"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/registry"
)

// measurementCreate adds one dated measurement from the detail page. On a
// validation error the detail page is shown again with the typed values.
func (s *Server) measurementCreate(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	b, err := s.pathBusinessIf(r, a.CanWrite(), errReadOnly)
	if err != nil {
		return err
	}
	id := b.ID
	if err := parseForm(r); err != nil {
		return err
	}
	form := measurementForm{Values: map[string]string{}, Errors: map[string]string{}}
	for _, k := range []string{"year", "annual_revenue", "monthly_revenue", "capital", "employees", "source"} {
		form.Values[k] = r.PostForm.Get(k)
	}
	m := &registry.Measurement{BusinessID: id, Source: form.Values["source"]}
	if m.Year, err = strconv.Atoi(strings.TrimSpace(form.Values["year"])); err != nil {
		form.Errors["year"] = "Tahun harus angka, mis. 2025"
	}
	if v := strings.TrimSpace(form.Values["employees"]); v != "" {
		if m.Employees, err = strconv.Atoi(v); err != nil {
			form.Errors["employees"] = "Jumlah tenaga kerja harus angka"
		}
	}
	// A blank amount stays nil: not known, never Rp0.
	for k, dst := range map[string]**int64{"annual_revenue": &m.AnnualRevenue, "monthly_revenue": &m.MonthlyRevenue, "capital": &m.Capital} {
		if v := strings.TrimSpace(form.Values[k]); v != "" {
			n, ok := idfmt.ParseRupiah(v)
			if !ok {
				form.Errors[k] = "Harus angka rupiah tanpa sen, mis. 1.500.000"
			}
			*dst = &n
		}
	}
	if len(form.Errors) == 0 {
		if _, err = s.Registry.AddMeasurement(r.Context(), a, m); err == nil {
			http.Redirect(w, r, "/usaha/"+itoa64(id)+"?pesan=tersimpan#riwayat", http.StatusSeeOther)
			return nil
		}
		if c := apperr.CodeOf(err); c != apperr.Invalid && c != apperr.Conflict {
			return err
		}
		for k, v := range apperr.FieldsOf(err) {
			form.Errors[k] = v
		}
		if len(form.Errors) == 0 {
			form.General = apperr.MessageOf(err)
		}
	}
	return s.showBusiness(w, r, id, http.StatusUnprocessableEntity, form)
}
