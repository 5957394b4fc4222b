package demo

import (
	"context"
	"fmt"
	"time"

	"naikkelas/internal/accounts"
	"naikkelas/internal/auth"
	"naikkelas/internal/capital"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
	"naikkelas/internal/services"
)

// SecondBankUsername is the mitra account of the demo's second bank, which
// funds no programme and sees only the referrals addressed to it.
const SecondBankUsername = "mitra.bpr"

// demoNeeds are the amounts of the demo's capital needs, in turn: one of
// each KUR scheme and one above the KUR ceiling.
var demoNeeds = []int64{5_000_000, 25_000_000, 50_000_000, 75_000_000, 150_000_000, 8_000_000, 600_000_000}

// secondBankKey is the second bank's key in Loader.partners, which holds
// the first partner of each kind under its kind.
const secondBankKey = "bank2"

// addSecondBank records the second bank and its mitra account, with the
// partners (so that the demo's marker counts the account as the demo's).
func addSecondBank(ctx context.Context, l *Loader) error {
	set := services.New(l.Store, Jurisdiction)
	second := &programs.Partner{Name: "BPR Serang Sejahtera (demo)", Kind: "bank", Contact: "Kredit UMKM, 0254-000004"}
	if _, err := set.Programs.SavePartner(ctx, officeActor(ctx, l), second); err != nil {
		return fmt.Errorf("bank demo: %w", err)
	}
	l.partners[secondBankKey] = second.ID
	u, err := accounts.NewService(l.Store, Jurisdiction).Create(ctx, auth.System, accounts.NewAccount{Username: SecondBankUsername,
		Password: MitraPassword, Role: auth.Mitra, PartnerID: second.ID})
	if err != nil {
		return fmt.Errorf("akun demo %s: %w", SecondBankUsername, err)
	}
	l.Accounts = append(l.Accounts, Account{Username: SecondBankUsername, Password: MitraPassword, Role: auth.Mitra,
		PartnerID: second.ID, Note: "hanya rujukan modal ke " + second.Name})
	l.userIDs = append(l.userIDs, u.ID)
	return nil
}

// stepCapital gives the capital pipeline something to show: needs of
// active businesses (most in the demo
// operator's kecamatan), referrals with consent spread over both banks, and
// the banks' decisions over the last two months: approvals, refusals, a
// withdrawal, disbursements, and decisions taken today so that the
// operator's WhatsApp outbox has messages due.
func stepCapital(ctx context.Context, l *Loader) error {
	set := services.New(l.Store, Jurisdiction)
	svc := set.Capital
	clk := &clock{}
	svc.Now = clk.now
	banks := []auth.Actor{{Username: "mitra.bank", Role: auth.Mitra, PartnerID: l.partners["bank"]},
		{Username: SecondBankUsername, Role: auth.Mitra, PartnerID: l.partners[secondBankKey]}}
	officer := auth.Actor{Username: "operator.cikande", Role: auth.Operator, Regions: []string{OperatorRegion}}
	today, _ := time.Parse(time.DateOnly, idfmt.Day(time.Now()))
	n := 0
	for i, it := range l.Businesses {
		b := it.Business
		if n == 40 {
			break
		}
		if b.Status != registry.StatusActive || !((b.DistrictCode == OperatorRegion && i%3 == 0) || i%50 == 0) {
			continue
		}
		recorder := officer
		if b.DistrictCode != OperatorRegion {
			recorder = auth.System
		}
		start := today.AddDate(0, 0, -60+n).Add(3 * time.Hour) // 10:00 WIB
		clk.t = start
		amount := demoNeeds[n%len(demoNeeds)]
		need := &capital.Need{Amount: amount, Purpose: []string{capital.PurposeWorking, capital.PurposeInvestment}[n%2]}
		if capital.NeedsCollateral(capital.SchemeFor(amount)) && n%3 != 0 {
			need.Collateral = "Sertifikat tanah dan bangunan tempat usaha"
		}
		saved, err := svc.CreateNeed(ctx, recorder, b.ID, need)
		if err != nil {
			return fmt.Errorf("kebutuhan modal %d: %w", b.ID, err)
		}
		n++
		if n%5 == 0 { // not referred yet
			continue
		}
		bank := banks[n%2]
		clk.t = start.AddDate(0, 0, 1+n%6)
		ref, err := svc.Refer(ctx, recorder, saved.ID, &capital.ReferralInput{PartnerID: bank.PartnerID, Consent: true})
		if err != nil {
			return fmt.Errorf("rujukan %d: %w", b.ID, err)
		}
		if err := decideDemo(ctx, svc, clk, bank, ref, n, today); err != nil {
			return fmt.Errorf("keputusan rujukan %d: %w", ref.ID, err)
		}
	}
	return nil
}

// decideDemo records the bank's answer to the n-th referral: pending for
// some, decided today for some (the outbox's messages), else approved and
// paid out, refused or withdrawn, 10 to 20 days after the referral.
func decideDemo(ctx context.Context, svc *capital.Service, clk *clock, bank auth.Actor, ref *capital.Referral, n int, today time.Time) error {
	decided := ref.ReferredAt.AddDate(0, 0, 10+n%11)
	if n%7 == 3 || !decided.Before(today) {
		decided = time.Now().UTC()
	}
	clk.t = decided
	var d capital.Decision
	switch n % 6 {
	case 0:
		return nil // the bank has not answered yet
	case 1, 2:
		d = capital.Decision{Status: capital.StatusApproved, Amount: ref.Amount - ref.Amount/5*int64(n%2), TenorMonths: 12 + 12*(n%3),
			RatePercent: 6}
	case 3:
		d = capital.Decision{Status: capital.StatusRejected, Reason: []string{"kemampuan_bayar", "riwayat_kredit", "agunan"}[n%3]}
	case 4:
		d = capital.Decision{Status: capital.StatusApproved, Amount: ref.Amount, TenorMonths: 24, RatePercent: 6}
	case 5:
		d = capital.Decision{Status: capital.StatusWithdrawn, Note: "Pemilik memilih menunda pinjaman"}
	}
	if _, err := svc.Decide(ctx, bank, ref.ID, &d); err != nil || d.Status != capital.StatusApproved || n%6 == 4 {
		return err
	}
	paid := decided.AddDate(0, 0, 3+n%5)
	if !paid.Before(time.Now()) {
		return nil // approved, money not yet paid
	}
	clk.t = paid
	_, err := svc.Decide(ctx, bank, ref.ID, &capital.Decision{Status: capital.StatusDisbursed})
	return err
}
