package assessment

import "naikkelas/internal/registry"

// PrefillFields are the registry facts an instrument question may be
// pre-filled from. Their values:
//   - nib, hki: "present" or "absent";
//   - pirt_bpom: "bpom", "pirt", "pirt_expired" or "absent";
//   - halal_status: "certified", "in_process", "expired" or "none".
var PrefillFields = []string{"nib", "pirt_bpom", "halal_status", "hki"}

// PrefillValue returns the value of a prefill field for b; today
// (YYYY-MM-DD) decides whether a dated document has expired.
func PrefillValue(b *registry.Business, field, today string) string {
	present := func(s string) string {
		if s != "" {
			return "present"
		}
		return "absent"
	}
	switch field {
	case "nib":
		return present(b.NIB)
	case "hki":
		return present(b.HKINumber)
	case "pirt_bpom":
		switch {
		case b.BPOMNumber != "":
			return "bpom"
		case b.PIRTNumber != "" && b.PIRTExpiresOn != "" && b.PIRTExpiresOn < today:
			return "pirt_expired"
		case b.PIRTNumber != "":
			return "pirt"
		}
		return "absent"
	case "halal_status":
		if b.HalalStatus == registry.HalalCertified && b.HalalExpiresOn != "" && b.HalalExpiresOn < today {
			return "expired"
		}
		if b.HalalStatus == "" {
			return registry.HalalNone
		}
		return b.HalalStatus
	}
	return ""
}

// Prefill returns the answers the registry already knows for b: question id
// → option id. The owner or officer can still change them on the form.
func (in *Instrument) Prefill(b *registry.Business, today string) map[string]string {
	out := map[string]string{}
	for _, d := range in.Dimensions {
		for _, q := range d.Questions {
			if q.Prefill == nil {
				continue
			}
			if opt, ok := q.Prefill.Map[PrefillValue(b, q.Prefill.Field, today)]; ok {
				out[q.ID] = opt
			}
		}
	}
	return out
}
