package programs

import (
	"encoding/json"
	"testing"

	"naikkelas/internal/region"
)

// FuzzProgramJSON feeds outside JSON through the programme's normalisation
// and validation: neither may panic, and a programme that validates has
// sessions numbered 1…n inside its dates and weights that are not negative.
func FuzzProgramJSON(f *testing.F) {
	f.Add([]byte(`{"name":"P","kind":"pelatihan","topics":["produksi"],"starts_on":"2025-10-20","ends_on":"2025-10-22","capacity":50}`))
	f.Add([]byte(`{"name":"P","kind":"kurasi","topics":["digital"],"starts_on":"2025-01-01","ends_on":"2025-12-31","capacity":1,
		"sessions":[{"date":"2025-03-01"},{"date":"2025-02-01"}],"weights":{"need":-1},"funding":[{"kind":"csr","amount":-5}]}`))
	f.Add([]byte(`{"starts_on":"2025-02-30","ends_on":"0000-01-01","capacity":-1,"districts":["36.04.15","x"]}`))
	dir := region.All()
	f.Fuzz(func(t *testing.T, raw []byte) {
		var p Program
		if json.Unmarshal(raw, &p) != nil {
			return
		}
		p.Normalize()
		if len(p.Validate(dir, "36.04")) > 0 {
			return
		}
		for i, s := range p.Sessions {
			if s.Number != i+1 || s.Date < p.StartsOn || s.Date > p.EndsOn {
				t.Fatalf("session %d of a valid programme: %+v", i, s)
			}
		}
		w := p.Weights
		if w.Need < 0 || w.Readiness < 0 || w.NeverTrained < 0 || w.WomanOwned < 0 || w.Waiting < 0 || p.Capacity < 1 {
			t.Fatalf("valid programme with negative weights or capacity: %+v", p)
		}
	})
}
