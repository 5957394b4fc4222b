package messages

import (
	"strconv"

	"naikkelas/internal/capital"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/permits"
	"naikkelas/internal/programs"
)

// values turns a candidate's stored values into the words its placeholders
// print: dates and amounts the Indonesian way, codes as labels.
func values(c Candidate, agency string) map[string]string {
	v := map[string]string{"usaha": c.BusinessName, "pemilik": c.OwnerName, "dinas": agency}
	for k, raw := range c.Values {
		v[k] = raw
	}
	if d := c.Values["tanggal"]; d != "" {
		v["tanggal"] = idfmt.DateString(d)
	}
	if k := c.Values["izin"]; k != "" {
		v["izin"] = permits.KindLabel(k)
	}
	if h := c.Values["hasil"]; h != "" {
		v["hasil"] = selectionWords(h)
	}
	switch c.Values["keputusan"] {
	case capital.StatusApproved, capital.StatusDisbursed:
		v["keputusan"] = "menyetujui"
	case capital.StatusRejected:
		v["keputusan"] = "belum dapat menyetujui"
	}
	if amount := c.Values["jumlah"]; amount != "" && amount != "0" {
		n, _ := strconv.ParseInt(amount, 10, 64)
		v["jumlah"] = " sebesar " + idfmt.Rupiah(n)
	} else {
		v["jumlah"] = ""
	}
	return v
}

func selectionWords(status string) string {
	switch status {
	case programs.AppSelected:
		return "Anda terpilih sebagai peserta"
	case programs.AppReserve:
		return "Anda masuk daftar cadangan"
	}
	return "Anda belum terpilih kali ini"
}
