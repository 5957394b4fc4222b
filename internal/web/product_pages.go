package web

import (
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/market"
	"naikkelas/internal/registry"
)

// productForm is the product form's state: what was typed and what is wrong.
type productForm struct {
	ID, BusinessID int64
	Version        int64
	Values         map[string]string
	Checked        map[string]bool
	Errors         map[string]string
	General        string
	Officer        bool
}

// F describes one text field of the form.
func (f productForm) F(name, label, kind string) fieldView {
	return fieldOf(f.Values, f.Errors, name, label, kind)
}

// productView is the product page.
type productView struct {
	P           *market.Product
	Business    *registry.Business
	CanEdit     bool
	Form        productForm
	Officer     bool
	Checks      []market.LabelCheck // newest first
	LatestCheck *market.LabelCheck
	Elements    *market.LabelElements
	LabelForm   *labelForm // a refused label check, or nil
}

func productFormOf(p *market.Product) productForm {
	f := productForm{ID: p.ID, BusinessID: p.BusinessID, Version: p.Version, Errors: map[string]string{},
		Values: map[string]string{"name": p.Name, "category": p.Category, "net_unit": p.NetUnit,
			"barcode": p.Barcode, "production_code_format": p.ProductionCodeFormat,
			"pirt_number": p.PIRTNumber, "halal_number": p.HalalNumber, "bpom_number": p.BPOMNumber},
		Checked: map[string]bool{"pirt_verified": p.PIRTVerified, "halal_verified": p.HalalVerified, "bpom_verified": p.BPOMVerified}}
	if p.NetContent != 0 {
		f.Values["net_content"] = idfmt.Decimal(p.NetContent, 3)
	}
	if p.Price != 0 {
		f.Values["price"] = idfmt.Number(p.Price)
	}
	if p.ShelfLifeDays != 0 {
		f.Values["shelf_life_days"] = strconv.Itoa(p.ShelfLifeDays)
	}
	return f
}

// parseProductForm reads the form into a product; numbers that do not parse
// are reported on their field and the rest is still validated by the service.
func parseProductForm(r *http.Request) (*market.Product, productForm) {
	f := productForm{Values: map[string]string{}, Checked: map[string]bool{}, Errors: map[string]string{}}
	for _, k := range []string{"name", "category", "net_content", "net_unit", "price", "shelf_life_days", "barcode",
		"production_code_format", "pirt_number", "halal_number", "bpom_number"} {
		f.Values[k] = r.PostFormValue(k)
	}
	for _, k := range []string{"pirt_verified", "halal_verified", "bpom_verified"} {
		f.Checked[k] = r.PostFormValue(k) == "1"
	}
	f.Version, _ = strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	p := &market.Product{Name: f.Values["name"], Category: f.Values["category"], NetUnit: f.Values["net_unit"],
		Barcode: f.Values["barcode"], ProductionCodeFormat: f.Values["production_code_format"],
		PIRTNumber: f.Values["pirt_number"], HalalNumber: f.Values["halal_number"], BPOMNumber: f.Values["bpom_number"],
		PIRTVerified: f.Checked["pirt_verified"], HalalVerified: f.Checked["halal_verified"],
		BPOMVerified: f.Checked["bpom_verified"], Version: f.Version}
	if v := strings.TrimSpace(f.Values["net_content"]); v != "" {
		n, err := parseDecimal(v)
		if err != nil {
			f.Errors["net_content"] = "Isi bersih harus angka, mis. 250 atau 1,5"
		}
		p.NetContent = n
	}
	if v := strings.TrimSpace(f.Values["price"]); v != "" {
		n, ok := idfmt.ParseRupiah(v)
		if !ok {
			f.Errors["price"] = "Harga harus angka rupiah, mis. 15.000"
		}
		p.Price = n
	}
	if v := strings.TrimSpace(f.Values["shelf_life_days"]); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			f.Errors["shelf_life_days"] = "Umur simpan dalam hari, mis. 90"
		}
		p.ShelfLifeDays = n
	}
	return p, f
}

var thousands = regexp.MustCompile(`^\d{1,3}(\.\d{3})+$`)

// parseDecimal reads a number written the Indonesian way (1.500 or 1,5) or
// with a decimal point (1.5).
func parseDecimal(v string) (float64, error) {
	switch {
	case strings.Contains(v, ","):
		v = strings.ReplaceAll(strings.ReplaceAll(v, ".", ""), ",", ".")
	case thousands.MatchString(v):
		v = strings.ReplaceAll(v, ".", "")
	}
	return strconv.ParseFloat(v, 64)
}

// productNew shows the empty product form of a business.
func (s *Server) productNew(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	b, err := s.pathBusiness(r)
	if err != nil {
		return err
	}
	if !a.CanWrite() {
		return apperr.New(apperr.Forbidden, "Peran Anda hanya boleh membaca data produk")
	}
	f := productFormOf(&market.Product{BusinessID: b.ID})
	f.Officer = a.IsOfficer()
	s.render(w, r, http.StatusOK, "product_form", page{Title: "Produk baru · " + b.Name, Active: "list",
		Data: productView{P: &market.Product{BusinessID: b.ID}, Business: b, CanEdit: true, Form: f}})
	return nil
}

