package demo

import (
	"context"
	"fmt"

	"naikkelas/internal/accounts"
	"naikkelas/internal/auth"
	"naikkelas/internal/market"
	"naikkelas/internal/programs"
)

// MitraPassword is the password of every demo mitra account (demo only).
const MitraPassword = "mitra-demo-2025"

// demoPartners are the demo's partners, each with one mitra account: a
// regional bank co-funds the halal facilitation, a retail chain the
// packaging training and a company's CSR fund the 2025 cohort, so every
// mitra has something to see and the CSR fund has naik-kelas figures. The
// two retailers carry curation requirements (step_retail.go).
var demoPartners = []struct {
	partner  programs.Partner
	username string
}{
	{programs.Partner{Name: "Bank Daerah Banten (demo)", Kind: "bank", Contact: "UMKM Center, 0254-000001"}, "mitra.bank"},
	{programs.Partner{Name: "Jaringan Minimarket Serang (demo)", Kind: "ritel", Contact: "Tim kurasi produk lokal, 0254-000002",
		Requirements: &market.Requirements{Halal: true, PIRTOrBPOM: true, Barcode: true, MinShelfLifeDays: 90, MinMonthlySupply: 200,
			MinLabelScore: 70, Brand: true}}, "mitra.ritel"},
	{programs.Partner{Name: "Dana CSR Kawasan Industri Cikande (demo)", Kind: "csr", Contact: "Bagian CSR, 0254-000003"}, "mitra.csr"},
	{programs.Partner{Name: "Swalayan Oleh-oleh Serang (demo)", Kind: "ritel", Contact: "Pojok UMKM, 0254-000004",
		Requirements: &market.Requirements{PIRTOrBPOM: true, MinShelfLifeDays: 30, Brand: true}}, "mitra.swalayan"},
}

// mitraNote says what a demo mitra account shows.
func mitraNote(pt *programs.Partner) string {
	if pt.Kind == "ritel" {
		return "hanya program yang didanai, kurasi, produk dan penjualan di " + pt.Name
	}
	return "hanya program yang didanai dan komitmen dana " + pt.Name
}

// stepPartners records the partners and their mitra accounts, and the
// second bank that only receives referrals (step_capital.go).
func stepPartners(ctx context.Context, l *Loader) error {
	svc, _ := demoService(l)
	admin := officeActor(ctx, l)
	acc := accounts.NewService(l.Store, Jurisdiction)
	l.partners = map[string]int64{}
	for _, d := range demoPartners {
		pt := d.partner
		if _, err := svc.SavePartner(ctx, admin, &pt); err != nil {
			return fmt.Errorf("mitra demo %s: %w", pt.Name, err)
		}
		if _, ok := l.partners[pt.Kind]; !ok { // the first of a kind co-funds programmes
			l.partners[pt.Kind] = pt.ID
		}
		if pt.Kind == "ritel" {
			l.retailers = append(l.retailers, pt.ID)
		}
		u, err := acc.Create(ctx, auth.System, accounts.NewAccount{Username: d.username, Password: MitraPassword,
			Role: auth.Mitra, PartnerID: pt.ID})
		if err != nil {
			return fmt.Errorf("akun demo %s: %w", d.username, err)
		}
		l.Accounts = append(l.Accounts, Account{Username: d.username, Password: MitraPassword, Role: auth.Mitra,
			PartnerID: pt.ID, Note: mitraNote(&pt)})
		l.userIDs = append(l.userIDs, u.ID)
	}
	return addSecondBank(ctx, l)
}

// cofunded splits a programme's budget: the partner of kind pays share,
// the regency's APBD the rest.
func (l *Loader) cofunded(budget int64, kind string, share int64) []programs.FundingLine {
	return []programs.FundingLine{{Kind: "apbd", Amount: budget - share},
		{PartnerID: l.partners[kind], Kind: kind, Amount: share}}
}
