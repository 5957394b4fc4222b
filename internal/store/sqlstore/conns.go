package sqlstore

import (
	"context"
	"database/sql"
	"sync"
)

// readConnsMu makes taking several read connections at once atomic. A
// query that keeps n cursors open at the same time (EachFacts merges three
// streams) would otherwise deadlock under load: two such requests could each
// hold some connections of a small pool while waiting for the rest.
var readConnsMu sync.Mutex

// readConns takes n dedicated connections from the read pool. The caller
// closes them (returning them to the pool). Callers holding connections never
// wait for more, so the pool cannot deadlock.
func (db *DB) readConns(ctx context.Context, n int) ([]*sql.Conn, error) {
	readConnsMu.Lock()
	defer readConnsMu.Unlock()
	out := make([]*sql.Conn, 0, n)
	for range n {
		c, err := db.Read.Conn(ctx)
		if err != nil {
			for _, o := range out {
				_ = o.Close()
			}
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}
