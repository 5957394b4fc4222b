package web

import (
	"html/template"
	"naikkelas/internal/funding"
	"naikkelas/internal/planner"
	"strings"

	"naikkelas/internal/idfmt"
	"naikkelas/internal/programs"
)

// programFuncs are the template functions of the programme pages.
func programFuncs() template.FuncMap {
	return template.FuncMap{
		"programDates": func(p *programs.Program) string { return idfmt.DateRange(p.StartsOn, p.EndsOn) },
		"score":        programs.FormatScore,
		"topicLabel":   programs.TopicLabel,
		"topicList": func(ts []string) string {
			out := make([]string, len(ts))
			for i, t := range ts {
				out[i] = programs.TopicLabel(t)
			}
			return strings.Join(out, ", ")
		},
		"programStatus":  programs.StatusLabel,
		"appStatus":      programs.AppStatusLabel,
		"kindLabel":      kindLabel,
		"dateRange":      idfmt.DateRange,
		"ratePct":        ratePct,
		"diffPoints":     diffPoints,
		"fundingKind":    programs.FundingKindLabel,
		"commitmentKind": funding.KindLabel,
		"deref": func(p *int) int {
			if p == nil {
				return 0
			}
			return *p
		},
		"maxPlanYears": func() int { return planner.MaxYears },
		"reasonLabel":  programs.ReasonLabel,
		"canWithdraw":  programs.CanWithdraw,
		"channelLabel": channelLabel,
		"ownerNote":    ownerNote,
		"list":         func(s ...string) []string { return s },
		"hasInt":       func(list []int, n int) bool { return containsInt(list, n) },
		"decimal":      func(v float64) string { return idfmt.Decimal(v, 2) },
		"percent":      idfmt.Percent,
		// an average of no scores is no figure, not 0
		"scoreOrDash": func(v float64) string { return idfmt.DecimalOrDash(v, 2, v != 0) },
	}
}

func containsInt(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}

// kindLabel is the Indonesian name of a programme kind.
func kindLabel(k string) string { return idfmt.Label(kindLabels, k) }

var kindLabels = map[string]string{programs.KindPelatihan: "Pelatihan", programs.KindPendampingan: "Pendampingan",
	programs.KindPameran: "Pameran", programs.KindKurasi: "Kurasi produk", programs.KindFasilitasi: "Fasilitasi sertifikasi"}

// channelLabel is the Indonesian name of the way an application came in.
func channelLabel(c string) string { return idfmt.Label(channelLabels, c) }

var channelLabels = map[string]string{programs.ChannelOnline: "Daftar sendiri", programs.ChannelNominasi: "Nominasi petugas",
	programs.ChannelBulk: "Tambah massal"}

// ownerNote tells a business owner, in plain words, where its application
// stands and why: the same reason the office reads.
func ownerNote(ap programs.Application) string {
	why := strings.TrimSpace(ap.Reason)
	with := func(lead string) string {
		if why == "" {
			return lead + "."
		}
		return lead + ": " + why + "."
	}
	switch ap.Status {
	case programs.AppApplied:
		return "Pendaftaran Anda sudah diterima. Hasil seleksi diumumkan setelah pendaftaran ditutup."
	case programs.AppSelected:
		return "Selamat, usaha Anda terpilih sebagai peserta."
	case programs.AppReserve:
		return with("Usaha Anda masuk daftar cadangan") +
			" Bila ada peserta yang mengundurkan diri, cadangan terbaik yang tetap memenuhi aturan kuota menggantikannya."
	case programs.AppNotSelected:
		return with("Usaha Anda belum terpilih kali ini")
	case programs.AppIneligible:
		return with("Usaha Anda belum memenuhi syarat program ini")
	case programs.AppAttended:
		return "Usaha Anda sedang mengikuti program ini."
	case programs.AppCompleted:
		return "Selamat, usaha Anda lulus program ini."
	case programs.AppDroppedOut:
		return with("Usaha Anda belum memenuhi syarat lulus")
	case programs.AppWithdrawn:
		return "Usaha Anda sudah mengundurkan diri dari program ini."
	}
	return why
}
