package web

import (
	"naikkelas/internal/capital"
	"naikkelas/internal/messages"
)

// capitalSchemas are the OpenAPI schemas of capital needs, referrals to
// banks and their funnel, and of the WhatsApp outbox that tells businesses
// of them. Field names follow the JSON tags of the capital
// package; the enumerations come from its lists.
func capitalSchemas() map[string]any {
	dateOrEmpty := map[string]any{"type": "string", "description": "TTTT-BB-HH atau kosong"}
	purpose, scheme, status := enum(capital.Purposes...), enum(capital.Schemes...), enum(capital.Statuses...)
	var reasons []string
	for _, r := range capital.RejectReasons {
		reasons = append(reasons, r.Key)
	}
	days := map[string]any{"type": "number", "nullable": true, "description": "Rata-rata hari; null bila belum ada"}
	funnel := obj(map[string]any{"key": str, "name": str, "needs": integer, "referred": integer, "decided": integer,
		"approved": integer, "disbursed": integer, "need_amount": integer, "approved_amount": integer,
		"disbursed_amount": integer, "days_to_referral": days, "days_to_decision": days, "days_to_disbursal": days},
		"key", "name", "needs", "referred", "decided", "approved", "disbursed")
	return map[string]any{
		"CapitalNeedInput": obj(map[string]any{"amount": integer, "purpose": purpose,
			"collateral": map[string]any{"type": "string", "description": "Agunan yang ditawarkan; kosong = tanpa agunan"},
			"note":       str}, "amount", "purpose"),
		"CapitalNeed": obj(map[string]any{"id": integer, "business_id": integer, "business_name": str, "district_code": str,
			"amount": integer, "purpose": purpose, "collateral": str, "note": str, "scheme": scheme, "recorded_by": str,
			"recorded_at": instant, "referrals": arrayOf("Referral")}, "id", "business_id", "amount", "purpose", "scheme"),
		"CapitalNeedList": obj(map[string]any{"items": arrayOf("CapitalNeed")}, "items"),
		"ReferralInput": obj(map[string]any{"partner_id": integer, "consent": map[string]any{"type": "boolean",
			"description": "Persetujuan pemilik bahwa data dan kontaknya diteruskan ke bank; tanpa persetujuan 422"}},
			"partner_id", "consent"),
		"CapitalRequirement": obj(map[string]any{"key": str, "label": str, "met": map[string]any{"type": "boolean"}, "detail": str},
			"key", "label", "met"),
		"ReferralContact": obj(map[string]any{"owner_name": str, "phone": str, "address": str, "village_code": str}),
		"OfficeSignature": obj(map[string]any{"government": str, "agency": str, "name": str, "title": str, "nip": str}),
		"Referral": obj(map[string]any{"id": integer, "need_id": integer, "business_id": integer, "business_name": str,
			"district_code": str, "partner_id": integer, "partner_name": str, "amount": integer, "purpose": purpose,
			"collateral": str, "scheme": scheme, "status": status, "requirements": arrayOf("CapitalRequirement"), "code": str,
			"consent_at": instant, "consent_by": str, "referred_at": instant, "referred_by": str, "signatory": ref("OfficeSignature"),
			"decided_at": instant, "decided_by": str, "approved_amount": integer, "tenor_months": integer,
			"rate_percent": map[string]any{"type": "number"}, "reject_reason": str, "decision_note": str,
			"disbursed_on": dateOrEmpty, "disbursed_amount": integer, "version": integer,
			"contact": ref("ReferralContact")}, "id", "need_id", "partner_id", "scheme", "status", "requirements", "code"),
		"ReferralPage": pagedList("Referral"),
		"ReferralDecision": obj(map[string]any{"status": enum(capital.StatusApproved, capital.StatusRejected,
			capital.StatusWithdrawn, capital.StatusDisbursed),
			"amount":       map[string]any{"type": "integer", "format": "int64", "description": "approved: jumlah disetujui; disbursed: jumlah dicairkan (bawaan: yang disetujui)"},
			"tenor_months": integer, "rate_percent": map[string]any{"type": "number"}, "reason": enum(reasons...),
			"note": str, "disbursed_on": dateOrEmpty, "version": integer}, "status"),
		"CapitalFunnel": funnel,
		"MessageKey": obj(map[string]any{"business_id": integer, "kind": enum(messages.Kinds()...), "subject": str,
			"due_on": map[string]any{"type": "string", "format": "date"}}, "business_id", "kind", "subject", "due_on"),
		"OutboxMessage": obj(map[string]any{"business_id": integer, "business_name": str, "owner_name": str, "phone": str,
			"district_code": str, "village_code": str, "kind": enum(messages.Kinds()...), "subject": str,
			"due_on": map[string]any{"type": "string", "format": "date"}, "text": str, "link": str, "problem": str},
			"business_id", "kind", "subject", "due_on", "text", "link", "problem"),
		"OutboxList": obj(map[string]any{"items": arrayOf("OutboxMessage")}, "items"),
		"MessageSent": obj(map[string]any{"business_id": integer, "kind": str, "subject": str, "due_on": str, "sent_at": instant,
			"sent_by": str}, "business_id", "kind", "subject", "due_on", "sent_at", "sent_by"),
		"MessageTemplate": obj(map[string]any{"kind": enum(messages.Kinds()...), "label": str, "body": str,
			"placeholders": map[string]any{"type": "array", "items": str}, "version": integer, "updated_at": instant, "updated_by": str},
			"kind", "label", "body", "placeholders", "version"),
		"MessageTemplateList":  obj(map[string]any{"items": arrayOf("MessageTemplate")}, "items"),
		"MessageTemplateInput": obj(map[string]any{"body": str, "version": integer}, "body", "version"),
		"ContactPreference":    obj(map[string]any{"opted_out": map[string]any{"type": "boolean"}}, "opted_out"),
		"CapitalStats": obj(map[string]any{"total": ref("CapitalFunnel"), "districts": arrayOf("CapitalFunnel"),
			"programs": arrayOf("CapitalFunnel"), "untrained": ref("CapitalFunnel")}, "total", "districts", "programs", "untrained"),
	}
}
