package web

import "maps"

// partnerSchemas are the OpenAPI schemas of what a mitra sees: programmes
// as figures, with no field for a business or a person.
func partnerSchemas() map[string]any {
	counts := map[string]any{"applicants": integer, "participants": integer, "attended": integer, "completed": integer}
	district := map[string]any{"code": str, "name": str}
	maps.Copy(district, counts)
	date := map[string]any{"type": "string", "format": "date"}
	return map[string]any{
		"PartnerCounts":   obj(counts, "applicants", "participants", "attended", "completed"),
		"PartnerDistrict": obj(district, "code", "name"),
		"PartnerProgram": obj(map[string]any{"id": integer, "name": str, "kind": str, "status": str, "starts_on": date,
			"ends_on": date, "venue": str, "capacity": integer, "cost": integer, "allocated": integer,
			"funding":          map[string]any{"type": "array", "items": obj(map[string]any{"kind": str, "amount": integer, "in_kind": str})},
			"target_districts": arrayOf("PartnerDistrict"), "totals": ref("PartnerCounts"),
			"districts": arrayOf("PartnerDistrict"), "naik_kelas": ref("NaikKelasProgram")},
			"id", "name", "kind", "status", "starts_on", "ends_on", "funding", "allocated", "target_districts", "totals", "districts"),
		"PartnerProgramList": obj(map[string]any{"items": arrayOf("PartnerProgram")}, "items"),
		"PartnerCommitment": obj(map[string]any{"id": integer, "kind": str, "amount": integer, "year": integer, "reference": str,
			"description": str, "starts_on": str, "ends_on": str, "realised": integer, "allocated": integer, "unspent": integer,
			"realisations": map[string]any{"type": "array", "items": obj(map[string]any{"date": date, "amount": integer}, "date", "amount")},
			"allocations": map[string]any{"type": "array", "items": obj(map[string]any{"program_id": integer, "program_name": str,
				"amount": integer}, "program_id", "amount")}},
			"id", "kind", "amount", "year", "realised", "allocated", "unspent", "realisations", "allocations"),
		"PartnerLedger": obj(map[string]any{"partner_id": integer, "partner_name": str, "years": arrayOf("PartnerYear"),
			"totals": ref("PartnerYear"), "commitments": arrayOf("PartnerCommitment")}, "partner_id", "partner_name", "years", "totals", "commitments"),
	}
}