// productCreate saves a new product from the form.
func (s *Server) productCreate(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	id, err := pathID(r)
	if err != nil {
		return err
	}
	p, f := parseProductForm(r)
	if len(f.Errors) == 0 {
		out, err := s.Market.Create(r.Context(), a, id, p)
		if err == nil {
			http.Redirect(w, r, "/produk/"+itoa64(out.ID), http.StatusSeeOther)
			return nil
		}
		if !formError(err, &f) {
			return err
		}
	}
	b, err := s.Registry.Get(r.Context(), a, id)
	if err != nil {
		return err
	}
	f.BusinessID, f.Officer = id, a.IsOfficer()
	s.render(w, r, http.StatusUnprocessableEntity, "product_form", page{Title: "Produk baru · " + b.Name, Active: "list",
		Data: productView{P: &market.Product{BusinessID: id}, Business: b, CanEdit: true, Form: f}})
	return nil
}

// formError copies a validation or conflict error onto the form; it
// reports false for any other error, which the caller fails with.
func formError(err error, f *productForm) bool {
	if !apperr.Is(err, apperr.Invalid) && !apperr.Is(err, apperr.Conflict) {
		return false
	}
	for k, m := range apperr.FieldsOf(err) {
		f.Errors[k] = m
	}
	if len(f.Errors) == 0 {
		f.General = apperr.MessageOf(err)
	}
	return true
}

// productShow is the product page: photos, permits, and for those who may
// change it the form and the photo upload.
func (s *Server) productShow(w http.ResponseWriter, r *http.Request, id int64) error {
	return s.showProduct(w, r, id, http.StatusOK, nil)
}

func (s *Server) showProduct(w http.ResponseWriter, r *http.Request, id int64, status int, form *productForm) error {
	return s.showProductWith(w, r, id, status, form, nil)
}

func (s *Server) showProductWith(w http.ResponseWriter, r *http.Request, id int64, status int, form *productForm, lf *labelForm) error {
	a := actor(r)
	p, err := s.Market.Product(r.Context(), a, id)
	if err != nil {
		return err
	}
	b, err := s.Registry.Get(r.Context(), a, p.BusinessID)
	if err != nil {
		return err
	}
	checks, err := s.Market.LabelChecks(r.Context(), a, id)
	if err != nil {
		return err
	}
	slices.Reverse(checks)
	v := productView{P: p, Business: b, CanEdit: a.CanWrite() && b.Status == registry.StatusActive, Checks: checks,
		Officer: a.IsOfficer() && b.Status == registry.StatusActive, Elements: market.Elements(), LabelForm: lf}
	if len(checks) > 0 {
		v.LatestCheck = &checks[0]
	}
	if form != nil {
		v.Form = *form
	} else {
		v.Form = productFormOf(p)
	}
	v.Form.ID, v.Form.BusinessID, v.Form.Officer = p.ID, p.BusinessID, a.IsOfficer()
	s.render(w, r, status, "product_show", page{Title: p.Name + " · " + b.Name, Active: "list", Data: v})
	return nil
}

// productUpdate saves the product form.
func (s *Server) productUpdate(w http.ResponseWriter, r *http.Request, id int64) error {
	p, f := parseProductForm(r)
	p.ID = id
	if len(f.Errors) == 0 {
		_, err := s.Market.Update(r.Context(), actor(r), p)
		if err == nil {
			http.Redirect(w, r, "/produk/"+itoa64(id)+"?pesan=1", http.StatusSeeOther)
			return nil
		}
		if !formError(err, &f) {
			return err
		}
	}
	return s.showProduct(w, r, id, http.StatusUnprocessableEntity, &f)
}

// productPhotoUpload stores a photo sent from the product page.
func (s *Server) productPhotoUpload(w http.ResponseWriter, r *http.Request, id int64) error {
	data, err := readPhotoPart(r)
	if err == nil {
		_, err = s.Market.AddPhoto(r.Context(), actor(r), id, data)
	}
	if err != nil {
		if !apperr.Is(err, apperr.Invalid) && !apperr.Is(err, apperr.TooLarge) && !apperr.Is(err, apperr.Conflict) {
			return err
		}
		f := productForm{Errors: map[string]string{"photo": apperr.MessageOf(err)}}
		if p, perr := s.Market.Product(r.Context(), actor(r), id); perr == nil {
			f = productFormOf(p)
			f.Errors["photo"] = apperr.MessageOf(err)
		}
		return s.showProduct(w, r, id, http.StatusUnprocessableEntity, &f)
	}
	http.Redirect(w, r, "/produk/"+itoa64(id)+"#foto", http.StatusSeeOther)
	return nil
}

// productDelete deletes a product and returns to its business.
func (s *Server) productDelete(w http.ResponseWriter, r *http.Request, id int64) error {
	p, err := s.Market.Product(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	if err := s.Market.Delete(r.Context(), actor(r), id); err != nil {
		return err
	}
	http.Redirect(w, r, "/usaha/"+itoa64(p.BusinessID)+"#produk", http.StatusSeeOther)
	return nil
}
