package demo

import (
	"context"
	"encoding/json"

	"naikkelas/internal/audit"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/store"
)

// marker is what the demo's own audit entry records of the load, so that a
// later start can tell the demo's users and businesses from anyone else's.
type marker struct {
	Businesses int     `json:"businesses"`
	Users      []int64 `json:"users"`
	Seed       uint64  `json:"seed"`
	RefDate    string  `json:"ref_date"`
}

// Provenance is what a database holds, as far as the demo is concerned.
type Provenance struct {
	Empty             bool // no user and no business: the demo may load
	Loaded            bool // the demo was loaded here
	ForeignUsers      int  // users the demo did not create
	ForeignBusinesses int  // businesses the demo did not create
}

// Foreign reports whether the database holds a user or a business that the
// demo did not create: real data, which must never sit beside the demo's
// public passwords.
func (p Provenance) Foreign() bool { return p.ForeignUsers > 0 || p.ForeignBusinesses > 0 }

// Describe names what is foreign, in Indonesian ("2 pengguna dan 15 usaha").
func (p Provenance) Describe() string {
	switch {
	case p.ForeignUsers > 0 && p.ForeignBusinesses > 0:
		return idfmt.Number(int64(p.ForeignUsers)) + " pengguna dan " + idfmt.Number(int64(p.ForeignBusinesses)) + " usaha"
	case p.ForeignUsers > 0:
		return idfmt.Number(int64(p.ForeignUsers)) + " pengguna"
	}
	return idfmt.Number(int64(p.ForeignBusinesses)) + " usaha"
}

// Inspect tells an empty database, a demo database and one holding other
// data apart. Businesses are never deleted, only archived, so more
// businesses than the demo loaded means someone else added them.
func Inspect(ctx context.Context, st store.Store) (Provenance, error) {
	users, err := st.ListUsers(ctx)
	if err != nil {
		return Provenance{}, err
	}
	n, err := st.CountBusinesses(ctx)
	if err != nil {
		return Provenance{}, err
	}
	if len(users) == 0 && n == 0 {
		return Provenance{Empty: true}, nil
	}
	var m marker
	entries, _, err := st.ListAudit(ctx, audit.Filter{Entity: markerEntity, Page: 1, PerPage: 1})
	if err != nil {
		return Provenance{}, err
	}
	p := Provenance{}
	if len(entries) > 0 && json.Unmarshal(entries[0].After, &m) == nil {
		p.Loaded = true
	}
	ours := map[int64]bool{}
	for _, id := range m.Users {
		ours[id] = true
	}
	for _, u := range users {
		if !ours[u.ID] {
			p.ForeignUsers++
		}
	}
	p.ForeignBusinesses = max(0, n-m.Businesses)
	return p, nil
}
