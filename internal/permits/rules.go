package permits

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
)

// Rule is one dated set of criteria for halal self-declare. The rules live
// in data (halal_rules.json), so that a new decree is a new entry, and a
// question about a past date is answered by the rule of that date.
type Rule struct {
	Code        string `json:"code"`
	Title       string `json:"title"`
	InForceFrom string `json:"in_force_from"` // YYYY-MM-DD
	// Conditions; a zero bound or an empty list does not limit.
	SizeClasses             []string `json:"size_classes"`
	RequireNIB              bool     `json:"require_nib"`
	MaxAnnualRevenue        int64    `json:"max_annual_revenue"`
	MinYearsProducing       int      `json:"min_years_producing"`
	MaxFacilities           int      `json:"max_facilities"`
	MaxOutlets              int      `json:"max_outlets"`
	MaxPreservationMethods  int      `json:"max_preservation_methods"`
	ProductTypes            []string `json:"product_types"`
	RequireHalalIngredients bool     `json:"require_halal_ingredients"`
	RequireSeparateTools    bool     `json:"require_separate_tools"`
	RequireSimpleProcess    bool     `json:"require_simple_process"`
}

// ProductType is one entry of the list of product types self-declare covers.
type ProductType struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Rules is the dated rule book with the product-type catalogue.
type Rules struct {
	// ObligationFrom is the day halal certification became mandatory for
	// micro and small businesses' food and drink.
	ObligationFrom string        `json:"halal_obligation_from"`
	ProductTypes   []ProductType `json:"product_types"`
	Rules          []Rule        `json:"rules"` // oldest first
}

//go:embed halal_rules.json
var rulesJSON []byte

// LoadRules reads the embedded rule book. A broken file is a programming
// error caught by the tests, so it is reported, not hidden.
func LoadRules() (*Rules, error) {
	var r Rules
	if err := json.Unmarshal(rulesJSON, &r); err != nil {
		return nil, fmt.Errorf("halal_rules.json: %w", err)
	}
	sort.Slice(r.Rules, func(i, j int) bool { return r.Rules[i].InForceFrom < r.Rules[j].InForceFrom })
	return &r, nil
}

// InForce returns the rule in force on day (YYYY-MM-DD): the latest whose
// start is on or before it; ok=false before the first rule.
func (r *Rules) InForce(day string) (Rule, bool) {
	for i := len(r.Rules) - 1; i >= 0; i-- {
		if r.Rules[i].InForceFrom <= day {
			return r.Rules[i], true
		}
	}
	return Rule{}, false
}

// ProductTypeName is the Indonesian name of a product-type code.
func (r *Rules) ProductTypeName(code string) string {
	for _, p := range r.ProductTypes {
		if p.Code == code {
			return p.Name
		}
	}
	return code
}
