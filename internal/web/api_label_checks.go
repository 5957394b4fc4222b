package web

import (
	"net/http"

	"naikkelas/internal/apperr"
	"naikkelas/internal/market"
)

// apiLabelElements serves the list of label and packaging elements.
func (s *Server) apiLabelElements(*http.Request) (any, error) {
	return market.Elements(), nil
}

// labelCheckCreate records a label check from the product page's form.
func (s *Server) labelCheckCreate(w http.ResponseWriter, r *http.Request, id int64) error {
	c := &market.LabelCheck{Items: map[string]string{}, Notes: map[string]string{}, LabelPIRT: r.PostFormValue("label_pirt")}
	for _, el := range market.Elements().Elements {
		if v := r.PostFormValue("items." + el.ID); v != "" {
			c.Items[el.ID] = v
		}
		if v := r.PostFormValue("notes." + el.ID); v != "" {
			c.Notes[el.ID] = v
		}
	}
	if _, err := s.Market.CheckLabel(r.Context(), actor(r), id, c); err != nil {
		if !apperr.Is(err, apperr.Invalid) {
			return err
		}
		lf := &labelForm{Items: c.Items, Notes: c.Notes, LabelPIRT: r.PostFormValue("label_pirt"), Errors: apperr.FieldsOf(err)}
		return s.showProductWith(w, r, id, http.StatusUnprocessableEntity, nil, lf)
	}
	http.Redirect(w, r, "/produk/"+itoa64(id)+"#label", http.StatusSeeOther)
	return nil
}

// labelForm is the label check form's state after a refused submission.
type labelForm struct {
	Items, Notes map[string]string
	LabelPIRT    string
	Errors       map[string]string
}

// Err is the message of an element's status, if any.
func (f *labelForm) Err(id string) string {
	if f == nil {
		return ""
	}
	return f.Errors["items."+id] + f.Errors["notes."+id]
}

// Is reports whether the form had status st for element id.
func (f *labelForm) Is(id, st string) bool { return f != nil && f.Items[id] == st }

// Note is what was typed as the element's note.
func (f *labelForm) Note(id string) string {
	if f == nil {
		return ""
	}
	return f.Notes[id]
}
