package web

import (
	"net/http"

	"naikkelas/internal/registry"
)

func (s *Server) apiProposalList(r *http.Request) (any, error) {
	items, err := s.Registry.Proposals(r.Context(), actor(r), r.URL.Query().Get("status"))
	return itemList[registry.Proposal]{Items: nonNil(items)}, err
}

// proposalDecision is the body of a decision: approve, or reject with a reason.
type proposalDecision struct {
	Approve bool   `json:"approve"`
	Reason  string `json:"reason"`
}

func (s *Server) apiProposalDecide(r *http.Request, id int64, in *proposalDecision) (any, error) {
	return s.Registry.DecideProposal(r.Context(), actor(r), id, in.Approve, in.Reason)
}
