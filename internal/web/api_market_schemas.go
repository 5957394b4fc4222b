package web

import "naikkelas/internal/market"

var (
	boolean  = map[string]any{"type": "boolean"}
	textList = map[string]any{"type": "array", "items": str}
	date     = map[string]any{"type": "string", "format": "date"}
)

// marketSchemas are the schemas of products, photos, label checks,
// curation and the catalogue (market.*).
func marketSchemas() map[string]any {
	return map[string]any{
		"RetailRequirements": retailRequirementsSchema(),
		"CurationInput": obj(map[string]any{"partner_id": integer, "held_on": date, "place": str, "capacity": integer},
			"partner_id", "held_on", "place", "capacity"),
		"Curation": obj(map[string]any{"id": integer, "partner_id": integer, "partner_name": str, "held_on": date, "place": str,
			"capacity": integer, "entry_count": integer, "passed": integer, "entries": arrayOf("CurationEntry"),
			"requirements": textList, "created_by": str, "created_at": instant}, "id", "partner_id", "held_on", "place", "capacity"),
		"CurationList": obj(map[string]any{"items": arrayOf("Curation")}, "items"),
		"CurationEntryInput": obj(map[string]any{"product_id": integer,
			"monthly_supply": map[string]any{"type": "integer", "minimum": 0, "description": "Unit per bulan yang sanggup dipasok (0 = belum diketahui)"}},
			"product_id"),
		"CurationEntry": obj(map[string]any{"id": integer, "curation_id": integer, "product_id": integer, "product_name": str,
			"business_id": integer, "business_name": str, "district_code": str, "district": str, "monthly_supply": integer,
			"unmet": textList, "decision": enum("", "lolos", "perbaikan", "tidak_lolos"), "fixes": textList, "note": str,
			"decided_by": str, "decided_at": map[string]any{"type": "string", "format": "date-time", "nullable": true},
			"created_by": str, "created_at": instant}, "id", "product_id", "unmet", "decision"),
		"ListingInput": obj(map[string]any{"product_id": integer, "partner_id": integer, "outlets": textList, "starts_on": date,
			"ends_on": str, "mode": enum(market.Modes...), "payment_terms_days": integer},
			"product_id", "partner_id", "outlets", "starts_on", "mode", "payment_terms_days"),
		"Listing": obj(map[string]any{"id": integer, "product_id": integer, "product_name": str, "business_id": integer,
			"business_name": str, "district_code": str, "district": str, "partner_id": integer, "partner_name": str,
			"outlets": textList, "starts_on": date, "ends_on": str, "end_reason": str, "mode": enum(market.Modes...),
			"payment_terms_days": integer, "sales": arrayOf("Sale"), "totals": ref("Owed"), "created_by": str, "created_at": instant},
			"id", "product_id", "partner_id", "outlets", "starts_on", "mode", "payment_terms_days", "sales", "totals"),
		"ListingList": obj(map[string]any{"items": arrayOf("Listing")}, "items"),
		"ListingEnd": obj(map[string]any{"ends_on": date, "reason": map[string]any{"type": "string", "minLength": 3, "maxLength": 300}},
			"ends_on", "reason"),
		"SaleInput": obj(map[string]any{"month": map[string]any{"type": "string", "pattern": `^\d{4}-(0[1-9]|1[0-2])$`},
			"units": map[string]any{"type": "integer", "minimum": 0}, "revenue": map[string]any{"type": "integer", "minimum": 0},
			"paid_on": str}, "month", "units", "revenue"),
		"Sale": obj(map[string]any{"id": integer, "listing_id": integer, "month": str, "units": integer, "revenue": integer,
			"due_on": date, "paid_on": str, "reported_by": str, "reported_at": instant, "days_unpaid": integer, "days_overdue": integer},
			"month", "units", "revenue", "due_on", "paid_on"),
		"Owed": obj(map[string]any{"units": integer, "revenue": integer, "owed": integer, "owed_past_terms": integer,
			"oldest_unpaid_days": integer, "longest_overdue_days": integer}, "revenue", "owed", "owed_past_terms"),
		"DistrictOutcome": obj(map[string]any{"code": str, "name": str, "businesses": integer, "with_product": integer,
			"label_products": integer, "label_before": number, "label_after": number, "curation_decided": integer,
			"curation_passed": integer, "curation_pass_rate": number, "listed_businesses": integer,
			"sales_last_month": integer, "owed_past_terms": integer}, "code", "name", "businesses"),
		"MarketOutcomes": obj(map[string]any{"program_id": integer, "as_of": date, "last_month": str,
			"districts": arrayOf("DistrictOutcome"), "total": ref("DistrictOutcome")}, "as_of", "districts", "total"),
		"CurationDecision": obj(map[string]any{"decision": enum(market.Decisions...), "fixes": textList, "note": str}, "decision"),
		"Product": obj(map[string]any{
			"id": integer, "business_id": integer, "name": str, "category": str,
			"net_content": number, "net_unit": enum(append(append([]string{}, market.Units...), "")...), "price": integer,
			"shelf_life_days": integer, "barcode": str, "production_code_format": str,
			"pirt_number": str, "pirt_verified": boolean, "halal_number": str, "halal_verified": boolean,
			"bpom_number": str, "bpom_verified": boolean, "photos": arrayOf("Photo"),
			"version": integer, "created_at": instant, "updated_at": instant}, "name"),
		"ProductList": obj(map[string]any{"items": arrayOf("Product")}, "items"),
		"LabelElements": obj(map[string]any{"version": integer, "sources": map[string]any{"type": "array", "items": str},
			"elements": arrayOf("LabelElement")}, "version", "elements"),
		"LabelElement": obj(map[string]any{"id": str, "group": enum("label", "packaging"), "weight": integer, "label": str,
			"basis": str, "optional": boolean, "fix_missing": str, "fix_wrong": str}, "id", "label"),
		"LabelCheckInput": obj(map[string]any{
			"items":      map[string]any{"type": "object", "additionalProperties": enum("ok", "missing", "wrong", "na")},
			"notes":      map[string]any{"type": "object", "additionalProperties": str},
			"label_pirt": str}, "items"),
		"LabelCheck": obj(map[string]any{"id": integer, "product_id": integer, "elements_version": integer,
			"items":      map[string]any{"type": "object", "additionalProperties": str},
			"notes":      map[string]any{"type": "object", "additionalProperties": str},
			"label_pirt": str, "score": integer, "fixes": arrayOf("LabelFix"),
			"flags": map[string]any{"type": "array", "items": str}, "checked_by": str, "checked_at": instant},
			"score", "fixes", "flags"),
		"LabelFix":              obj(map[string]any{"element": str, "status": enum("missing", "wrong"), "text": str, "note": str}, "element", "text"),
		"LabelCheckList":        obj(map[string]any{"items": arrayOf("LabelCheck")}, "items"),
		"CatalogueConsentInput": obj(map[string]any{"whatsapp": str}, "whatsapp"),
		"CatalogueConsent": obj(map[string]any{"business_id": integer, "whatsapp": str, "consent_by": str, "consent_at": instant},
			"business_id", "whatsapp", "consent_by", "consent_at"),
		"CatalogueItem": obj(map[string]any{"id": integer, "name": str, "category": str, "net_content": str, "price": integer,
			"business": str, "brand": str, "district_code": str, "district": str,
			"permits": map[string]any{"type": "array", "items": str}, "halal": boolean, "photos": arrayOf("Photo"),
			"order_url": str, "in_retail": boolean}, "id", "name", "order_url", "in_retail"),
		"CatalogueFeed": obj(map[string]any{"items": arrayOf("CatalogueItem"), "total": integer,
			"total_is_lower_bound": map[string]any{"type": "boolean",
				"description": "true: more products match than total; counting stops 1,000 products past the page's start"},
			"page": integer, "per_page": integer}, "items", "total", "total_is_lower_bound", "page", "per_page"),
		"Photo": obj(map[string]any{"id": integer, "product_id": integer, "width": integer, "height": integer,
			"url": str, "thumb_url": str, "created_by": str, "created_at": instant}, "id", "url", "thumb_url"),
	}
}

// retailRequirementsSchema lists the requirement catalogue as properties.
func retailRequirementsSchema() map[string]any {
	props := map[string]any{}
	for _, q := range market.RequirementCatalogue {
		if q.IsMinimum() {
			props[q.ID] = map[string]any{"type": "integer", "minimum": 0, "maximum": q.Max, "description": q.Label + " (" + q.Unit + ")"}
		} else {
			props[q.ID] = map[string]any{"type": "boolean", "description": q.Label}
		}
	}
	s := obj(props)
	s["additionalProperties"] = false
	s["description"] = "Syarat kurasi mitra ritel; hanya admin yang mengubah"
	return s
}
