-- year_span_counts: naik-kelas verdicts over windows of several whole
-- years, counted per desa like year_class_counts (0029), kept by the same
-- writes (sqlstore/year_classes_span.go) and filled by a Go step of this
-- migration from business_year_classes. For each pair of a business's
-- evidence years a <= b (from_hi = a, to_lo = b) the row counts the verdicts
-- of its years a..b; the windows [from, to] that hold exactly those years
-- are from_lo <= from <= from_hi and to_lo <= to <= to_hi (to_hi 9999 when
-- no later year has evidence). Rows that fall to 0 are deleted.
CREATE TABLE year_span_counts (
    from_lo       INTEGER NOT NULL,
    from_hi       INTEGER NOT NULL,
    to_lo         INTEGER NOT NULL,
    to_hi         INTEGER NOT NULL,
    district_code TEXT NOT NULL,
    village_code  TEXT NOT NULL,
    size_code     {{.SmallInt}} NOT NULL,
    level_code    {{.SmallInt}} NOT NULL,
    businesses    {{.BigInt}} NOT NULL,
    PRIMARY KEY (from_hi, to_lo, from_lo, to_hi, district_code, village_code, size_code, level_code)
);
