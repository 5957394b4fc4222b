package web

import (
	"net/http"

	"naikkelas/internal/registry"
)

// measurementInput is the POST body; everything else of a Measurement is
// set by the service.
// A money field left out or null is not known, never Rp0; monthly_revenue
// instead of annual_revenue is multiplied by 12 and noted.
type measurementInput struct {
	Year           int    `json:"year"`
	AnnualRevenue  *int64 `json:"annual_revenue"`
	MonthlyRevenue *int64 `json:"monthly_revenue"`
	Capital        *int64 `json:"capital"`
	Employees      int    `json:"employees"`
	Source         string `json:"source"`
}

func (s *Server) apiMeasurementCreate(r *http.Request, id int64, in *measurementInput) (any, error) {
	m := &registry.Measurement{BusinessID: id, Year: in.Year, AnnualRevenue: in.AnnualRevenue,
		MonthlyRevenue: in.MonthlyRevenue, Capital: in.Capital, Employees: in.Employees, Source: in.Source}
	return s.Registry.AddMeasurement(r.Context(), actor(r), m)
}
