package web

import "maps"

// assessmentSchemas are the OpenAPI schemas of assessments and the
// naik-kelas statistics. Field names follow the JSON tags of the assessment
// package.
func assessmentSchemas() map[string]any {
	scores := map[string]any{"type": "object", "additionalProperties": integer,
		"description": "Skor 0–100 per dimensi (produksi, pemasaran, kemasan_label, legalitas, keuangan, manajemen_sdm)"}
	answers := map[string]any{"type": "object", "additionalProperties": str, "description": "question_id → option_id"}
	rate := map[string]any{"type": "number", "nullable": true, "description": "persen"}
	counts := map[string]any{"size_up": integer, "size_down": integer, "size_unchanged": integer, "size_no_data": integer,
		"level_up": integer, "level_down": integer, "level_unchanged": integer, "level_no_data": integer}
	split := map[string]any{"size_up": integer, "size_down": integer, "size_unchanged": integer,
		"level_up": integer, "level_down": integer, "level_unchanged": integer}
	with := func(extra map[string]any) map[string]any {
		out := maps.Clone(counts)
		maps.Copy(out, extra)
		return out
	}
	return map[string]any{
		"Instrument": obj(map[string]any{"version": str, "name": str,
			"dimensions": arrayOf("InstrumentDimension"), "levels": arrayOf("InstrumentLevel")}, "version", "dimensions", "levels"),
		"InstrumentDimension": obj(map[string]any{"id": str, "name": str, "topic": str,
			"questions": arrayOf("InstrumentQuestion")}, "id", "name", "questions"),
		"InstrumentQuestion": obj(map[string]any{"id": str, "text": str, "options": arrayOf("InstrumentOption"),
			"prefill": obj(map[string]any{"field": str, "map": map[string]any{"type": "object", "additionalProperties": str}})},
			"id", "text", "options"),
		"InstrumentOption": obj(map[string]any{"id": str, "text": str, "score": integer}, "id", "text", "score"),
		"InstrumentLevel": obj(map[string]any{"level": integer, "name": str, "description": str, "min_average": integer,
			"min_scores": map[string]any{"type": "object", "additionalProperties": integer}}, "level", "name"),
		"AssessmentInput": obj(map[string]any{"instrument_version": str, "answers": answers, "assessed_on": str,
			"source": enum("self", "officer", "officer_verified"), "verified_from": integer, "visit_date": str}, "answers"),
		"VerificationInput": obj(map[string]any{"visit_date": str, "answers": answers}, "visit_date"),
		"Recommendation":    obj(map[string]any{"dimension": str, "question": str, "text": str, "topic": str}, "dimension", "text"),
		"Assessment": obj(map[string]any{"id": integer, "business_id": integer, "instrument_version": str, "assessed_on": str,
			"source": enum("self", "officer", "officer_verified"), "answers": answers, "scores": scores, "level": integer,
			"level_name": str, "recommendations": arrayOf("Recommendation"), "assessor_id": integer, "assessor": str,
			"visit_date": str, "verified_from": integer, "created_at": instant},
			"id", "scores", "level", "level_name", "recommendations"),
		"AssessmentList":    obj(map[string]any{"items": arrayOf("Assessment")}, "items"),
		"AssessmentPrefill": obj(map[string]any{"instrument_version": str, "answers": answers}, "answers"),
		"TimelineEvent": obj(map[string]any{"date": str, "kind": enum("measurement", "assessment", "program_applied",
			"program_selected", "program_completed", "document_obtained", "document_expired"), "title": str,
			"size_class": str, "level": integer, "level_name": str, "source": str, "program_id": integer,
			"document": str, "ref_id": integer}, "date", "kind", "title"),
		"Timeline":        obj(map[string]any{"items": arrayOf("TimelineEvent")}, "items"),
		"NaikKelasSplit":  obj(split),
		"NaikKelasSource": obj(map[string]any{"verified": ref("NaikKelasSplit"), "self_reported": ref("NaikKelasSplit")}),
		"NaikKelasDistrict": obj(with(map[string]any{"code": str, "name": str, "by_source": ref("NaikKelasSource")}),
			"code", "name"),
		"NaikKelasSeriesPoint": obj(with(map[string]any{"from": str, "to": str})),
		"NaikKelasGroup": obj(with(map[string]any{"businesses": integer, "size_up_rate": rate, "size_rate_base": integer,
			"level_up_rate": rate, "level_rate_base": integer})),
		"NaikKelasProgram": obj(map[string]any{"program_id": integer, "name": str, "starts_on": str, "completers": integer,
			"unmatched_completers": integer, "completers_group": ref("NaikKelasGroup"), "comparison_group": ref("NaikKelasGroup"),
			"size_up_difference": rate, "level_up_difference": rate, "note": str, "market": arrayOf("NaikKelasMarketShare"),
			"market_figures": arrayOf("NaikKelasMarketFigure")}),
		"NaikKelasMarketFigure": obj(map[string]any{"measure": enum("label_before", "label_after", "curation_pass_rate",
			"sales_last_month", "owed_past_terms"), "label": str, "unit": enum("score", "percent", "rupiah"),
			"completers": rate, "comparison": rate, "difference": rate}, "measure", "label", "unit"),
		"NaikKelasMarketShare": obj(map[string]any{"step": enum("with_product", "passed_curation", "listed"), "label": str,
			"completers": integer, "completers_share": rate, "comparison": integer, "comparison_share": rate, "difference": rate},
			"step", "label", "completers", "comparison"),
		"NaikKelasBaseline": obj(map[string]any{"before_from": integer, "first_in_window": integer,
			"level_before_from": integer, "level_first_in_window": integer},
			"before_from", "first_in_window", "level_before_from", "level_first_in_window"),
		"NaikKelasStats": obj(with(map[string]any{"from": str, "to": str, "by_source": ref("NaikKelasSource"),
			"baseline":  ref("NaikKelasBaseline"),
			"districts": arrayOf("NaikKelasDistrict"), "series": arrayOf("NaikKelasSeriesPoint"),
			"program": ref("NaikKelasProgram")}), "from", "to", "size_up", "level_up", "baseline", "by_source", "districts"),
		"IDList": obj(map[string]any{"items": map[string]any{"type": "array", "items": integer}, "total": integer}, "items", "total"),
	}
}
