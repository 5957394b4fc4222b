package web

import (
	"fmt"
	"maps"
	"net/http"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// businessForm is the create/edit form's state: what the user typed (kept
// verbatim on error), the per-field messages, and the select options.
type businessForm struct {
	ID        int64
	Version   int64
	Values    map[string]string
	Errors    map[string]string
	Products  []productRow
	General   string // a message not tied to a field (e.g. a version conflict)
	Districts []region.Region
	Villages  []region.Region
	Sectors   []region.Sector
	MoneyEdit bool // owners cannot change money on the form
}

type productRow struct {
	Index                 int
	Name, Category, Price string
	NameErr, PriceErr     string
}

// textFields are copied from the form as typed.
var textFields = []string{"name", "brand", "owner_name", "nik", "owner_gender", "owner_birth_date", "phone", "email",
	"village_code", "address", "kbli", "sector", "nib", "pirt_number", "pirt_expires_on", "halal_status",
	"halal_number", "halal_expires_on", "bpom_number", "hki_number", "notes"}

// numberFields are parsed; the raw text stays in Values for re-display.
var numberFields = []string{"latitude", "longitude", "founded_year", "employees", "annual_revenue", "capital"}

// blankProductRows is how many empty product rows a form offers.
const blankProductRows = 2

// parseBusinessForm reads a posted form into a Business and the form state.
// Numbers that do not parse become field errors here; the domain rules run
// in the service.
func parseBusinessForm(r *http.Request) (*registry.Business, *businessForm, error) {
	if err := parseForm(r); err != nil {
		return nil, nil, err
	}
	pf := r.PostForm
	f := &businessForm{Values: map[string]string{}, Errors: map[string]string{}}
	for _, k := range append(append([]string{"district"}, textFields...), numberFields...) {
		f.Values[k] = pf.Get(k)
	}
	f.Version, _ = strconv.ParseInt(pf.Get("version"), 10, 64)
	b := &registry.Business{Name: pf.Get("name"), Brand: pf.Get("brand"), OwnerName: pf.Get("owner_name"),
		NIK: pf.Get("nik"), OwnerGender: pf.Get("owner_gender"), OwnerBirthDate: pf.Get("owner_birth_date"),
		Phone: pf.Get("phone"), Email: pf.Get("email"), VillageCode: pf.Get("village_code"), Address: pf.Get("address"),
		KBLI: pf.Get("kbli"), Sector: pf.Get("sector"), NIB: pf.Get("nib"), PIRTNumber: pf.Get("pirt_number"),
		PIRTExpiresOn: pf.Get("pirt_expires_on"), HalalStatus: pf.Get("halal_status"),
		HalalNumber: pf.Get("halal_number"), HalalExpiresOn: pf.Get("halal_expires_on"),
		BPOMNumber: pf.Get("bpom_number"), HKINumber: pf.Get("hki_number"), Notes: pf.Get("notes"), Version: f.Version}
	b.Latitude = parseCoord(f, "latitude")
	b.Longitude = parseCoord(f, "longitude")
	b.FoundedYear = parseWhole(f, "founded_year", "Tahun berdiri harus angka, mis. 2019")
	b.Employees = parseWhole(f, "employees", "Jumlah tenaga kerja harus angka")
	b.AnnualRevenue = parseMoney(f, "annual_revenue")
	b.Capital = parseMoney(f, "capital")
	for i := 0; i < 200; i++ {
		p := fmt.Sprintf("products.%d.", i)
		if _, ok := pf[p+"name"]; !ok {
			break
		}
		row := productRow{Name: pf.Get(p + "name"), Category: pf.Get(p + "category"), Price: pf.Get(p + "price")}
		if strings.TrimSpace(row.Name+row.Category+row.Price) == "" {
			continue
		}
		row.Index = len(f.Products)
		price, ok := int64(0), true
		if strings.TrimSpace(row.Price) != "" {
			price, ok = idfmt.ParseRupiah(row.Price)
		}
		if !ok {
			f.Errors[fmt.Sprintf("products.%d.price", row.Index)] = "Harga harus angka rupiah, mis. 15.000"
		}
		f.Products = append(f.Products, row)
		b.Products = append(b.Products, registry.Product{Name: row.Name, Category: row.Category, Price: price})
	}
	return b, f, nil
}

func parseCoord(f *businessForm, k string) *float64 {
	v := strings.TrimSpace(strings.ReplaceAll(f.Values[k], ",", "."))
	if v == "" {
		return nil
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil {
		f.Errors[k] = "Harus angka desimal, mis. -6.1234"
		return nil
	}
	return &x
}

func parseWhole(f *businessForm, k, msg string) int {
	v := strings.ReplaceAll(strings.TrimSpace(f.Values[k]), ".", "")
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		f.Errors[k] = msg
	}
	return n
}

func parseMoney(f *businessForm, k string) int64 {
	if strings.TrimSpace(f.Values[k]) == "" {
		return 0
	}
	n, ok := idfmt.ParseRupiah(f.Values[k])
	if !ok {
		f.Errors[k] = "Harus angka rupiah tanpa sen, mis. 1.500.000"
	}
	return n
}

// formFrom fills a form from a stored business, for the edit page.
func formFrom(b *registry.Business) *businessForm {
	f := &businessForm{ID: b.ID, Version: b.Version, Errors: map[string]string{}, Values: map[string]string{
		"name": b.Name, "brand": b.Brand, "owner_name": b.OwnerName, "nik": b.NIK, "owner_gender": b.OwnerGender,
		"owner_birth_date": b.OwnerBirthDate, "phone": b.Phone, "email": b.Email, "district": b.DistrictCode,
		"village_code": b.VillageCode, "address": b.Address, "kbli": b.KBLI, "sector": b.Sector, "nib": b.NIB,
		"pirt_number": b.PIRTNumber, "pirt_expires_on": b.PIRTExpiresOn, "halal_status": b.HalalStatus,
		"halal_number": b.HalalNumber, "halal_expires_on": b.HalalExpiresOn, "bpom_number": b.BPOMNumber,
		"hki_number": b.HKINumber, "notes": b.Notes, "annual_revenue": idfmt.Number(b.AnnualRevenue), "capital": idfmt.Number(b.Capital),
	}}
	if b.Latitude != nil {
		f.Values["latitude"] = strconv.FormatFloat(*b.Latitude, 'f', -1, 64)
	}
	if b.Longitude != nil {
		f.Values["longitude"] = strconv.FormatFloat(*b.Longitude, 'f', -1, 64)
	}
	if b.FoundedYear != 0 {
		f.Values["founded_year"] = strconv.Itoa(b.FoundedYear)
	}
	f.Values["employees"] = strconv.Itoa(b.Employees)
	for i, p := range b.Products {
		f.Products = append(f.Products, productRow{Index: i, Name: p.Name, Category: p.Category, Price: idfmt.Number(p.Price)})
	}
	return f
}

// finish adds options, blank product rows and product errors before rendering.
func (s *Server) finish(r *http.Request, f *businessForm) *businessForm {
	a := actor(r)
	f.MoneyEdit = a.IsOfficer()
	for _, k := range append(append([]string{"district"}, textFields...), numberFields...) {
		if _, ok := f.Values[k]; !ok {
			f.Values[k] = "" // templates need every key present
		}
	}
	if f.Values["district"] == "" {
		f.Values["district"] = region.DistrictOf(f.Values["village_code"])
	}
	f.Districts = s.districtsFor(a)
	if len(f.Districts) == 0 && f.Values["district"] != "" {
		if d, ok := region.All().Get(f.Values["district"]); ok {
			f.Districts = []region.Region{d}
		}
	}
	f.Villages = s.villagesFor(a, f.Values["district"])
	f.Sectors = region.Sectors()
	for i := range f.Products {
		f.Products[i].NameErr = f.Errors[fmt.Sprintf("products.%d.name", i)]
		f.Products[i].PriceErr = f.Errors[fmt.Sprintf("products.%d.price", i)]
	}
	for i := 0; i < blankProductRows; i++ {
		f.Products = append(f.Products, productRow{Index: len(f.Products)})
	}
	return f
}

// mergeErrors adds the service's field messages (or its general message)
// to the form's own parse errors, which win. A nil err (the rules found
// nothing more) adds nothing.
func (f *businessForm) mergeErrors(err error) {
	if err == nil {
		return
	}
	fields := apperr.FieldsOf(err)
	if len(fields) == 0 {
		f.General = apperr.MessageOf(err)
		return
	}
	merged := maps.Clone(fields)
	maps.Copy(merged, f.Errors)
	f.Errors = merged
}
