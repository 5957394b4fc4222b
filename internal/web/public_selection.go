package web

import (
	"net/http"

	"naikkelas/internal/certificate"
	"naikkelas/internal/programs"
)

// publicSelection is the no-login page /seleksi/{id}: the published result
// with business names, desa, kecamatan and scores, and no personal data.
func (s *Server) publicSelection(w http.ResponseWriter, r *http.Request, id int64) error {
	res, err := s.Programs.Public(r.Context(), id)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "public_selection", page{Title: "Hasil seleksi " + res.Program.Name, Data: res})
	return nil
}

type verifyView struct {
	Code        string
	Certificate *programs.Certificate
	Program     *programs.Program
	Searched    bool
}

// publicVerify is the no-login page /verifikasi/{code} that a certificate's
// QR code opens; it says whether the certificate is genuine.
func (s *Server) publicVerify(w http.ResponseWriter, r *http.Request) {
	code := r.PathValue("code")
	if code == "" {
		code = r.URL.Query().Get("kode")
	}
	v := verifyView{Code: certificate.NormalizeCode(code), Searched: code != ""}
	status := http.StatusOK
	if v.Searched {
		c, p, err := s.Programs.Verify(r.Context(), code)
		if err != nil {
			status = http.StatusNotFound
		} else {
			c.Signatory = s.signatoryOf(r, c)
			v.Certificate, v.Program = c, p
		}
	}
	s.render(w, r, status, "public_verify", page{Title: "Verifikasi sertifikat", Data: v})
}
