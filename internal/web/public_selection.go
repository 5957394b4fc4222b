package web

import (
	"net/http"

	"naikkelas/internal/apperr"
	"naikkelas/internal/capital"

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
	Letter      *capital.Referral // a referral letter, when the code is one
	Searched    bool
}

// publicVerify is the no-login page /verifikasi/{code} that the QR code of
// a certificate or a referral letter opens; it says whether the document is
// genuine.
func (s *Server) publicVerify(w http.ResponseWriter, r *http.Request) error {
	code := r.PathValue("code")
	if code == "" {
		code = r.URL.Query().Get("kode")
	}
	v := verifyView{Code: certificate.NormalizeCode(code), Searched: code != ""}
	status := http.StatusOK
	if v.Searched {
		c, p, err := s.Programs.Verify(r.Context(), code)
		switch {
		case err == nil:
			c.Signatory = s.signatoryOf(r, c)
			v.Certificate, v.Program = c, p
		case apperr.Is(err, apperr.NotFound):
			// Referral letters carry codes of the same kind.
			if v.Letter, err = s.Capital.Verify(r.Context(), code); err != nil {
				status = http.StatusNotFound
			}
		default:
			return err
		}
	}
	s.render(w, r, status, "public_verify", page{Title: "Verifikasi sertifikat", Data: v})
	return nil
}
