package web

import (
	"io"
	"net/http"
	"strconv"

	"naikkelas/internal/leadership"
	"naikkelas/internal/partners"
)

// The portal is a mitra's whole web interface: the programmes its partner
// funds, as figures. Its Beranda leads here (homeShow).

func (s *Server) portalList(w http.ResponseWriter, r *http.Request) error {
	list, err := s.Partners.FundedPrograms(r.Context(), actor(r))
	if err != nil {
		return err
	}
	ledger, err := s.Partners.Ledger(r.Context(), actor(r), 0)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "portal", page{Title: "Program mitra", Active: "portal", Data: portalView{Programs: list, Ledger: ledger}})
	return nil
}

// portalView is the portal's home: the partner's ledger and programmes.
type portalView struct {
	Programs []partners.Program
	Ledger   *partners.Ledger
}

func (s *Server) portalProgram(w http.ResponseWriter, r *http.Request) error {
	p, err := callByPathID(r, s.Partners.FundedProgram)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "portal_program", page{Title: p.Name, Active: "portal", Data: p})
	return nil
}

func (s *Server) apiPartnerLedger(r *http.Request) (any, error) {
	year, err := yearParam(r)
	if err != nil {
		return nil, err
	}
	return s.Partners.Ledger(r.Context(), actor(r), year)
}

// apiPartnerImpact serves a mitra's impact report as a PDF; the portal
// links here.
func (s *Server) apiPartnerImpact(w http.ResponseWriter, r *http.Request) error {
	year, err := yearParam(r)
	if err != nil {
		return err
	}
	d, err := s.Leadership.Impact(r.Context(), actor(r), year)
	if err != nil {
		return err
	}
	name := "laporan-dampak"
	if year != 0 {
		name += "-" + strconv.Itoa(year)
	}
	w.Header().Set("Cache-Control", "no-store")
	return servePDF(w, name, func(out io.Writer) error { return leadership.RenderImpact(out, d) })
}
