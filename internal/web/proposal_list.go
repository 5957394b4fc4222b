package web

import (
	"fmt"
	"net/http"

	"naikkelas/internal/registry"
)

type proposalView struct {
	Items  []registry.Proposal
	Status string
	notice
}

// proposalList is the officers' queue of owners' proposed changes of NIK,
// NIB, P-IRT and halal status in their area, oldest first.
func (s *Server) proposalList(w http.ResponseWriter, r *http.Request) error {
	status := r.URL.Query().Get("status")
	if status == "" {
		status = registry.ProposalPending
	}
	if status == "semua" {
		status = ""
	}
	a := actor(r)
	if !a.IsOfficer() {
		return errOfficeOnlyPage
	}
	items, err := s.Registry.Proposals(r.Context(), a, status)
	if err != nil {
		return err
	}
	v := proposalView{Items: items, Status: status, notice: noticeOf(r)}
	s.render(w, r, http.StatusOK, "proposal_list", page{Title: "Usulan perubahan", Active: "proposals", Data: v})
	return nil
}

// proposalDecide approves or rejects one proposal from the queue.
func (s *Server) proposalDecide(w http.ResponseWriter, r *http.Request, id int64) error {
	approve := r.FormValue("keputusan") == "setujui"
	p, err := s.Registry.DecideProposal(r.Context(), actor(r), id, approve, r.FormValue("alasan"))
	msg := ""
	if err == nil {
		msg = fmt.Sprintf("Usulan untuk %s ditolak.", p.BusinessName)
		if approve {
			msg = fmt.Sprintf("Usulan untuk %s disetujui dan tersimpan.", p.BusinessName)
		}
	}
	return s.back(w, r, "/usulan", msg, err)
}

// proposalFieldLabel is the template's name of a proposed field.
func proposalFieldLabel(name string) string { return registry.GuardedLabel(name) }
