package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/programs"
	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// fundingRows is how many funding lines the form offers.
const fundingRows = 4

// programForm is the create/edit form's state: what the user typed and the
// messages per field.
type programForm struct {
	ID        int64
	Values    map[string]string
	Multi     map[string][]string // topics, districts, size_classes
	Errors    map[string]string
	Districts []region.Region
	Partners  []programs.Partner
	Kinds     []string
	Topics    []string
	Classes   []string
	Funding   []programs.FundingLine
	FundKinds []string
}

// F describes a form field for the shared "field" template.
func (f *programForm) F(name, label, kind string) fieldView {
	return fieldOf(f.Values, f.Errors, name, label, kind)
}

// Has reports whether a multi-valued field holds v (for checkboxes).
func (f *programForm) Has(field, v string) bool { return slices.Contains(f.Multi[field], v) }

func (s *Server) newProgramForm(r *http.Request) *programForm {
	f := &programForm{Values: map[string]string{}, Multi: map[string][]string{}, Errors: map[string]string{},
		Districts: region.All().Districts(s.Jurisdiction), Kinds: programs.Kinds, Topics: programs.Topics,
		Classes: registry.SizeClasses[:3], FundKinds: programs.FundingKinds}
	f.Partners, _ = s.Programs.Partners(r.Context(), actor(r))
	return f
}

// programFormFrom fills a form from a stored programme.
func (s *Server) programFormFrom(r *http.Request, p *programs.Program) *programForm {
	f := s.newProgramForm(r)
	f.ID = p.ID
	num := func(n int64) string { return strconv.FormatInt(n, 10) }
	fl := func(v float64) string { return idfmt.Decimal(v, 2) }
	for k, v := range map[string]string{"name": p.Name, "kind": p.Kind, "starts_on": p.StartsOn, "ends_on": p.EndsOn,
		"venue": p.Venue, "capacity": num(int64(p.Capacity)), "max_per_district": num(int64(p.MaxPerDistrict)),
		"min_districts": num(int64(p.MinDistricts)), "sectors": strings.Join(p.Eligibility.Sectors, ", "),
		"exclude_trained_within_months": num(int64(p.Eligibility.ExcludeTrainedWithinMonths)),
		"max_annual_revenue":            idfmt.Number(p.Eligibility.MaxAnnualRevenue), "w_need": fl(p.Weights.Need),
		"w_readiness": fl(p.Weights.Readiness), "w_never_trained": fl(p.Weights.NeverTrained),
		"w_woman_owned": fl(p.Weights.WomanOwned), "w_waiting": fl(p.Weights.Waiting),
		"min_attendance_pct": fl(p.Completion.MinAttendancePct), "min_post_test": fl(p.Completion.MinPostTest),
		"budget": idfmt.Number(p.Budget), "version": num(p.Version)} {
		f.Values[k] = v
	}
	if p.Eligibility.RequireNIB {
		f.Values["require_nib"] = "1"
	}
	f.Multi["topics"], f.Multi["districts"], f.Multi["size_classes"] = p.Topics, p.Districts, p.Eligibility.SizeClasses
	f.Funding = p.Funding
	for len(f.Funding) < fundingRows {
		f.Funding = append(f.Funding, programs.FundingLine{})
	}
	return f
}

