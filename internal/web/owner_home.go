package web

import (
	"net/http"

	"naikkelas/internal/assessment"
	"naikkelas/internal/market"
	"naikkelas/internal/programs"
	"naikkelas/internal/registry"
)

// ownerApp is one of the owner's applications with its programme.
type ownerApp struct {
	programs.Application
	Program *programs.Program
}

type ownerHomeView struct {
	B           *registry.Business
	Percent     int
	Missing     []string
	Apps        []ownerApp
	Completed   []ownerApp // certificates to download
	Latest      *assessment.Assessment
	Proposals   []registry.Proposal
	OpenCount   int
	LabelFixes  []market.LabelFixes // open label fixes of its products
	Unavailable bool                // the account's business is gone or archived
}

// ownerHome is an owner's Beranda: its own business at a glance (how
// complete the profile is, its applications and their results, its
// certificates, the next steps of its latest assessment, changes waiting
// for an officer), never the register's filters.
func (s *Server) ownerHome(w http.ResponseWriter, r *http.Request) error {
	ctx, a := r.Context(), actor(r)
	v := ownerHomeView{}
	b, err := s.Registry.Get(ctx, a, a.BusinessID)
	if err != nil {
		v.Unavailable = true
		s.render(w, r, http.StatusOK, "owner_home", page{Title: "Beranda", Active: "home", Data: v})
		return nil
	}
	v.B = b
	v.Percent, v.Missing = b.Completeness()
	apps, err := s.Programs.BusinessApplications(ctx, a, b.ID)
	if err != nil {
		return err
	}
	for _, ap := range apps {
		p, err := s.Programs.Get(ctx, a, ap.ProgramID)
		if err != nil {
			continue // a programme the owner may not see (a draft) is not listed
		}
		v.Apps = append(v.Apps, ownerApp{ap, p})
		if ap.Status == programs.AppCompleted {
			v.Completed = append(v.Completed, ownerApp{ap, p})
		}
	}
	list, err := s.Assessments.List(ctx, a, b.ID)
	if err != nil {
		return err
	}
	if n := len(list); n > 0 {
		v.Latest = &list[n-1]
		if err := s.Assessments.Explain(ctx, v.Latest); err != nil {
			return err
		}
	}
	if v.LabelFixes, err = s.Market.BusinessLabelFixes(ctx, a, b.ID); err != nil {
		return err
	}
	if v.Proposals, err = s.Registry.Proposals(ctx, a, ""); err != nil {
		return err
	}
	if open, _, err := s.Programs.List(ctx, a, programs.ProgramFilter{Status: programs.StatusOpen, PerPage: 100}); err == nil {
		v.OpenCount = len(open)
	}
	s.render(w, r, http.StatusOK, "owner_home", page{Title: "Beranda", Active: "home", Data: v})
	return nil
}

// DimensionName is the Indonesian name of a dimension of the current instrument.
func (v ownerHomeView) DimensionName(id string) string {
	return (&assessmentShowView{}).DimensionName(id)
}
