package demo

import (
	"context"
	"math/rand/v2"
	"sort"
	"strings"

	"naikkelas/internal/audit"
	"naikkelas/internal/auth"
	"naikkelas/internal/programs"
)

// attendCohort records presence at each of the 4 sessions and the tests:
// most participants came every day, about one in five missed one day (75%,
// still enough), and cohortDropouts left early (one after the first day,
// one after the second), below the 75% rule.
func attendCohort(ctx context.Context, svc *programs.Service, clk *clock, admin auth.Actor, programID int64, rng *rand.Rand) error {
	p, err := svc.Store.GetProgram(ctx, programID)
	if err != nil {
		return err
	}
	apps, err := svc.Store.ListApplications(ctx, programID)
	if err != nil {
		return err
	}
	var ids []int64
	for _, ap := range apps {
		if ap.Status == programs.AppSelected {
			ids = append(ids, ap.BusinessID)
		}
	}
	lastDay := map[int64]int{} // last session a dropout came to
	for i, k := range rng.Perm(len(ids))[:min(cohortDropouts, len(ids))] {
		lastDay[ids[k]] = i + 1
	}
	missed := map[int64]int{}
	for _, id := range ids {
		if lastDay[id] == 0 && rng.IntN(5) == 0 {
			missed[id] = 2 + rng.IntN(len(p.Sessions)-1)
		}
	}
	for _, s := range p.Sessions {
		for i, id := range ids {
			clk.at(s.Date, 8, 15+i/2)
			present := s.Number != missed[id] && (lastDay[id] == 0 || s.Number <= lastDay[id])
			if _, err := svc.SetAttendance(ctx, admin, programID, id, s.Number, present); err != nil {
				return err
			}
		}
	}
	clk.at(cohortEndsOn, 14, 30)
	for _, id := range ids {
		pre := float64(30 + rng.IntN(30))
		sc := &programs.Scores{ProgramID: programID, BusinessID: id, PreTest: &pre}
		if lastDay[id] == 0 {
			post := float64(62 + rng.IntN(34))
			sc.PostTest = &post
		}
		if _, err := svc.SetScores(ctx, admin, sc); err != nil {
			return err
		}
	}
	return nil
}

// codeAlphabet is the alphabet of certificate codes (certificate.NewCode).
const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// certificateCode is a code in the format of certificate.NewCode,
// drawn from the demo's seeded generator so that the load is reproducible.
func certificateCode(rng *rand.Rand) string {
	var s strings.Builder
	s.WriteString("NK")
	for i := range 12 {
		if i%4 == 0 {
			s.WriteByte('-')
		}
		s.WriteByte(codeAlphabet[rng.IntN(len(codeAlphabet))])
	}
	return s.String()
}

// issueCertificates issues the completers' certificates on the last day,
// as the office's ZIP download would, but with reproducible codes.
func issueCertificates(ctx context.Context, l *Loader, clk *clock, admin auth.Actor, c *cohort, rng *rand.Rand) error {
	clk.at(cohortEndsOn, 16, 30)
	for _, it := range c.completers {
		b, err := l.Store.GetBusiness(ctx, it.Business.ID)
		if err != nil {
			return err
		}
		cert := &programs.Certificate{ProgramID: c.programID, BusinessID: b.ID, Code: certificateCode(rng),
			BusinessName: b.Name, OwnerName: b.OwnerName, IssuedAt: clk.t}
		before, after := audit.Diff(nil, map[string]any{"program_id": c.programID, "code": cert.Code})
		ent := &audit.Entry{At: clk.t, UserID: admin.UserID, Username: admin.Username, Action: audit.Create,
			Entity: "certificate", EntityID: b.ID, Before: before, After: after}
		if err := l.Store.IssueCertificate(ctx, cert, ent); err != nil {
			return err
		}
	}
	return nil
}

// Notes of the +1 and +3 month follow-up visits and calls.
var (
	notesMonth1 = []string{
		"Sudah mulai mencatat produksi harian dengan format dari pelatihan; kemasan lama dipakai sampai stok habis.",
		"Label baru dengan komposisi dan tanggal kedaluwarsa sedang dicetak. Disarankan segera mengurus PIRT.",
		"Mulai berjualan lewat WhatsApp Business dan marketplace; omzet belum banyak berubah.",
		"Alur kerja dapur ditata ulang; menurut pemilik kapasitas produksi naik sekitar 20%.",
		"Bahan baku sedang mahal sehingga materi belum diterapkan. Dijadwalkan kunjungan ulang.",
	}
	notesMonth3 = []string{
		"Kemasan standing pouch berlabel sudah dipakai; produk mulai dititipkan di dua minimarket.",
		"Pesanan dari luar kecamatan bertambah; pemilik menambah satu pekerja paruh waktu.",
		"Pencatatan keuangan sederhana berjalan rutin; diarahkan ke KUR untuk menambah alat produksi.",
		"Penjualan daring stabil; perlu pendampingan foto produk dan pengurusan sertifikat halal.",
		"Belum ada perubahan berarti; pemilik meminta pendampingan pemasaran lanjutan.",
	}
	notesDropout = "Tidak menyelesaikan pelatihan. Ditawari ikut angkatan berikutnya; pemilik bersedia."
)

// followUpCohort logs the +1 and +3 month follow-ups as done, by visit or
// phone, a few days around their due date; the +6 month ones stay open.
func followUpCohort(ctx context.Context, svc *programs.Service, clk *clock, admin auth.Actor, programID int64, rng *rand.Rand) error {
	tasks, _, err := svc.Store.ListFollowUps(ctx, programs.FollowUpFilter{ProgramID: programID, PerPage: 500})
	if err != nil {
		return err
	}
	done := map[int64]bool{}
	apps, err := svc.Store.ListApplications(ctx, programID)
	if err != nil {
		return err
	}
	for _, ap := range apps {
		done[ap.BusinessID] = ap.Status == programs.AppCompleted
	}
	sort.SliceStable(tasks, func(i, j int) bool { return tasks[i].DueOn < tasks[j].DueOn })
	for _, t := range tasks {
		if t.Month > 3 {
			continue
		}
		notes := notesMonth1
		if t.Month == 3 {
			notes = notesMonth3
		}
		r := programs.FollowUpReport{Method: programs.FollowUpMethods[rng.IntN(2)], Notes: notes[rng.IntN(len(notes))]}
		if !done[t.BusinessID] {
			r.Notes = notesDropout
		}
		clk.at(t.DueOn, 9+rng.IntN(6), rng.IntN(60))
		clk.t = clk.t.AddDate(0, 0, rng.IntN(8)-2)
		if _, err := svc.CompleteFollowUp(ctx, admin, t.ID, r); err != nil {
			return err
		}
	}
	return nil
}
