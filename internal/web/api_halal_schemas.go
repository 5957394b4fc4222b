package web

import "naikkelas/internal/permits"

// halalSchemas are the OpenAPI schemas of permit readiness, the halal
// obligation, the expiry list and the SEHATI quotas.
func halalSchemas() map[string]any {
	dateStr := map[string]any{"type": "string", "description": "TTTT-BB-HH"}
	boolean := map[string]any{"type": "boolean"}
	nullInt := map[string]any{"type": "integer", "nullable": true}
	nullBool := map[string]any{"type": "boolean", "nullable": true}
	strs := map[string]any{"type": "array", "items": str}
	rule := obj(map[string]any{"code": str, "title": str, "in_force_from": dateStr}, "code", "title", "in_force_from")
	profile := obj(map[string]any{"business_id": integer, "facilities": nullInt, "outlets": nullInt, "preservation_methods": nullInt,
		"product_type": str, "halal_ingredients": nullBool, "separate_tools": nullBool, "simple_process": nullBool})
	count := obj(map[string]any{"code": str, "name": str, "food": integer, "compliant": integer, "not_compliant": integer,
		"qualify_self_declare": integer, "maybe_qualify_self_declare": integer})
	quota := map[string]any{"id": integer, "provider": str, "scope": enum(permits.QuotaScopes...), "total": integer,
		"opens_on": dateStr, "closes_on": dateStr, "note": str, "created_at": instant, "created_by": str,
		"allocated": integer, "remaining": integer, "days_left": integer, "open": boolean, "warning": str}
	allocation := obj(map[string]any{"id": integer, "quota_id": integer, "business_id": integer, "business_name": str,
		"district_code": str, "assistant": str, "planned_on": dateStr, "created_at": instant, "created_by": str})
	detail := map[string]any{"allocations": map[string]any{"type": "array", "items": allocation}}
	for k, v := range quota {
		detail[k] = v
	}
	return map[string]any{
		"PermitReadiness": obj(map[string]any{
			"business_id": integer, "date": dateStr, "food": boolean, "produced": boolean,
			"needs": map[string]any{"type": "array", "items": obj(map[string]any{"code": enum("nib", "pirt_or_bpom", "halal"),
				"label": str, "kinds": strs, "met": boolean, "held": ref("Permit"), "status": str})},
			"halal_obligation": boolean, "halal_compliant": boolean,
			"self_declare": obj(map[string]any{"rule": rule, "qualifies": boolean,
				"unmet": map[string]any{"type": "array", "items": obj(map[string]any{"code": str, "message": str, "unknown": boolean})}}),
			"profile": profile,
		}, "business_id", "date", "needs"),
		"HalalProfile": profile,
		"HalalObligation": obj(map[string]any{"date": dateStr, "obligation_from": dateStr, "in_force": boolean, "rule": rule,
			"districts": map[string]any{"type": "array", "items": count}, "total": count}, "date", "districts", "total"),
		"PermitExpiry": obj(map[string]any{"date": dateStr, "until": dateStr,
			"districts": map[string]any{"type": "array", "items": obj(map[string]any{"code": str, "name": str, "expired": integer, "expiring": integer})},
			"items":     arrayOf("Permit"), "total": integer, "page": integer, "per_page": integer}, "date", "until", "districts", "items"),
		"Quota":       obj(quota, "id", "provider", "scope", "total", "opens_on", "closes_on"),
		"QuotaList":   obj(map[string]any{"items": arrayOf("Quota")}, "items"),
		"QuotaDetail": obj(detail, "id", "allocations"),
		"QuotaInput": obj(map[string]any{"provider": str, "scope": enum(permits.QuotaScopes...), "total": integer,
			"opens_on": dateStr, "closes_on": dateStr, "note": str}, "provider", "scope", "total", "opens_on", "closes_on"),
		"AllocationRequest": obj(map[string]any{"business_ids": map[string]any{"type": "array", "items": integer},
			"assistants": strs, "start_on": dateStr}, "business_ids", "assistants"),
		"AllocationResult": obj(map[string]any{"quota": ref("Quota"), "allocations": map[string]any{"type": "array", "items": allocation},
			"per_assistant": map[string]any{"type": "object", "additionalProperties": integer}, "finishes_on": dateStr, "warning": str},
			"quota", "allocations", "finishes_on"),
	}
}
