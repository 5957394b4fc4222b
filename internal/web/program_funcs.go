package web

import (
	"html/template"
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
		"programStatus": programs.StatusLabel,
		"appStatus":     programs.AppStatusLabel,
		"kindLabel":     kindLabel,
		"fundingKind":   programs.FundingKindLabel,
		"list":          func(s ...string) []string { return s },
		"hasInt":        func(list []int, n int) bool { return containsInt(list, n) },
		"decimal":       func(v float64) string { return idfmt.Decimal(v, 2) },
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
func kindLabel(k string) string {
	switch k {
	case programs.KindPelatihan:
		return "Pelatihan"
	case programs.KindPendampingan:
		return "Pendampingan"
	case programs.KindPameran:
		return "Pameran"
	case programs.KindKurasi:
		return "Kurasi produk"
	case programs.KindFasilitasi:
		return "Fasilitasi sertifikasi"
	}
	return k
}
