package web

import "maps"

// OpenAPI schemas of issue 4 (programmes), merged into openapiSchemas at
// start-up. Field names follow the JSON tags of the programs package.
func init() { maps.Copy(openapiSchemas, programSchemas()) }

func programSchemas() map[string]any {
	strs := map[string]any{"type": "array", "items": str}
	num := map[string]any{"type": "number"}
	date := map[string]any{"type": "string", "format": "date"}
	breakdown := obj(map[string]any{"need": num, "readiness": num, "never_trained": num, "woman_owned": num, "waiting": num})
	return map[string]any{
		"Program": obj(map[string]any{
			"id": integer, "name": str, "kind": enum("pelatihan", "pendampingan", "pameran", "kurasi", "fasilitasi_sertifikasi"),
			"topics": strs, "starts_on": date, "ends_on": date, "venue": str,
			"sessions": map[string]any{"type": "array", "items": obj(map[string]any{"number": integer, "date": date, "title": str})},
			"capacity": integer, "max_per_district": integer, "min_districts": integer, "districts": strs,
			"eligibility": obj(map[string]any{"size_classes": strs, "sectors": strs, "require_nib": map[string]any{"type": "boolean"},
				"exclude_trained_within_months": integer, "max_annual_revenue": integer}),
			"weights":    breakdown,
			"completion": obj(map[string]any{"min_attendance_pct": num, "min_post_test": num}),
			"budget":     integer,
			"funding": map[string]any{"type": "array", "items": obj(map[string]any{"partner_id": integer,
				"kind": enum("apbd", "csr", "bank", "ritel", "bumn", "lainnya"), "amount": integer, "in_kind_description": str})},
			"status":  enum("draft", "open", "selected", "running", "finished"),
			"version": integer, "created_by": str, "created_at": instant, "updated_at": instant,
		}, "name", "kind", "topics", "starts_on", "ends_on", "capacity"),
		"ProgramList":   pagedList("Program"),
		"ProgramStatus": obj(map[string]any{"status": enum("draft", "open", "selected", "running", "finished")}, "status"),
		"Application": obj(map[string]any{"id": integer, "program_id": integer, "business_id": integer, "business_name": str,
			"village_code": str, "district_code": str, "channel": enum("online", "nominasi", "massal"),
			"status": enum("applied", "selected", "reserve", "not_selected", "ineligible", "attended", "completed", "dropped_out", "withdrawn"),
			"reason": str, "applied_at": instant, "applied_by": str, "updated_at": instant}),
		"ApplicationInput": obj(map[string]any{"business_id": integer, "channel": enum("online", "nominasi")}, "business_id"),
		"ApplicationList":  obj(map[string]any{"items": arrayOf("Application"), "total": integer}, "items", "total"),
		"BulkResult":       obj(map[string]any{"added": integer, "ineligible": integer}, "added", "ineligible"),
		"StatusChange": obj(map[string]any{"application_id": integer, "business_id": integer, "from": str, "to": str,
			"reason": str, "at": instant, "by": str}),
		"StatusChangeList": obj(map[string]any{"items": arrayOf("StatusChange")}, "items"),
		"SelectionInput":   obj(map[string]any{"seed": integer}),
		"Ranked": obj(map[string]any{"business_id": integer, "rank": integer, "score": num, "score_breakdown": breakdown,
			"district_code": str, "reason": str}, "business_id", "rank", "score", "score_breakdown", "district_code"),
		"Rejected": obj(map[string]any{"business_id": integer, "district_code": str, "reason": str}, "business_id", "reason"),
		"SelectionResult": obj(map[string]any{"selected": arrayOf("Ranked"), "reserve": arrayOf("Ranked"),
			"not_selected": arrayOf("Ranked"), "ineligible": arrayOf("Rejected"), "withdrawn": arrayOf("Ranked"),
			"seed": integer, "locked": map[string]any{"type": "boolean"}, "published": map[string]any{"type": "boolean"},
			"capacity": integer, "min_districts_target": integer, "districts_covered": integer, "total_score": num, "run_at": instant},
			"selected", "reserve", "not_selected", "ineligible", "seed", "locked"),
		"Withdrawal": obj(map[string]any{"withdrawn": ref("Application"), "replacement": ref("Application"),
			"keeps_districts": map[string]any{"type": "boolean"}}, "withdrawn"),
		"AttendanceInput": obj(map[string]any{"business_id": integer, "session": integer, "present": map[string]any{"type": "boolean"}},
			"business_id", "session", "present"),
		"Attendance": obj(map[string]any{"program_id": integer, "business_id": integer, "session": integer,
			"present": map[string]any{"type": "boolean"}, "recorded_by": str, "recorded_at": instant}),
		"Progress": obj(map[string]any{"business_id": integer, "business_name": str, "district_code": str, "status": str,
			"present": map[string]any{"type": "array", "items": integer}, "attendance_pct": num, "pre_test": number,
			"post_test": number, "completed": map[string]any{"type": "boolean"}, "unmet": strs}),
		"ProgressList": obj(map[string]any{"sessions": map[string]any{"type": "array", "items": obj(map[string]any{
			"number": integer, "date": date, "title": str})}, "items": arrayOf("Progress")}, "items"),
		"ScoresInput": obj(map[string]any{"business_id": integer, "pre_test": number, "post_test": number}, "business_id"),
		"Scores": obj(map[string]any{"program_id": integer, "business_id": integer, "pre_test": number, "post_test": number,
			"recorded_by": str, "recorded_at": instant}),
		"DistrictReport": obj(map[string]any{"code": str, "name": str, "applicants": integer, "eligible": integer,
			"selected": integer, "attended": integer, "completed": integer}),
		"ProgramReport": obj(map[string]any{"program_id": integer, "districts": arrayOf("DistrictReport"),
			"totals": ref("DistrictReport"), "avg_pre_test": num, "avg_post_test": num, "avg_gain": num, "tested_pairs": integer,
			"cost": integer, "cost_per_participant": integer, "cost_per_completer": integer,
			"funding": map[string]any{"type": "array", "items": obj(map[string]any{"kind": str, "amount": integer, "share": num})}}),
		"Coverage":     obj(map[string]any{"code": str, "name": str, "businesses": integer, "trained": integer, "share": num}),
		"CoverageList": obj(map[string]any{"items": arrayOf("Coverage")}, "items"),
		"FollowUp": obj(map[string]any{"id": integer, "program_id": integer, "program_name": str, "business_id": integer,
			"business_name": str, "district_code": str, "village_code": str, "month": integer, "due_on": date,
			"status": enum("open", "done"), "method": str, "notes": str, "done_at": instant, "done_by": str}),
		"FollowUpList": pagedList("FollowUp"),
		"FollowUpReport": obj(map[string]any{"method": enum("kunjungan", "telepon"), "notes": str,
			"annual_revenue": integer, "capital": integer, "employees": integer}, "method", "notes"),
		"Partner": obj(map[string]any{"id": integer, "name": str, "kind": enum("apbd", "csr", "bank", "ritel", "bumn", "lainnya"),
			"contact": str, "created_at": instant, "updated_at": instant}, "name", "kind"),
		"PartnerList": obj(map[string]any{"items": arrayOf("Partner")}, "items"),
	}
}
