package capital

import (
	"context"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/certificate"
	"naikkelas/internal/registry"
)

// ReferralInput asks for a need to be referred to a bank. Consent is the
// owner's agreement that the bank receives the business's contact data:
// given by the owner, or attested by the officer who asked the owner.
type ReferralInput struct {
	PartnerID int64 `json:"partner_id"`
	Consent   bool  `json:"consent"`
}

// Refer refers a need to a bank partner. Without consent there is no
// referral (Invalid); the partner must be a bank (Invalid); one need goes to
// one bank once (Conflict). The bank's requirements are checked against the
// record and kept with the referral, unmet ones named; an unmet requirement
// does not stop the referral, the bank sees it.
func (s *Service) Refer(ctx context.Context, a auth.Actor, needID int64, in *ReferralInput) (*Referral, error) {
	if !a.CanWrite() {
		return nil, errReadOnly
	}
	n, err := s.Store.GetNeed(ctx, needID)
	if err != nil {
		return nil, err
	}
	b, err := s.Registry.Get(ctx, a, n.BusinessID)
	if apperr.Is(err, apperr.NotFound) {
		return nil, errNeedNotFound
	}
	if err != nil {
		return nil, err
	}
	if b.Status != registry.StatusActive {
		return nil, apperr.New(apperr.Conflict, "Usaha yang diarsipkan tidak dapat dirujuk")
	}
	if !in.Consent {
		return nil, apperr.Validation(map[string]string{"consent": "Rujukan ke bank membutuhkan persetujuan pemilik usaha " +
			"bahwa data dan kontaknya diteruskan ke bank"})
	}
	bank, err := s.Partners.GetPartner(ctx, in.PartnerID)
	if apperr.Is(err, apperr.NotFound) || (err == nil && bank.Kind != "bank") {
		return nil, apperr.Validation(map[string]string{"partner_id": "Pilih mitra berjenis bank"})
	}
	if err != nil {
		return nil, err
	}
	// The store reads the business back with the referral; the owner's
	// contact is read unmasked for the bank, whatever the referrer sees.
	full, err := s.Registry.Get(ctx, officeActor, b.ID)
	if err != nil {
		return nil, err
	}
	now := s.Now().UTC().Truncate(time.Microsecond)
	r := &Referral{NeedID: n.ID, BusinessID: b.ID, PartnerID: bank.ID, Amount: n.Amount, Purpose: n.Purpose,
		Collateral: n.Collateral, Scheme: SchemeFor(n.Amount), Status: StatusReferred,
		Requirements: Requirements(full, n, s.today()), Code: certificate.NewCode(), ConsentAt: now, ConsentBy: a.Username,
		ReferredAt: now, ReferredBy: a.Username}
	if s.Signatory != nil {
		if r.Signatory, err = s.Signatory(ctx); err != nil {
			return nil, err
		}
	}
	e := &audit.Entry{UserID: a.UserID, Username: a.Username, Action: audit.Create, Entity: "capital_referral"}
	_, e.After = audit.Diff(nil, map[string]any{"need_id": n.ID, "business_id": b.ID, "partner_id": bank.ID,
		"scheme": r.Scheme, "code": r.Code, "consent_by": a.Username, "unmet": len(r.Unmet())})
	if err := s.Store.CreateReferral(ctx, r, e); err != nil {
		return nil, err
	}
	return s.Referral(ctx, a, r.ID)
}
