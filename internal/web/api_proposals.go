package web

import (
	"net/http"

	"naikkelas/internal/registry"
)

type proposalList struct {
	Items []registry.Proposal `json:"items"`
}

func (s *Server) apiProposalList(w http.ResponseWriter, r *http.Request) {
	items, err := s.Registry.Proposals(r.Context(), actor(r), r.URL.Query().Get("status"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, proposalList{Items: items})
}

// proposalDecision is the body of a decision: approve, or reject with a reason.
type proposalDecision struct {
	Approve bool   `json:"approve"`
	Reason  string `json:"reason"`
}

func (s *Server) apiProposalDecide(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var in proposalDecision
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.Registry.DecideProposal(r.Context(), actor(r), id, in.Approve, in.Reason)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}
