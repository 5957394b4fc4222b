package web

// fundingSchemas are the schemas of the funding ledger.
func fundingSchemas() map[string]any {
	date := map[string]any{"type": "string", "format": "date"}
	return map[string]any{
		"CommitmentInput": obj(map[string]any{"kind": enum("money", "in_kind"), "amount": integer, "year": integer,
			"reference": str, "description": str, "starts_on": date, "ends_on": date}, "kind", "amount", "year"),
		"Commitment": obj(map[string]any{"id": integer, "partner_id": integer, "partner_name": str, "kind": enum("money", "in_kind"),
			"amount": integer, "year": integer, "reference": str, "description": str, "starts_on": str, "ends_on": str,
			"realised": integer, "allocated": integer, "created_by": str, "created_at": instant}),
		"CommitmentList": obj(map[string]any{"items": arrayOf("Commitment")}, "items"),
		"CommitmentDetail": map[string]any{"allOf": []any{ref("Commitment"), obj(map[string]any{
			"realisations": arrayOf("Realisation"), "allocations": arrayOf("Allocation")})}},
		"RealisationInput": obj(map[string]any{"amount": integer, "date": date, "note": str}, "amount", "date"),
		"Realisation": obj(map[string]any{"id": integer, "commitment_id": integer, "amount": integer, "date": str, "note": str,
			"created_by": str, "created_at": instant}),
		"AllocationInput": obj(map[string]any{"commitment_id": integer, "amount": integer, "note": str}, "commitment_id", "amount"),
		"Allocation": obj(map[string]any{"id": integer, "commitment_id": integer, "program_id": integer, "partner_id": integer,
			"partner_name": str, "kind": enum("money", "in_kind"), "amount": integer, "note": str, "created_by": str, "created_at": instant}),
		"ProgramCost": obj(map[string]any{"program_id": integer, "program_name": str, "cost": integer, "money": integer,
			"in_kind": integer, "participants": integer, "completers": integer,
			"outcomes": map[string]any{"type": "integer", "nullable": true}, "cost_per_participant": integer,
			"cost_per_completer": integer, "cost_per_outcome": integer, "allocations": arrayOf("Allocation")}),
		"PartnerYear": obj(map[string]any{"partner_id": integer, "partner_name": str, "year": integer, "committed": integer,
			"realised": integer, "allocated": integer, "unspent": integer, "expected": integer, "lagging": map[string]any{"type": "boolean"}}),
		"FundingStats": obj(map[string]any{"year": integer, "today": str, "partners": arrayOf("PartnerYear"),
			"totals": ref("PartnerYear")}, "partners", "totals"),
	}
}
