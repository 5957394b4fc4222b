package web

import "naikkelas/internal/auth"

// Schemas of the OpenAPI document. Field names follow the JSON tags of the
// domain types (registry.Business, registry.Measurement, …).

func obj(props map[string]any, required ...string) map[string]any {
	o := map[string]any{"type": "object", "properties": props}
	if len(required) > 0 {
		o["required"] = required
	}
	return o
}

var (
	str     = map[string]any{"type": "string"}
	integer = map[string]any{"type": "integer", "format": "int64"}
	number  = map[string]any{"type": "number", "nullable": true}
	// rupiahOrNull is an amount that may be unknown: null, never 0, when nobody gave it.
	rupiahOrNull = map[string]any{"type": "integer", "format": "int64", "nullable": true,
		"description": "Rupiah; null = tidak diketahui"}
	instant = map[string]any{"type": "string", "format": "date-time"}
	strMap  = map[string]any{"type": "object", "additionalProperties": map[string]any{"type": "string"}}
)

func arrayOf(name string) map[string]any { return map[string]any{"type": "array", "items": ref(name)} }

func enum(vals ...string) map[string]any { return map[string]any{"type": "string", "enum": vals} }

// roleEnum lists the roles of auth.Roles, so the document follows the code.
func roleEnum() map[string]any {
	names := make([]string, len(auth.Roles))
	for i, r := range auth.Roles {
		names[i] = string(r)
	}
	return enum(names...)
}

func pagedList(item string) map[string]any {
	return obj(map[string]any{"items": arrayOf(item), "total": integer, "page": integer, "per_page": integer},
		"items", "total", "page", "per_page")
}

// registrySchemas are the schemas of the register: businesses, regions,
// measurements, users and the errors every route shares.
func registrySchemas() map[string]any {
	return map[string]any{
		"Error": obj(map[string]any{"error": str,
			"fields": map[string]any{"type": "object", "additionalProperties": str}}, "error"),
		"Health": obj(map[string]any{"status": str}, "status"),
		"Region": obj(map[string]any{"code": str, "name": str,
			"level": enum("province", "regency", "district", "village"), "parent": str}, "code", "name", "level", "parent"),
		"RegionList":     obj(map[string]any{"items": arrayOf("Region")}, "items"),
		"ProductSummary": obj(map[string]any{"name": str, "category": str, "price": integer}, "name"),
		"Business": obj(map[string]any{
			"id": integer, "name": str, "brand": str,
			"owner_name": str, "nik": str, "owner_gender": enum("L", "P", ""), "owner_birth_date": str,
			"phone": str, "email": str,
			"village_code": str, "district_code": str, "address": str, "latitude": number, "longitude": number,
			"kbli": str, "sector": str, "founded_year": integer, "employees": integer,
			"annual_revenue": integer, "capital": integer,
			"size_class": enum("mikro", "kecil", "menengah", "besar", ""), "size_basis": enum("revenue", "capital", ""),
			"nib": str, "pirt_number": str, "pirt_expires_on": str,
			"halal_status": enum("none", "in_process", "certified"), "halal_number": str, "halal_expires_on": str,
			"bpom_number": str, "hki_number": str, "notes": str,
			"products": arrayOf("ProductSummary"),
			"status":   enum("active", "archived"), "version": integer, "created_at": instant, "updated_at": instant,
		}, "name", "owner_name", "village_code"),
		"BusinessList": pagedList("Business"),
		"UserInput": obj(map[string]any{"username": str, "password": str,
			"role": roleEnum(), "regions": map[string]any{"type": "array", "items": str},
			"business_id": integer, "partner_id": integer}, "username", "password", "role"),
		"User": obj(map[string]any{"id": integer, "username": str, "role": roleEnum(),
			"regions": map[string]any{"type": "array", "items": str}, "business_id": integer, "partner_id": integer,
			"disabled": map[string]any{"type": "boolean"}, "created_at": instant},
			"id", "username", "role", "regions", "business_id", "partner_id", "disabled", "created_at"),
		"UserList": obj(map[string]any{"items": arrayOf("User")}, "items"),
		"MeasurementInput": obj(map[string]any{"year": integer, "annual_revenue": rupiahOrNull,
			"monthly_revenue": rupiahOrNull, "capital": rupiahOrNull, "employees": integer, "source": str}, "year"),
		"Measurement": obj(map[string]any{"id": integer, "business_id": integer, "year": integer,
			"annual_revenue": rupiahOrNull, "capital": rupiahOrNull, "employees": integer, "source": str, "note": str,
			"size_class": str, "size_basis": str, "recorded_by": str, "created_at": instant}),
		"MeasurementList": obj(map[string]any{"items": arrayOf("Measurement")}, "items"),
		"Proposal": obj(map[string]any{"id": integer, "business_id": integer, "business_name": str, "village_code": str,
			"status": enum("pending", "approved", "rejected"), "changes": strMap, "before": strMap, "proposed_by": str,
			"proposed_at": instant, "decided_by": str, "decided_at": map[string]any{"type": "string", "format": "date-time", "nullable": true},
			"reason": str}, "id", "business_id", "status", "changes", "before"),
		"ProposalList":     obj(map[string]any{"items": arrayOf("Proposal")}, "items"),
		"ProposalDecision": obj(map[string]any{"approve": map[string]any{"type": "boolean"}, "reason": str}, "approve"),
		"DistrictCount": obj(map[string]any{"code": str, "name": str, "businesses": integer,
			"mikro": integer, "kecil": integer, "menengah": integer, "besar": integer}),
		"DistrictStats": obj(map[string]any{"items": arrayOf("DistrictCount"), "total": integer}, "items", "total"),
		"AuditEntry": obj(map[string]any{"id": integer, "at": instant, "user_id": integer, "username": str,
			"action": str, "entity": str, "entity_id": integer,
			"before": map[string]any{"type": "object", "nullable": true},
			"after":  map[string]any{"type": "object", "nullable": true}}),
		"AuditList": pagedList("AuditEntry"),
	}
}