// parseProgramForm reads the form into a programme; parse errors go into
// the form's Errors.
func (s *Server) parseProgramForm(r *http.Request) (*programs.Program, *programForm, error) {
	if err := parseForm(r); err != nil {
		return nil, nil, err
	}
	f := s.newProgramForm(r)
	for k, v := range r.PostForm {
		if len(v) > 0 {
			f.Values[k] = strings.TrimSpace(v[0])
		}
	}
	f.Multi["topics"], f.Multi["districts"], f.Multi["size_classes"] = r.PostForm["topics"], r.PostForm["districts"], r.PostForm["size_classes"]
	p := &programs.Program{Name: f.Values["name"], Kind: f.Values["kind"], Topics: f.Multi["topics"],
		StartsOn: f.Values["starts_on"], EndsOn: f.Values["ends_on"], Venue: f.Values["venue"], Districts: f.Multi["districts"]}
	p.Capacity = formInt(f, "capacity")
	p.MaxPerDistrict = formInt(f, "max_per_district")
	p.MinDistricts = formInt(f, "min_districts")
	p.Version = int64(formInt(f, "version"))
	p.Eligibility = programs.Eligibility{SizeClasses: f.Multi["size_classes"], RequireNIB: f.Values["require_nib"] != "",
		ExcludeTrainedWithinMonths: formInt(f, "exclude_trained_within_months"), MaxAnnualRevenue: formMoney(f, "max_annual_revenue")}
	for _, sct := range strings.FieldsFunc(f.Values["sectors"], func(r rune) bool { return r == ',' || r == ' ' }) {
		p.Eligibility.Sectors = append(p.Eligibility.Sectors, strings.ToUpper(sct))
	}
	p.Weights = programs.Weights{Need: formFloat(f, "w_need"), Readiness: formFloat(f, "w_readiness"),
		NeverTrained: formFloat(f, "w_never_trained"), WomanOwned: formFloat(f, "w_woman_owned"), Waiting: formFloat(f, "w_waiting")}
	p.Completion = programs.Completion{MinAttendancePct: formFloat(f, "min_attendance_pct"), MinPostTest: formFloat(f, "min_post_test")}
	p.Budget = formMoney(f, "budget")
	for i := range fundingRows {
		k := func(n string) string { return fmt.Sprintf("funding.%d.%s", i, n) }
		line := programs.FundingLine{Kind: f.Values[k("kind")], Amount: formMoney(f, k("amount")),
			InKindDescription: f.Values[k("in_kind")]}
		line.PartnerID = int64(formInt(f, k("partner_id")))
		// the funding rows show one message above them, naming the row
		for _, n := range []string{"amount", "partner_id"} {
			if msg, bad := f.Errors[k(n)]; bad {
				f.Errors["funding"] = fmt.Sprintf("Sumber %d: %s", i+1, msg)
				delete(f.Errors, k(n))
			}
		}
		f.Funding = append(f.Funding, line)
		if line.Kind != "" || line.Amount != 0 || line.InKindDescription != "" {
			p.Funding = append(p.Funding, line)
		}
	}
	if len(f.Errors) > 0 {
		return p, f, apperr.Validation(f.Errors)
	}
	return p, f, nil
}

func formInt(f *programForm, k string) int {
	v := strings.ReplaceAll(f.Values[k], ".", "")
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		f.Errors[k] = "Harus bilangan bulat"
	}
	return n
}

func formFloat(f *programForm, k string) float64 {
	v := strings.ReplaceAll(f.Values[k], ",", ".")
	if v == "" {
		return 0
	}
	n, err := strconv.ParseFloat(v, 64)
	if err != nil {
		f.Errors[k] = "Harus angka"
	}
	return n
}

func formMoney(f *programForm, k string) int64 {
	if f.Values[k] == "" {
		return 0
	}
	n, ok := idfmt.ParseRupiah(f.Values[k])
	if !ok {
		f.Errors[k] = "Tulis jumlah rupiah, mis. 1.500.000"
	}
	return n
}

// formFieldOf maps a domain field name to the form's input name.
var formFieldOf = map[string]string{"eligibility.size_classes": "size_classes", "eligibility.sectors": "sectors",
	"eligibility.exclude_trained_within_months": "exclude_trained_within_months",
	"eligibility.max_annual_revenue":            "max_annual_revenue", "weights": "w_need",
	"completion.min_attendance_pct": "min_attendance_pct", "completion.min_post_test": "min_post_test"}

// mergeErrors copies a service's field errors onto the form.
func (f *programForm) mergeErrors(err error) {
	for k, v := range apperr.FieldsOf(err) {
		if name, ok := formFieldOf[k]; ok {
			k = name
		}
		f.Errors[k] = v
	}
	if len(f.Errors) == 0 && err != nil {
		f.Errors["_"] = apperr.MessageOf(err)
	}
}
