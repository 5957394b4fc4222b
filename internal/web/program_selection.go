package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/programs"
)

// selectionRow is one applicant in the explained result.
type selectionRow struct {
	programs.Ranked
	Name string
}

// reasonCount is one line of the summary of why applicants were not selected.
type reasonCount struct {
	Code, Label string
	N           int
}

type selectionView struct {
	P                           *programs.Program
	Res                         *programs.Result
	Rec                         *programs.SelectionRecord
	Selected, Reserve, Withdrew []selectionRow
	Reasons                     []reasonCount // not selected and ineligible, by the rule that decided
	Officer                     bool
	notice
}

// programSelection shows the selection (office only): the selected and the
// reserve with their scores, how many were kept out by which rule (each a
// link to the full explanation), and the run, lock and publish buttons.
func (s *Server) programSelection(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	p, err := s.pathProgram(r)
	if err != nil {
		return err
	}
	v := selectionView{P: p, Officer: a.IsOfficer(), notice: noticeOf(r)}
	res, rec, names, err := s.selectionWithNames(r, p.ID)
	if err != nil {
		return err
	}
	if res != nil {
		rows := func(list []programs.Ranked) []selectionRow {
			out := make([]selectionRow, len(list))
			for i, x := range list {
				out[i] = selectionRow{x, names[x.BusinessID]}
			}
			return out
		}
		v.Res, v.Rec = res, rec
		v.Selected, v.Reserve, v.Withdrew = rows(res.Selected), rows(res.Reserve), rows(res.Withdrawn)
		v.Reasons = countReasons(res)
	}
	s.render(w, r, http.StatusOK, "program_selection", page{Title: "Seleksi " + p.Name, Active: "programs", Data: v})
	return nil
}

// selectionWithNames returns a programme's selection as the actor may see
// it with the business names of its applicants; nil before the first run.
func (s *Server) selectionWithNames(r *http.Request, id int64) (*programs.Result, *programs.SelectionRecord, map[int64]string, error) {
	a := actor(r)
	res, rec, err := s.Programs.Selection(r.Context(), a, id)
	if apperr.Is(err, apperr.NotFound) {
		return nil, nil, nil, nil
	}
	if err != nil {
		return nil, nil, nil, err
	}
	apps, err := s.Programs.Applications(r.Context(), a, id)
	if err != nil {
		return nil, nil, nil, err
	}
	names := make(map[int64]string, len(apps))
	for _, ap := range apps {
		names[ap.BusinessID] = ap.BusinessName
	}
	return res, rec, names, nil
}

// countReasons counts the applicants not selected by the rule that decided,
// in a fixed order, leaving out rules that decided nobody.
func countReasons(res *programs.Result) []reasonCount {
	n := map[string]int{programs.ReasonIneligible: len(res.Ineligible)}
	for _, list := range [][]programs.Ranked{res.Reserve, res.NotSelected} {
		for _, r := range list {
			n[r.ReasonCode]++
		}
	}
	var out []reasonCount
	for _, code := range []string{programs.ReasonBelowCutoff, programs.ReasonDistrictQuota, programs.ReasonMinDistricts,
		programs.ReasonTieLater, programs.ReasonTieLottery, programs.ReasonCapacity, programs.ReasonIneligible} {
		if n[code] > 0 {
			out = append(out, reasonCount{Code: code, Label: programs.ReasonLabel(code), N: n[code]})
		}
	}
	return out
}

// programSelectionRun runs the selection from the page (optional seed).
func (s *Server) programSelectionRun(w http.ResponseWriter, r *http.Request, id int64) error {
	var seed *int64
	if v := strings.TrimSpace(r.FormValue("seed")); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return s.back(w, r, fmt.Sprintf("/program/%d/seleksi", id), "", apperr.New(apperr.Invalid, "Seed harus bilangan bulat"))
		}
		seed = &n
	}
	res, err := s.Programs.RunSelection(r.Context(), actor(r), id, seed)
	msg := ""
	if res != nil {
		msg = fmt.Sprintf("Seleksi selesai: %s terpilih dari %d kecamatan, %s cadangan.",
			idfmt.Number(int64(len(res.Selected))), res.DistrictsCovered, idfmt.Number(int64(len(res.Reserve))))
	}
	return s.back(w, r, fmt.Sprintf("/program/%d/seleksi", id), msg, err)
}

// selectionPageStep is a step of the selection taken from its page (lock,
// publish), which returns there with msg.
func (s *Server) selectionPageStep(msg string, step func(context.Context, auth.Actor, int64) (*programs.SelectionRecord, error)) pageHandler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r)
		if err != nil {
			return err
		}
		_, err = step(r.Context(), actor(r), id)
		return s.back(w, r, fmt.Sprintf("/program/%d/seleksi", id), msg, err)
	}
}
