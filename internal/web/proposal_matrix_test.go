package web

import (
	"context"

	"naikkelas/internal/audit"
	"naikkelas/internal/registry"
)

// pendingProposal returns the path of a pending proposal of business id
// (making one when there is none), with prefix and suffix around its id.
func pendingProposal(prefix, suffix string) func(*fixture, int64, string) string {
	return func(f *fixture, id int64, _ string) string {
		ctx := context.Background()
		ps, err := f.st.ListProposals(ctx, registry.ProposalFilter{Status: registry.ProposalPending, BusinessID: id})
		if err != nil {
			f.t.Fatal(err)
		}
		if len(ps) > 0 {
			return prefix + itoa64(ps[0].ID) + suffix
		}
		p := &registry.Proposal{BusinessID: id, Status: registry.ProposalPending, Changes: map[string]string{"nib": "1234567890123"},
			Before: map[string]string{"nib": ""}, ProposedBy: "pemilik"}
		if err := f.st.ProposeChange(ctx, nil, nil, p, &audit.Entry{Action: audit.Create, Entity: "proposal"}); err != nil {
			f.t.Fatal(err)
		}
		return prefix + itoa64(p.ID) + suffix
	}
}

// proposalMatrix: officers verify in their area; the owner reads its own
// proposals; pimpinan verifies nothing.
func proposalMatrix() map[string]matrixCase {
	queue := want{admin: [2]int{s200, s200}, operator: [2]int{s200, s200}, pimpinan: [2]int{s403, s403}, owner: [2]int{s403, s403}, mitra: refused}
	return map[string]matrixCase{
		"GET /usulan": {path: fixed("/usulan?status=semua"), want: queue},
		"POST /usulan/{id}": {path: pendingProposal("/usulan/", ""), body: func(*fixture, int64, string) string {
			return "keputusan=tolak&alasan=nomor+tidak+sesuai+dokumen"
		}, want: officers(s303)},
		"GET /api/v1/proposals": {path: fixed("/api/v1/proposals"),
			want: want{admin: [2]int{s200, s200}, operator: [2]int{s200, s200}, pimpinan: [2]int{s403, s403}, owner: [2]int{s200, s200}, mitra: refused}},
		"POST /api/v1/proposals/{id}/decision": {path: pendingProposal("/api/v1/proposals/", "/decision"),
			body: func(*fixture, int64, string) string { return `{"approve":false,"reason":"tidak sesuai"}` }, want: officers(s200)},
	}
}
