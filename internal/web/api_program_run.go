package web

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/certificate"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/office"
	"naikkelas/internal/programs"
)

// attendanceInput is the body of POST …/attendance.
type attendanceInput struct {
	BusinessID int64 `json:"business_id"`
	Session    int   `json:"session"`
	Present    bool  `json:"present"`
}

type progressList struct {
	Sessions []programs.Session  `json:"sessions"`
	Items    []programs.Progress `json:"items"`
}

// apiAttendanceList returns every participant's attendance, tests and
// completion (the same view serves GET …/scores).
func (s *Server) apiAttendanceList(r *http.Request) (any, error) {
	p, items, err := s.pathProgress(r)
	if err != nil {
		return nil, err
	}
	return progressList{Sessions: p.Sessions, Items: items}, nil
}

func (s *Server) apiAttendanceSet(r *http.Request, id int64, in *attendanceInput) (any, error) {
	return s.Programs.SetAttendance(r.Context(), actor(r), id, in.BusinessID, in.Session, in.Present)
}

// scoresInput is the body of POST …/scores.
type scoresInput struct {
	BusinessID int64    `json:"business_id"`
	PreTest    *float64 `json:"pre_test"`
	PostTest   *float64 `json:"post_test"`
}

func (s *Server) apiScoresSet(r *http.Request, id int64, in *scoresInput) (any, error) {
	return s.Programs.SetScores(r.Context(), actor(r), &programs.Scores{ProgramID: id, BusinessID: in.BusinessID,
		PreTest: in.PreTest, PostTest: in.PostTest})
}

// scoresBatch is the body of PUT …/scores and its answer.
type scoresBatch struct {
	Items []programs.ScoreRow `json:"items"`
}

type scoresSaved struct {
	Saved int `json:"saved"`
}

// apiScoresPut saves the whole cohort's tests at once: all or nothing,
// errors keyed "<business_id>.pre_test" / ".post_test".
func (s *Server) apiScoresPut(r *http.Request, id int64, in *scoresBatch) (any, error) {
	n, err := s.Programs.SetCohortScores(r.Context(), actor(r), id, in.Items)
	return scoresSaved{Saved: n}, err
}

// attendanceSession is the body of POST …/attendance/session.
type attendanceSession struct {
	Session int  `json:"session"`
	Present bool `json:"present"`
}

type attendanceMarked struct {
	Marked int `json:"marked"`
}

// apiAttendanceSession marks every participant in the caller's area at one
// session ("semua hadir").
func (s *Server) apiAttendanceSession(r *http.Request, id int64, in *attendanceSession) (any, error) {
	n, err := s.Programs.SetSessionAttendance(r.Context(), actor(r), id, in.Session, in.Present)
	return attendanceMarked{Marked: n}, err
}

// certificateData turns a stored certificate into what the PDF shows. The
// signatory is the one kept with the certificate; a certificate issued
// before the office's identity was recorded shows the current identity.
func (s *Server) certificateData(r *http.Request, c *programs.Certificate, p *programs.Program) certificate.Data {
	topics := make([]string, len(p.Topics))
	for i, t := range p.Topics {
		topics[i] = programs.TopicLabel(t)
	}
	kind := strings.ReplaceAll(p.Kind, "_", " ")
	d := certificate.Data{BusinessName: c.BusinessName, OwnerName: c.OwnerName, ProgramName: p.Name,
		ProgramKind: strings.ToUpper(kind[:1]) + kind[1:], Dates: idfmt.DateRange(p.StartsOn, p.EndsOn),
		Venue: p.Venue, Topics: topics, Code: c.Code, VerifyURL: s.absoluteURL(r, "/verifikasi/"+c.Code),
		IssuedOn: idfmt.Date(c.IssuedAt), IssuedAt: c.IssuedAt}
	d.Issuer = s.issuer(r, office.Signature(s.signatoryOf(r, c)))
	return d
}

// signatoryOf is who a certificate names as issuer: the signatory kept
// with it, or the office's current one for a certificate issued before the
// identity was recorded.
func (s *Server) signatoryOf(r *http.Request, c *programs.Certificate) programs.Signatory {
	if c.Signatory != (programs.Signatory{}) {
		return c.Signatory
	}
	return programs.Signatory(s.officeOf(r).Signature())
}

// apiCertificateGet serves {business_id}.pdf for a participant who completed;
// otherwise 409 naming the unmet rule.
func (s *Server) apiCertificateGet(w http.ResponseWriter, r *http.Request) error {
	if !strings.HasSuffix(r.PathValue("business_id"), ".pdf") {
		return apperr.New(apperr.NotFound, "Alamat sertifikat harus diakhiri .pdf")
	}
	id, bid, err := programAndBusiness(r)
	if err != nil {
		return err
	}
	c, p, err := s.Programs.Certificate(r.Context(), actor(r), id, bid)
	if err != nil {
		return err
	}
	d := s.certificateData(r, c, p)
	return servePDF(w, strings.TrimSuffix(certificate.FileName(d), ".pdf"), func(out io.Writer) error { return certificate.Render(out, d) })
}

// apiCertificateZip serves every certificate of a programme in one ZIP.
func (s *Server) apiCertificateZip(w http.ResponseWriter, r *http.Request, id int64) error {
	certs, p, err := s.Programs.Certificates(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	items := make([]certificate.Data, len(certs))
	for i := range certs {
		items[i] = s.certificateData(r, &certs[i], p)
	}
	var buf bytes.Buffer
	if err := certificate.WriteZIP(&buf, items); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="sertifikat-program-%d.zip"`, id))
	_, _ = buf.WriteTo(w)
	return nil
}
