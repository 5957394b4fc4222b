package sqlstore

import (
	"context"
	"fmt"
)

// halalFactCountsCheck recomputes the halal fact counts (migration 0033)
// from the view that keys each food and drink business by its facts.
var halalFactCountsCheck = CountCheck{
	Table: "halal_fact_counts",
	Keys: []Label{{"district_code", "kecamatan"}, {"size_class", "kelas"}, {"size_basis", "dasar kelas"},
		{"revenue_band", "batas omzet terlampaui"}, {"has_nib", "ber-NIB"}, {"founded_year", "tahun berdiri"},
		{"halal_valid_until", "halal berlaku sampai"}, {"facilities", "fasilitas produksi"}, {"outlets", "gerai"},
		{"preservation_methods", "metode pengawetan"}, {"product_type", "jenis produk"},
		{"halal_ingredients", "bahan halal"}, {"separate_tools", "alat terpisah"}, {"simple_process", "proses sederhana"}},
	Counts: []Label{{"businesses", "usaha"}},
	Recompute: `SELECT ` + halalFactColumns + `, revenue_band, COUNT(*) AS businesses FROM halal_business_facts
		GROUP BY ` + halalFactColumns + `, revenue_band`,
}

// permitDistrictCheck compares each permit's active_district (migration
// 0025) with its business: the kecamatan while the business is active, ”
// otherwise.
func (db *DB) permitDistrictCheck(ctx context.Context) ([]string, error) {
	rows, err := db.Reader().Query(ctx, `SELECT p.id, p.business_id, p.active_district, COALESCE(b.district_code, '')
		FROM permits p LEFT JOIN businesses b ON b.id = p.business_id AND b.status = 'active'
		WHERE p.active_district <> COALESCE(b.district_code, '') ORDER BY p.id`)
	if err != nil {
		return nil, fmt.Errorf("permits: %w", err)
	}
	defer rows.Close()
	var out []string
	extra := 0
	for rows.Next() {
		var id, business int64
		var kept, want string
		if err := rows.Scan(&id, &business, &kept, &want); err != nil {
			return nil, err
		}
		if len(out) == maxDifferences {
			extra++
			continue
		}
		out = append(out, fmt.Sprintf("izin %d usaha %d: kecamatan tersimpan %s, seharusnya %s", id, business,
			orEmpty(kept), orEmpty(want)))
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if extra > 0 {
		out = append(out, fmt.Sprintf("… dan %d selisih lain", extra))
	}
	return out, nil
}

func orEmpty(s string) string {
	if s == "" {
		return "(kosong)"
	}
	return s
}
