package web

import (
	"html/template"
	"net/http"
	"slices"

	"naikkelas/internal/assessment"
	"naikkelas/internal/auth"
	"naikkelas/internal/market"
	"naikkelas/internal/registry"
)

type dimensionRow struct {
	ID, Name         string
	Latest, Previous int
	HasPrevious      bool
}

type historyRow struct {
	assessment.Assessment
	CanVerify  bool
	VerifiedBy int64 // id of the verification of this self-assessment, if any
}

type assessmentShowView struct {
	B          *registry.Business
	Latest     *assessment.Assessment
	Previous   *assessment.Assessment
	Radar      template.HTML
	Dimensions []dimensionRow
	History    []historyRow // newest first
	Timeline   []assessment.Event
	CanAssess  bool
	Officer    bool
	Fragment   bool
	// LabelFixes are the open fixes of the business's product labels:
	// next steps too, from the label clinic rather than the instrument.
	LabelFixes []market.LabelFixes
}

// canAssess reports whether the actor may fill a new assessment for b: its
// owner (self) or an officer (officer). Pimpinan only reads.
func canAssess(a auth.Actor, b *registry.Business) bool {
	return b.Status == registry.StatusActive && (a.IsOfficer() || (a.Role == auth.Owner && a.BusinessID == b.ID))
}

// assessmentShow is a business's maturity page: radar of the latest against
// the previous assessment, level, recommendations with open programmes,
// the assessment history (with verification for officers) and the
// timeline. With HX-Request it renders only the section embedded in the
// business detail page.
func (s *Server) assessmentShow(w http.ResponseWriter, r *http.Request, id int64) error {
	v, err := s.assessmentView(r, id)
	if err != nil {
		return err
	}
	if r.Header.Get("HX-Request") == "true" {
		v.Fragment = true
		s.renderPartial(w, r, http.StatusOK, "assessment_show", "summary", v)
		return nil
	}
	s.render(w, r, http.StatusOK, "assessment_show", page{Title: "Penilaian · " + v.B.Name, Active: "list", Data: v})
	return nil
}

func (s *Server) assessmentView(r *http.Request, id int64) (*assessmentShowView, error) {
	ctx, a := r.Context(), actor(r)
	b, err := s.Registry.Get(ctx, a, id)
	if err != nil {
		return nil, err
	}
	list, err := s.Assessments.List(ctx, a, id)
	if err != nil {
		return nil, err
	}
	tl, err := s.Assessments.Timeline(ctx, a, id)
	if err != nil {
		return nil, err
	}
	fixes, err := s.Market.BusinessLabelFixes(ctx, a, id)
	if err != nil {
		return nil, err
	}
	v := &assessmentShowView{B: b, Timeline: tl, CanAssess: canAssess(a, b), Officer: a.IsOfficer(), LabelFixes: fixes}
	verifiedBy := map[int64]int64{}
	for _, x := range list {
		if x.VerifiedFrom != 0 {
			verifiedBy[x.VerifiedFrom] = x.ID
		}
	}
	for _, x := range slices.Backward(list) {
		v.History = append(v.History, historyRow{Assessment: x, VerifiedBy: verifiedBy[x.ID],
			CanVerify: a.IsOfficer() && x.Source == assessment.SourceSelf && verifiedBy[x.ID] == 0 && b.Status == registry.StatusActive})
	}
	if n := len(list); n > 0 {
		v.Latest = &list[n-1]
		if n > 1 {
			v.Previous = &list[n-2]
		}
		if err := s.Assessments.Explain(ctx, v.Latest); err != nil {
			return nil, err
		}
		in, err := assessment.Load(v.Latest.InstrumentVersion)
		if err != nil {
			return nil, err
		}
		var prev map[string]int
		if v.Previous != nil {
			prev = v.Previous.Scores
		}
		v.Radar = radarSVG(in, v.Latest.Scores, prev)
		for _, d := range in.Dimensions {
			row := dimensionRow{ID: d.ID, Name: d.Name, Latest: v.Latest.Scores[d.ID]}
			if prev != nil {
				row.Previous, row.HasPrevious = prev[d.ID], true
			}
			v.Dimensions = append(v.Dimensions, row)
		}
	}
	return v, nil
}

// SourceLabel is the Indonesian name of the row's source.
func (h historyRow) SourceLabel() string { return assessment.SourceLabel(h.Source) }

// DimensionName is the Indonesian name of a dimension of the current instrument.
func (v *assessmentShowView) DimensionName(id string) string {
	if d := assessment.Current().Dimension(id); d != nil {
		return d.Name
	}
	return id
}
