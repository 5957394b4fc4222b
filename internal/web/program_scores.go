package web

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"

	"naikkelas/internal/apperr"
	"naikkelas/internal/idfmt"
	"naikkelas/internal/programs"
)

// scoreRow is one participant's line of the score grid: its progress, the
// text in its two cells and the messages of a refused save.
type scoreRow struct {
	programs.Progress
	Pre, Post       string
	PreErr, PostErr string
	PreBad, PostBad bool
}

type scoresView struct {
	P        *programs.Program
	Rows     []scoreRow
	CanEdit  bool
	Problems []scoreProblem // a refused save: every wrong cell, in row order
	notice
}

// scoreProblem links the summary above the grid to a wrong cell.
type scoreProblem struct {
	Cell, Message string
}

// programScores shows the cohort's score grid: pre-test and post-test of
// every participant in one form with one save button.
func (s *Server) programScores(w http.ResponseWriter, r *http.Request) error {
	a := actor(r)
	p, prog, err := s.pathProgress(r)
	if err != nil {
		return err
	}
	v := scoresView{P: p, notice: noticeOf(r),
		CanEdit: a.IsOfficer() && (p.Status == programs.StatusSelected || p.Status == programs.StatusRunning)}
	for _, pr := range prog {
		v.Rows = append(v.Rows, scoreRow{Progress: pr, Pre: scoreText(pr.PreTest), Post: scoreText(pr.PostTest)})
	}
	s.render(w, r, http.StatusOK, "program_scores", page{Title: "Nilai " + p.Name, Active: "programs", Data: v})
	return nil
}

// programScoresSet saves the whole grid at once. When a cell is wrong
// nothing is saved and the grid comes back with what was typed and the
// message on the cell's row.
func (s *Server) programScoresSet(w http.ResponseWriter, r *http.Request, id int64) error {
	if err := parseForm(r); err != nil {
		return err
	}
	a := actor(r)
	_, prog, err := s.Programs.Progress(r.Context(), a, id)
	if err != nil {
		return err
	}
	stored := map[int64]programs.Progress{}
	for _, pr := range prog {
		stored[pr.BusinessID] = pr
	}
	var rows []programs.ScoreRow
	typed := map[string]string{}
	for _, v := range r.PostForm["business_id"] {
		bid, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return apperr.New(apperr.Invalid, "Baris nilai tidak dikenal")
		}
		// A cell the form did not send keeps its score; a cell sent empty clears it.
		row := programs.ScoreRow{BusinessID: bid, PreTest: stored[bid].PreTest, PostTest: stored[bid].PostTest}
		for test, dst := range map[string]**float64{"pre": &row.PreTest, "post": &row.PostTest} {
			key := fmt.Sprintf("%s.%d", test, bid)
			if vals, ok := r.PostForm[key]; ok {
				*dst = parseScoreCell(vals[0])
				typed[programs.ScoreField(bid, test+"_test")] = vals[0]
			}
		}
		rows = append(rows, row)
	}
	n, err := s.Programs.SetCohortScores(r.Context(), a, id, rows)
	path := fmt.Sprintf("/program/%d/nilai", id)
	if fields := apperr.FieldsOf(err); len(fields) > 0 {
		return s.scoresRefused(w, r, id, typed, fields)
	}
	msg := fmt.Sprintf("Nilai %s peserta disimpan.", idfmt.Number(int64(n)))
	if n == 0 {
		msg = "Tidak ada nilai yang berubah."
	}
	return s.back(w, r, path, msg, err)
}

// scoresRefused draws the grid again with the typed text and the errors.
func (s *Server) scoresRefused(w http.ResponseWriter, r *http.Request, id int64, typed, fields map[string]string) error {
	p, prog, err := s.Programs.Progress(r.Context(), actor(r), id)
	if err != nil {
		return err
	}
	v := scoresView{P: p, CanEdit: true}
	for _, pr := range prog {
		pre, post := programs.ScoreField(pr.BusinessID, "pre_test"), programs.ScoreField(pr.BusinessID, "post_test")
		row := scoreRow{Progress: pr, Pre: scoreText(pr.PreTest), Post: scoreText(pr.PostTest)}
		if t, ok := typed[pre]; ok {
			row.Pre = t
		}
		if t, ok := typed[post]; ok {
			row.Post = t
		}
		row.PreErr, row.PostErr = fields[pre], fields[post]
		row.PreBad, row.PostBad = row.PreErr != "", row.PostErr != ""
		if row.PreBad {
			v.Problems = append(v.Problems, scoreProblem{Cell: fmt.Sprintf("pre-%d", pr.BusinessID), Message: row.PreErr})
		}
		if row.PostBad {
			v.Problems = append(v.Problems, scoreProblem{Cell: fmt.Sprintf("post-%d", pr.BusinessID), Message: row.PostErr})
		}
		v.Rows = append(v.Rows, row)
	}
	s.render(w, r, http.StatusUnprocessableEntity, "program_scores", page{Title: "Nilai " + p.Name, Active: "programs", Data: v})
	return nil
}

// parseScoreCell reads a score as typed or pasted from a spreadsheet:
// "72", "72,5" (Indonesian decimal comma) or "72.5". A blank cell is nil;
// anything else that is not such a number is NaN, which the service refuses
// with the participant's name.
func parseScoreCell(s string) *float64 {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
	if s == "" {
		return nil
	}
	nan := math.NaN()
	seps := 0
	for _, c := range s {
		switch {
		case c == ',' || c == '.':
			seps++
		case c < '0' || c > '9':
			return &nan
		}
	}
	if seps > 1 || s[0] == ',' || s[0] == '.' {
		return &nan
	}
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil {
		return &nan
	}
	return &v
}

// scoreText writes a stored score for its cell: 72,5, not 72,50.
func scoreText(v *float64) string {
	if v == nil {
		return ""
	}
	return idfmt.Decimal(*v, 2)
}
