package web

import (
	"net/http"

	"naikkelas/internal/registry"
)

type measurementList struct {
	Items []registry.Measurement `json:"items"`
}

func (s *Server) apiMeasurementList(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ms, err := s.Registry.Measurements(r.Context(), actor(r), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, measurementList{Items: ms})
}

// measurementInput is the POST body; everything else of a Measurement is
// set by the service.
type measurementInput struct {
	Year          int    `json:"year"`
	AnnualRevenue int64  `json:"annual_revenue"`
	Capital       int64  `json:"capital"`
	Employees     int    `json:"employees"`
	Source        string `json:"source"`
}

func (s *Server) apiMeasurementCreate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var in measurementInput
	if err := decodeJSON(r, &in); err != nil {
		s.fail(w, r, err)
		return
	}
	m := &registry.Measurement{BusinessID: id, Year: in.Year, AnnualRevenue: in.AnnualRevenue,
		Capital: in.Capital, Employees: in.Employees, Source: in.Source}
	out, err := s.Registry.AddMeasurement(r.Context(), actor(r), m)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, out)
}
