package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"naikkelas/internal/importer"
	"naikkelas/internal/registry"
)

// RunImport runs fn in one write transaction; see importer.Store. On SQLite
// the transaction holds the single write connection for the whole import,
// so other writers wait (busy_timeout) and a crash leaves nothing behind.
func (db *DB) RunImport(ctx context.Context, imp *importer.Import, commit bool, fn func(importer.Tx) error) error {
	return db.RunImportWith(ctx, imp, commit, ImportHooks{}, fn)
}

// ImportHooks let an engine speed up RunImport.
type ImportHooks struct {
	// Around, when set, wraps the import's work inside the transaction
	// (SQLite defers its search index to one statement at the end).
	Around func(q *Runner, work func() error) error
	// ReserveIDs, when set, returns n new business ids, so that new
	// businesses go in multi-row INSERTs; otherwise each is inserted alone
	// with RETURNING id.
	ReserveIDs func(ctx context.Context, q *Runner, n int) ([]int64, error)
	// Copy, when set, writes new rows (businesses with reserved ids,
	// measurements, audit entries, import links) on the transaction's
	// connection instead of multi-row INSERTs (PostgreSQL's COPY).
	Copy func(ctx context.Context, conn *sql.Conn, table string, cols []string, rows [][]any) error
}

// RunImportWith is RunImport with engine hooks.
func (db *DB) RunImportWith(ctx context.Context, imp *importer.Import, commit bool, hooks ImportHooks,
	fn func(importer.Tx) error) error {
	conn, err := db.Write.Conn(ctx)
	if err != nil {
		return db.MapError(fmt.Errorf("begin import: %w", err))
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return db.MapError(fmt.Errorf("begin import: %w", err))
	}
	itx := &importTx{q: db.On(tx), tx: tx, reserve: hooks.ReserveIDs}
	itx.q.holdCounts() // written once, before the commit
	if hooks.Copy != nil {
		itx.copy = func(ctx context.Context, table string, cols []string, rows [][]any) error {
			return hooks.Copy(ctx, conn, table, cols, rows)
		}
	}
	defer itx.close()
	work := func() error { return fn(itx) }
	if hooks.Around != nil {
		err = hooks.Around(itx.q, work)
	} else {
		err = work()
	}
	if err != nil {
		_ = tx.Rollback()
		return db.MapError(err)
	}
	if !commit {
		return tx.Rollback()
	}
	if err := itx.q.writeHeldCounts(ctx); err != nil {
		_ = tx.Rollback()
		return db.MapError(err)
	}
	if err := itx.q.saveImport(ctx, imp); err != nil {
		_ = tx.Rollback()
		return db.MapError(err)
	}
	if err := tx.Commit(); err != nil {
		return db.MapError(fmt.Errorf("commit import: %w", err))
	}
	return nil
}

// importTx implements importer.Tx with statements prepared once per import.
type importTx struct {
	q       *Runner
	tx      *sql.Tx
	insB    *sql.Stmt
	reserve func(ctx context.Context, q *Runner, n int) ([]int64, error)
	copy    func(ctx context.Context, table string, cols []string, rows [][]any) error // see ImportHooks.Copy
	stmts   map[string]*sql.Stmt                                                       // multi-row INSERTs prepared on tx, by text
}

// maxImportStmts bounds the statements one import keeps prepared.
const maxImportStmts = 24

func (t *importTx) close() {
	if t.insB != nil {
		_ = t.insB.Close()
	}
	for _, st := range t.stmts {
		_ = st.Close()
	}
}

// exec runs a statement prepared once per import. An import sends
// thousands of multi-row INSERTs of the same few shapes; parsing and
// planning each again was a noticeable part of a million-row SQLite import
// (bench/README.md). At most
// maxImportStmts shapes are kept (a chunk mixing inserts and updates makes
// odd-sized remainders); the rest run unprepared.
func (t *importTx) exec(ctx context.Context, query string, args ...any) error {
	st := t.stmts[query]
	if st == nil && len(t.stmts) >= maxImportStmts {
		_, err := t.q.Exec(ctx, query, args...)
		return err
	}
	if st == nil {
		var err error
		if st, err = t.tx.PrepareContext(ctx, t.q.Dialect.Rebind(query)); err != nil {
			return err
		}
		if t.stmts == nil {
			t.stmts = map[string]*sql.Stmt{}
		}
		t.stmts[query] = st
	}
	_, err := st.ExecContext(ctx, args...)
	return err
}

