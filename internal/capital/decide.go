package capital

import (
	"context"
	"slices"
	"strings"
	"time"

	"naikkelas/internal/apperr"
	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
)

// Bounds of a decision.
const (
	MaxTenorMonths = 120
	MaxRatePercent = 30.0
)

var errBankDecides = apperr.New(apperr.Forbidden,
	"Keputusan kredit dicatat oleh bank yang dituju; dinas dan pemilik usaha hanya dapat membatalkan rujukan")

// Decide records the bank's decision on a referral, or its disbursement.
// The bank's mitra records any step; an officer of the area or the owner
// may only withdraw the referral. A step the life cycle does not allow is
// Conflict naming the allowed ones.
func (s *Service) Decide(ctx context.Context, a auth.Actor, id int64, d *Decision) (*Referral, error) {
	r, err := s.Store.GetReferral(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := s.reach(ctx, a, r); err != nil {
		return nil, err
	}
	d.Status = strings.TrimSpace(d.Status)
	switch {
	case a.ForPartner(r.PartnerID):
	case !a.CanWrite() || a.IsMitra():
		return nil, apperr.New(apperr.Forbidden, "Peran Anda tidak dapat mencatat keputusan rujukan")
	case d.Status != StatusWithdrawn:
		return nil, errBankDecides
	}
	if d.Version != nil && *d.Version != r.Version {
		return nil, apperr.New(apperr.Conflict, "Rujukan ini sudah diubah orang lain. Muat ulang lalu ulangi.")
	}
	if !slices.Contains(Statuses, d.Status) || d.Status == StatusReferred {
		return nil, apperr.Validation(map[string]string{"status": "Keputusan harus approved, rejected, withdrawn atau disbursed"})
	}
	if !CanMove(r.Status, d.Status) {
		return nil, badMove(r.Status, d.Status)
	}
	before := *r
	if err := s.apply(r, *d, a); err != nil {
		return nil, err
	}
	e := &audit.Entry{UserID: a.UserID, Username: a.Username, Action: audit.Update, Entity: "capital_referral", EntityID: r.ID}
	e.Before, e.After = audit.Diff(decisionFields(&before), decisionFields(r))
	if err := s.Store.SaveDecision(ctx, r, e); err != nil {
		return nil, err
	}
	return s.Referral(ctx, a, r.ID)
}

func badMove(from, to string) error {
	var next []string
	for _, m := range moves[from] {
		next = append(next, StatusLabel(m))
	}
	if len(next) == 0 {
		return apperr.New(apperr.Conflict, "Rujukan yang sudah %s tidak dapat diubah lagi", StatusLabel(from))
	}
	return apperr.New(apperr.Conflict, "Rujukan berstatus %s tidak dapat menjadi %s; langkah berikutnya: %s",
		StatusLabel(from), StatusLabel(to), strings.Join(next, " atau "))
}

// apply checks d and writes it into r.
func (s *Service) apply(r *Referral, d Decision, a auth.Actor) error {
	f := map[string]string{}
	note := strings.TrimSpace(d.Note)
	if len(note) > maxNote {
		f["note"] = "Catatan terlalu panjang (maks. 1.000 karakter)"
	}
	now := s.Now().UTC()
	switch d.Status {
	case StatusApproved:
		if d.Amount <= 0 || d.Amount > MaxAmount {
			f["amount"] = "Jumlah yang disetujui harus lebih dari Rp0"
		}
		if d.TenorMonths < 1 || d.TenorMonths > MaxTenorMonths {
			f["tenor_months"] = "Tenor harus 1 sampai 120 bulan"
		}
		if d.RatePercent <= 0 || d.RatePercent > MaxRatePercent {
			f["rate_percent"] = "Suku bunga harus lebih dari 0% dan paling tinggi 30% setahun"
		}
		r.ApprovedAmount, r.TenorMonths, r.RatePercent = d.Amount, d.TenorMonths, d.RatePercent
		r.DecidedAt, r.DecidedBy = now, a.Username
	case StatusRejected:
		switch {
		case !slices.ContainsFunc(RejectReasons, func(x struct{ Key, Label string }) bool { return x.Key == d.Reason }):
			f["reason"] = "Pilih alasan penolakan dari daftar"
		case d.Reason == "lainnya" && note == "":
			f["note"] = "Alasan lainnya membutuhkan catatan"
		}
		r.RejectReason = d.Reason
		r.DecidedAt, r.DecidedBy = now, a.Username
	case StatusDisbursed:
		s.disbursement(r, d, f)
	}
	if err := apperr.Validation(f); err != nil {
		return err
	}
	r.Status = d.Status
	if note != "" {
		r.DecisionNote = note
	}
	return nil
}

// disbursement checks and writes the money paid out: by default the whole
// approved amount today; never more than approved, never before the
// approval or after today.
func (s *Service) disbursement(r *Referral, d Decision, f map[string]string) {
	on, amount := strings.TrimSpace(d.DisbursedOn), d.Amount
	if on == "" {
		on = s.today()
	}
	if amount == 0 {
		amount = r.ApprovedAmount
	}
	day, err := time.Parse(time.DateOnly, on)
	switch {
	case err != nil:
		f["disbursed_on"] = "Tanggal pencairan harus berformat TTTT-BB-HH"
	case on > s.today():
		f["disbursed_on"] = "Tanggal pencairan tidak boleh di masa depan"
	case !r.DecidedAt.IsZero() && day.Format(time.DateOnly) < idfmt.Day(r.DecidedAt):
		f["disbursed_on"] = "Tanggal pencairan tidak boleh sebelum tanggal persetujuan"
	}
	if amount <= 0 || amount > r.ApprovedAmount {
		f["amount"] = "Jumlah yang dicairkan harus lebih dari Rp0 dan tidak melebihi jumlah yang disetujui"
	}
	r.DisbursedOn, r.DisbursedAmount = on, amount
}

// decisionFields is what the audit log keeps of a decision.
func decisionFields(r *Referral) map[string]any {
	return map[string]any{"status": r.Status, "approved_amount": r.ApprovedAmount, "tenor_months": r.TenorMonths,
		"rate_percent": r.RatePercent, "reject_reason": r.RejectReason, "decision_note": r.DecisionNote,
		"disbursed_on": r.DisbursedOn, "disbursed_amount": r.DisbursedAmount}
}
