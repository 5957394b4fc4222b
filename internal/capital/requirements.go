package capital

import (
	"fmt"
	"time"

	"naikkelas/internal/registry"
)

// Requirement is one thing the bank will ask for, and whether the office's
// record of the business shows it. Detail says what is missing.
type Requirement struct {
	Key    string `json:"key"`
	Label  string `json:"label"`
	Met    bool   `json:"met"`
	Detail string `json:"detail"`
}

// Requirement keys.
const (
	ReqNIK        = "nik"
	ReqNIB        = "nib"
	ReqOperating  = "operating_6_months"
	ReqPhone      = "phone"
	ReqRevenue    = "revenue"
	ReqCollateral = "collateral"
)

// MinOperatingMonths is how long a business must have run for KUR.
const MinOperatingMonths = 6

// Requirements checks what a bank asks for under the need's scheme against
// the record of the business on the day given (YYYY-MM-DD): KTP (NIK), NIB,
// at least six months in operation, a phone to reach the owner, a recorded
// revenue, and collateral where the scheme asks for it.
func Requirements(b *registry.Business, n *Need, today string) []Requirement {
	scheme := SchemeFor(n.Amount)
	out := []Requirement{
		check(ReqNIK, "KTP pemilik (NIK tercatat)", len(b.NIK) == 16, "NIK pemilik belum tercatat"),
		check(ReqNIB, "NIB (Nomor Induk Berusaha)", b.NIB != "", "usaha belum punya NIB; daftarkan di OSS"),
		operating(b.FoundedYear, today),
		check(ReqPhone, "Nomor HP pemilik untuk dihubungi bank", b.Phone != "", "nomor HP belum tercatat"),
		check(ReqRevenue, "Omzet tahunan tercatat", b.AnnualRevenue > 0, "omzet belum tercatat; bank menilai kemampuan bayar dari omzet"),
	}
	if NeedsCollateral(scheme) {
		out = append(out, check(ReqCollateral, "Agunan tambahan ("+SchemeLabel(scheme)+")", n.Collateral != "",
			"tidak ada agunan yang ditawarkan"))
	}
	return out
}

func check(key, label string, met bool, missing string) Requirement {
	r := Requirement{Key: key, Label: label, Met: met}
	if !met {
		r.Detail = missing
	}
	return r
}

// operating tells whether a business founded in the given year has surely
// run six months by today. The register knows the year only, so a business
// counts from the last day of it: founded in 2025, it has surely run six
// months from 1 July 2026.
func operating(founded int, today string) Requirement {
	label := fmt.Sprintf("Usaha berjalan minimal %d bulan", MinOperatingMonths)
	day, err := time.Parse(time.DateOnly, today)
	switch {
	case founded == 0:
		return check(ReqOperating, label, false, "tahun mulai usaha belum tercatat")
	case err != nil:
		return check(ReqOperating, label, false, "tanggal pemeriksaan tidak terbaca")
	}
	surely := time.Date(founded, time.December, 31, 0, 0, 0, 0, time.UTC).AddDate(0, MinOperatingMonths, 0)
	return check(ReqOperating, label, !day.Before(surely),
		fmt.Sprintf("usaha mulai tahun %d; belum pasti %d bulan berjalan", founded, MinOperatingMonths))
}
