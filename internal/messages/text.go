package messages

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
)

var placeholder = regexp.MustCompile(`\{([a-z_]+)\}`)

// checkBody returns why a template body cannot be used for the kind, or "".
func checkBody(k kind, body string) string {
	switch {
	case strings.TrimSpace(body) == "":
		return "Teks pesan wajib diisi"
	case len(body) > maxBody:
		return "Teks pesan terlalu panjang (maks. 1.000 karakter)"
	}
	for _, m := range placeholder.FindAllStringSubmatch(body, -1) {
		if !slices.Contains(common, m[1]) && !slices.Contains(k.Placeholders, m[1]) {
			return "Penanda {" + m[1] + "} tidak dikenal untuk pesan ini; yang tersedia: {" +
				strings.Join(append(slices.Clone(common), k.Placeholders...), "}, {") + "}"
		}
	}
	return ""
}

const maxBody = 1000

// fill replaces each known placeholder by its value; unknown ones stay.
func fill(body string, values map[string]string) string {
	return placeholder.ReplaceAllStringFunc(body, func(m string) string {
		if v, ok := values[m[1:len(m)-1]]; ok {
			return v
		}
		return m
	})
}

// WhatsAppLink returns the wa.me link that opens a chat with the number
// (stored as +628…) with text filled in, or why there is none: no number,
// or a number that is not a mobile one (a landline cannot be WhatsApp).
func WhatsAppLink(phone, text string) (link, problem string) {
	digits := strings.TrimPrefix(phone, "+")
	switch {
	case phone == "":
		return "", "Nomor HP belum tercatat"
	case !IsMobile(phone):
		return "", "Nomor " + phone + " bukan nomor seluler (telepon rumah atau kantor?): tidak dapat dihubungi lewat WhatsApp"
	}
	return "https://wa.me/" + digits + "?text=" + strings.ReplaceAll(url.QueryEscape(text), "+", "%20"), ""
}

// IsMobile reports whether a stored number (+62…) is an Indonesian mobile
// number, the only kind WhatsApp serves: +628 and 8 to 11 more digits.
func IsMobile(phone string) bool {
	d, ok := strings.CutPrefix(phone, "+628")
	if !ok || len(d) < 8 || len(d) > 11 {
		return false
	}
	for _, c := range d {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