func (t *importTx) prepare(ctx context.Context) error {
	if t.insB != nil {
		return nil
	}
	var err error
	t.insB, err = t.tx.PrepareContext(ctx, t.q.Dialect.Rebind(InsertBusinessSQL+" RETURNING id"))
	return err
}

// EachKey streams every stored business's matching keys.
func (t *importTx) EachKey(ctx context.Context, fn func(importer.ExistingKey) error) error {
	rows, err := t.q.Query(ctx, `SELECT id, nib, nik, name, owner_name, village_code FROM businesses`)
	if err != nil {
		return fmt.Errorf("import keys: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k importer.ExistingKey
		if err := rows.Scan(&k.ID, &k.NIB, &k.NIK, &k.Name, &k.Owner, &k.VillageCode); err != nil {
			return err
		}
		if err := fn(k); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ActiveIn returns the active businesses of a kecamatan for record linkage.
func (t *importTx) ActiveIn(ctx context.Context, district string) ([]importer.ExistingKey, error) {
	return queryRows(ctx, t.q, "import linkage keys", nil, func(s Scanner, k *importer.ExistingKey) error {
		return s.Scan(&k.ID, &k.NIB, &k.NIK, &k.Name, &k.Owner, &k.VillageCode, &k.Phone, &k.Address)
	}, `SELECT id, nib, nik, name, owner_name, village_code, phone, address FROM businesses
		WHERE district_code = ? AND status = ? AND merged_into IS NULL ORDER BY id`, district, registry.StatusActive)
}

// EachIdentifier streams the kecamatan, NIK and phone of the active
// businesses that have either, for matching across kecamatans.
func (t *importTx) EachIdentifier(ctx context.Context, fn func(district, nik, phone string) error) error {
	rows, err := t.q.Query(ctx, `SELECT district_code, nik, phone FROM businesses
		WHERE status = ? AND merged_into IS NULL AND (nik <> '' OR phone <> '')`, registry.StatusActive)
	if err != nil {
		return fmt.Errorf("import identifiers: %w", err)
	}
	defer rows.Close()
	var district, nik, phone string
	for rows.Next() {
		if err := rows.Scan(&district, &nik, &phone); err != nil {
			return err
		}
		if err := fn(district, nik, phone); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Load returns the businesses with these ids, with their ledgers if asked.
func (t *importTx) Load(ctx context.Context, ids []int64, ledgers bool) (map[int64]*importer.Existing, error) {
	cond, arg := t.q.Dialect.InIDs("id", ids)
	rows, err := t.q.Query(ctx, `SELECT `+BusinessColumns+` FROM businesses WHERE `+cond, arg)
	if err != nil {
		return nil, fmt.Errorf("import load: %w", err)
	}
	out := make(map[int64]*importer.Existing, len(ids))
	for rows.Next() {
		e := &importer.Existing{}
		if err := ScanBusiness(rows, &e.Business); err != nil {
			rows.Close()
			return nil, err
		}
		out[e.Business.ID] = e
	}
	rows.Close()
	if err := rows.Err(); err != nil || !ledgers {
		return out, err
	}
	cond, arg = t.q.Dialect.InIDs("business_id", ids)
	rows, err = t.q.Query(ctx, `SELECT business_id, year, annual_revenue, capital, employees, source
		FROM measurements WHERE `+cond+` ORDER BY business_id, year, id`, arg)
	if err != nil {
		return nil, fmt.Errorf("import load ledgers: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var m registry.Measurement
		if err := rows.Scan(&m.BusinessID, &m.Year, &m.AnnualRevenue, &m.Capital, &m.Employees, &m.Source); err != nil {
			return nil, err
		}
		if e := out[m.BusinessID]; e != nil {
			e.Measurements = append(e.Measurements, m)
		}
	}
	return out, rows.Err()
}

// Apply writes one chunk of changes. Businesses are inserted one by one
// (each needs its id back); their measurements, audit entries and import
// links then go in multi-row INSERTs, which cost far less per row.
func (t *importTx) Apply(ctx context.Context, importID int64, changes []importer.Change) error {
	if err := t.prepare(ctx); err != nil {
		return err
	}
	now := Now()
	if err := t.insertMany(ctx, changes); err != nil {
		return err
	}
	var ms, as, links, products, queue [][]any
	ids := make([]int64, 0, len(changes))
	for i := range changes {
		ch := &changes[i]
		b := ch.Business
		switch ch.Action {
		case importer.Inserted:
			if b.ID == 0 { // not inserted by insertMany
				PrepareNew(b)
				if err := t.insB.QueryRowContext(ctx, BusinessArgs(t.q.Dialect, b)...).Scan(&b.ID); err != nil {
					return fmt.Errorf("import insert %s: %w", b.Name, err)
				}
			}
			products = append(products, ProductRows(t.q.Dialect, b)...)
			if l := ch.Review; l != nil {
				queue = append(queue, []any{min(l.BusinessID, b.ID), max(l.BusinessID, b.ID), l.Probability, importID})
			}
		case importer.Updated:
			if err := t.q.UpdateBusiness(ctx, b); err != nil {
				return err
			}
		}
		for j := range ch.Measurements {
			m := &ch.Measurements[j]
			m.BusinessID, m.CreatedAt = b.ID, now
			ms = append(ms, MeasurementArgs(t.q.Dialect, m))
		}
		if a := ch.Audit; a != nil {
			a.EntityID, a.At = b.ID, now
			as = append(as, AuditArgs(t.q.Dialect, a))
		}
		links = append(links, []any{importID, b.ID, ch.Action})
		ids = append(ids, b.ID)
	}
	for _, batch := range []struct {
		to   RowTarget
		tail string
		rows [][]any
	}{
		{MeasurementTarget, "", ms},
		{AuditTarget, "", as},
		{ProductTarget, "", products},
		// Each business is linked once per import: the importer reports a
		// second row for a business as a duplicate within the file.
		{ImportLinkTarget, ` ON CONFLICT (import_id, business_id) DO NOTHING`, links},
		{DuplicateQueueTarget, "", queue},
	} {
		if err := t.writeRows(ctx, batch.to, batch.tail, batch.rows); err != nil {
			return fmt.Errorf("import write: %w", err)
		}
	}
	return t.q.RefreshYearClasses(ctx, ids...)
}

// writeRows writes new rows with the engine's Copy hook when it has one
// (tail, an INSERT's ON CONFLICT clause, is then not needed), otherwise
// with multi-row INSERTs.
func (t *importTx) writeRows(ctx context.Context, to RowTarget, tail string, rows [][]any) error {
	if t.copy == nil {
		return execRows(ctx, t.exec, to.InsertHead(), tail, rows)
	}
	if len(rows) == 0 {
		return nil
	}
	return t.copy(ctx, to.Table, to.Cols, rows)
}

// insertMany inserts the chunk's new businesses with ids reserved by the
// engine, in multi-row INSERTs; without a ReserveIDs hook it does nothing.
func (t *importTx) insertMany(ctx context.Context, changes []importer.Change) error {
	if t.reserve == nil {
		return nil
	}
	var news []*registry.Business
	for i := range changes {
		if changes[i].Action == importer.Inserted {
			news = append(news, changes[i].Business)
		}
	}
	if len(news) == 0 {
		return nil
	}
	ids, err := t.reserve(ctx, t.q, len(news))
	if err != nil {
		return fmt.Errorf("reserve business ids: %w", err)
	}
	rows := make([][]any, len(news))
	for i, b := range news {
		PrepareNew(b)
		b.ID = ids[i]
		rows[i] = append([]any{b.ID}, BusinessArgs(t.q.Dialect, b)...)
	}
	if err := t.writeRows(ctx, BusinessTarget, "", rows); err != nil {
		for _, b := range news {
			b.ID = 0
		}
		return fmt.Errorf("import insert: %w", err)
	}
	return nil
}

// execRows inserts rows with multi-row VALUES lists of up to 6,000 values.
func (q *Runner) execRows(ctx context.Context, head, tail string, rows [][]any) error {
	return execRows(ctx, func(ctx context.Context, query string, args ...any) error {
		_, err := q.Exec(ctx, query, args...)
		return err
	}, head, tail, rows)
}

// execRows sends rows as multi-row INSERTs of up to 6,000 values through exec.
func execRows(ctx context.Context, exec func(ctx context.Context, query string, args ...any) error,
	head, tail string, rows [][]any) error {
	for len(rows) > 0 {
		n := min(len(rows), max(1, 6000/len(rows[0])))
		var b strings.Builder
		b.WriteString(head)
		args := make([]any, 0, n*len(rows[0]))
		ph := "(" + strings.TrimSuffix(strings.Repeat("?,", len(rows[0])), ",") + ")"
		for i, r := range rows[:n] {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(ph)
			args = append(args, r...)
		}
		b.WriteString(tail)
		if err := exec(ctx, b.String(), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}
