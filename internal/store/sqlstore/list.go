package sqlstore

import (
	"context"
	"fmt"
	"sort"

	"naikkelas/internal/region"
	"naikkelas/internal/registry"
)

// ListBusinesses implements registry.Store.
func (db *DB) ListBusinesses(ctx context.Context, f registry.Filter) ([]registry.Business, int, error) {
	q := db.Reader()
	w, err := BusinessWhere(ctx, q, f)
	if err != nil {
		return nil, 0, err
	}
	p := planList(f, w, q.Dialect)
	var total int
	if err := q.QueryRow(ctx, p.countSQL, p.countArgs...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count businesses: %w", err)
	}
	out := []registry.Business{}
	per, offset := clampPage(f.Page, f.PerPage)
	if offset >= int64(total) {
		return out, total, nil
	}
	if sorted, ok, err := sortedSearchPage(ctx, q, f, w, total, int(offset), per); err != nil {
		return nil, 0, fmt.Errorf("list businesses: %w", err)
	} else if ok {
		return sorted, total, nil
	}
	listArgs := append(append([]any{}, p.pageArgs...), per, offset)
	out, err = queryRows(ctx, q, "list businesses", out, ScanBusiness, p.pageSQL, listArgs...)
	return out, total, err
}

// EachBusiness implements registry.Store: rows are streamed, never held.
func (db *DB) EachBusiness(ctx context.Context, f registry.Filter, fn func(*registry.Business) error) error {
	q := db.Reader()
	w, err := BusinessWhere(ctx, q, f)
	if err != nil {
		return err
	}
	rows, err := q.Query(ctx, `SELECT `+businessColumnsB+` FROM businesses b WHERE `+w.SQL()+
		` ORDER BY `+ListOrder(f), w.Args...)
	if err != nil {
		return fmt.Errorf("each business: %w", err)
	}
	defer rows.Close()
	var b registry.Business
	for rows.Next() {
		b = registry.Business{}
		if err := ScanBusiness(rows, &b); err != nil {
			return err
		}
		if err := fn(&b); err != nil {
			return err
		}
	}
	return rows.Err()
}

// DistrictStats implements registry.Store. Only districts holding at least
// one matching business are returned, ordered by code; names come from the
// embedded region directory. The kept counts answer it when they can
// (counts_read.go); otherwise it counts the register.
func (db *DB) DistrictStats(ctx context.Context, f registry.Filter) ([]registry.DistrictCount, error) {
	q := db.Reader()
	f.Archived = false
	query, args, ok := districtCountsQuery(f)
	if !ok {
		w, err := BusinessWhere(ctx, q, f)
		if err != nil {
			return nil, err
		}
		query, args = `SELECT b.district_code, b.size_class, COUNT(*) FROM businesses b WHERE `+w.SQL()+
			` GROUP BY b.district_code, b.size_class`, w.Args
	}
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("district stats: %w", err)
	}
	defer rows.Close()
	byCode := map[string]*registry.DistrictCount{}
	for rows.Next() {
		var code, class string
		var n int
		if err := rows.Scan(&code, &class, &n); err != nil {
			return nil, err
		}
		if n == 0 {
			continue
		}
		d := byCode[code]
		if d == nil {
			d = &registry.DistrictCount{Code: code, Name: region.All().Name(code)}
			byCode[code] = d
		}
		d.Businesses += n
		switch class {
		case registry.Mikro:
			d.Mikro += n
		case registry.Kecil:
			d.Kecil += n
		case registry.Menengah:
			d.Menengah += n
		case registry.Besar:
			d.Besar += n
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]registry.DistrictCount, 0, len(byCode))
	for _, d := range byCode {
		out = append(out, *d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, nil
}

// HomeStats implements registry.Store: from the kept counts when they can
// answer f (counts_read.go), otherwise by counting the register.
func (db *DB) HomeStats(ctx context.Context, f registry.Filter) (registry.HomeStats, error) {
	q := db.Reader()
	f.Archived = false
	hs := registry.HomeStats{BySizeClass: map[string]int{}}
	query, args, ok := homeCountsQuery(f)
	if !ok {
		w, err := BusinessWhere(ctx, q, f)
		if err != nil {
			return hs, err
		}
		query, args = homeStatsSQL(w), append([]any{statsDay(f), statsDay(f)}, w.Args...)
	}
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return hs, fmt.Errorf("home stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var class string
		var n, nib, pirt, pirtExp, halal, halalExp, halalProc int
		if err := rows.Scan(&class, &n, &nib, &pirt, &pirtExp, &halal, &halalExp, &halalProc); err != nil {
			return hs, err
		}
		if n != 0 {
			hs.BySizeClass[class] += n
		}
		hs.Total += n
		hs.NIB += nib
		hs.PIRT += pirt
		hs.PIRTExpired += pirtExp
		hs.Halal += halal
		hs.HalalExpired += halalExp
		hs.HalalProcess += halalProc
	}
	return hs, rows.Err()
}

// homeStatsSQL counts the register's rows matching w for HomeStats; its
// parameters are the day twice, then w's. Grouping by district too lets
// SQLite walk its covering stats index in order instead of visiting every
// row of the table.
func homeStatsSQL(w Where) string {
	return `SELECT b.size_class, COUNT(*),
		SUM(CASE WHEN b.nib <> '' THEN 1 ELSE 0 END),
		SUM(CASE WHEN b.pirt_number <> '' THEN 1 ELSE 0 END),
		SUM(CASE WHEN b.pirt_number <> '' AND b.pirt_expires_on <> '' AND b.pirt_expires_on < ? THEN 1 ELSE 0 END),
		SUM(CASE WHEN b.halal_status = 'certified' THEN 1 ELSE 0 END),
		SUM(CASE WHEN b.halal_status = 'certified' AND b.halal_expires_on <> '' AND b.halal_expires_on < ? THEN 1 ELSE 0 END),
		SUM(CASE WHEN b.halal_status = 'in_process' THEN 1 ELSE 0 END)
		FROM businesses b WHERE ` + w.SQL() + ` GROUP BY b.district_code, b.size_class`
}
