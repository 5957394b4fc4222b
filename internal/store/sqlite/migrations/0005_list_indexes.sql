-- 0005: composite indexes for the list's common filter + sort combinations,
-- so that page 1 of a filtered list is read in order from an index instead
-- of sorting every matching row (issue 2 §12). Each ends with the implicit
-- rowid, which is the list's tie-break (ORDER BY …, id).
-- kecamatan + kelas by omzet (kecamatan + kelas by name: ix_businesses_district)
CREATE INDEX ix_businesses_district_class_revenue ON businesses (status, district_code, size_class, annual_revenue);
-- kecamatan alone, by name or by omzet
CREATE INDEX ix_businesses_district_name ON businesses (status, district_code, name);
CREATE INDEX ix_businesses_district_revenue ON businesses (status, district_code, annual_revenue);
-- kelas alone by omzet (kelas by name: ix_businesses_class)
CREATE INDEX ix_businesses_class_revenue ON businesses (status, size_class, annual_revenue);
-- A database analysed before these indexes existed would otherwise hold
-- statistics for the old indexes only, and the planner would take the new
-- ones, unmeasured, for very selective (a name-sorted list then sorts every
-- row instead of walking ix_businesses_name). Refresh them together.
ANALYZE businesses;
