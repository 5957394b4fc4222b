package web

import "naikkelas/internal/permits"

// permitSchemas are the OpenAPI schemas of permits. Field names follow the
// JSON tags of the permits package; the enumerations come from its lists.
func permitSchemas() map[string]any {
	dateOrEmpty := map[string]any{"type": "string", "description": "TTTT-BB-HH atau kosong"}
	strs := map[string]any{"type": "array", "items": str}
	kind, status := enum(permits.Kinds...), enum(permits.Statuses...)
	doc := obj(map[string]any{"name": str, "received_on": dateOrEmpty}, "name")
	docs := map[string]any{"type": "array", "items": doc}
	permit := map[string]any{
		"id": integer, "business_id": integer, "kind": kind, "status": status, "number": str,
		"issued_on": dateOrEmpty, "expires_on": dateOrEmpty, "expired": map[string]any{"type": "boolean"},
		"products": strs, "documents": docs, "note": str, "source": enum("register", ""),
		"version": integer, "created_at": instant, "updated_at": instant, "updated_by": str,
		"business_name": str, "district_code": str, "village_code": str,
	}
	detail := map[string]any{"history": map[string]any{"type": "array", "items": ref("PermitChange")}}
	for k, v := range permit {
		detail[k] = v
	}
	return map[string]any{
		"Permit":     obj(permit, "id", "business_id", "kind", "status", "number", "version"),
		"PermitList": obj(map[string]any{"items": arrayOf("Permit")}, "items"),
		"PermitPage": pagedList("Permit"),
		"PermitInput": obj(map[string]any{"kind": kind, "status": status, "number": str, "issued_on": dateOrEmpty,
			"expires_on": dateOrEmpty, "products": strs, "documents": docs, "note": str}, "kind"),
		"PermitPatch": obj(map[string]any{"status": status, "number": str, "issued_on": dateOrEmpty, "expires_on": dateOrEmpty,
			"products": strs, "documents": docs, "note": str, "version": integer}),
		"PermitChange": obj(map[string]any{"from_status": str, "to_status": status, "number": str, "changed_at": instant,
			"changed_by": str, "note": str}, "to_status", "changed_at"),
		"PermitDetail": obj(detail, "id", "kind", "status", "history"),
	}
}
