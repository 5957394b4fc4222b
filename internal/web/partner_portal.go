package web

import "net/http"

// The portal is a mitra's whole web interface: the programmes its partner
// funds, as figures. Its Beranda leads here (homeShow).

func (s *Server) portalList(w http.ResponseWriter, r *http.Request) error {
	list, err := s.Partners.FundedPrograms(r.Context(), actor(r))
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "portal", page{Title: "Program mitra", Active: "portal", Data: list})
	return nil
}

func (s *Server) portalProgram(w http.ResponseWriter, r *http.Request) error {
	p, err := callByPathID(r, s.Partners.FundedProgram)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "portal_program", page{Title: p.Name, Active: "portal", Data: p})
	return nil
}
