package web

// importSchemas are the OpenAPI schemas of the import API (uploads,
// previews, background imports and their reports).
func importSchemas() map[string]any {
	boolean := map[string]any{"type": "boolean"}
	sheet := obj(map[string]any{"name": str, "rows": integer, "read": boolean, "reason": str}, "name", "rows", "read")
	skipped := obj(map[string]any{"blank": integer, "group": integer, "subtotal": integer, "total": integer},
		"blank", "group", "subtotal", "total")
	summary := obj(map[string]any{"total": integer, "inserted": integer, "updated": integer, "unchanged": integer,
		"rejected": integer, "duplicates_in_file": integer, "skipped": integer, "skipped_kinds": skipped,
		"likely_duplicates": map[string]any{"type": "integer", "format": "int64",
			"description": "Baris tanpa kecocokan pasti yang kemungkinan usaha terdaftar (tautan rekaman): ditambahkan dan masuk tinjauan duplikat, atau ditautkan bila link_likely"},
		"sheets": map[string]any{"type": "array", "items": sheet}},
		"total", "inserted", "updated", "unchanged", "rejected", "duplicates_in_file", "skipped", "skipped_kinds")
	return map[string]any{
		"ImportCreated": obj(map[string]any{"id": integer, "status": enum("running", "done", "dry_run", "failed")}, "id", "status"),
		"ImportSummary": summary,
		"Import": obj(map[string]any{
			"id": integer, "source": str, "file_name": str, "user_id": integer, "username": str, "dry_run": map[string]any{"type": "boolean"},
			"status": enum("running", "done", "dry_run", "failed"), "message": str, "summary": ref("ImportSummary"),
			"unknown_columns": map[string]any{"type": "array", "items": str},
			"progress":        obj(map[string]any{"rows": integer, "done": integer, "total": integer, "percent": integer}),
			"created_at":      instant, "finished_at": instant, "report_url": str,
		}, "id", "status", "summary", "progress"),
	}
}
