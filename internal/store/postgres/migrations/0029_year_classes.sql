-- Naik-kelas evidence summarised per business and calendar year, so that
-- statistics over whole years read one row per business, or only counts.
-- Both tables are derived: every write of businesses, measurements or
-- assessments recomputes the rows of the businesses it touched in the same
-- transaction (sqlstore/year_classes.go), and a Go step of this migration
-- fills them. The column is "business", not business_id: a merge
-- recomputes these rows rather than moving them.
--
-- business_year_classes: one row per active business with year 0 (its
-- kecamatan and desa; flags 4 when a measurement was recorded before its
-- year began), and one per year in which it has evidence. For each kind
-- (size class from the measurement ledger, maturity level from
-- assessments): the rank as the year began, the first and the last rank of
-- the year, and flags (1 the last is verified, 2 first and last share a day).
CREATE TABLE business_year_classes (
    business      BIGINT NOT NULL,
    year          INTEGER NOT NULL,
    district_code TEXT NOT NULL,
    village_code  TEXT NOT NULL,
    size_prev     SMALLINT NOT NULL,
    size_first    SMALLINT NOT NULL,
    size_last     SMALLINT NOT NULL,
    size_flags    SMALLINT NOT NULL,
    level_prev    SMALLINT NOT NULL,
    level_first   SMALLINT NOT NULL,
    level_last    SMALLINT NOT NULL,
    level_flags   SMALLINT NOT NULL,
    PRIMARY KEY (business, year)
);

-- year_class_counts: how many rows of business_year_classes share a year,
-- desa and pair of one-year verdicts (assessment.VerdictCode); year 0
-- counts the active businesses, year -1 those with a measurement recorded
-- before its year. Rows that fall to 0 are deleted.
CREATE TABLE year_class_counts (
    year          INTEGER NOT NULL,
    district_code TEXT NOT NULL,
    village_code  TEXT NOT NULL,
    size_code     SMALLINT NOT NULL,
    level_code    SMALLINT NOT NULL,
    businesses    BIGINT NOT NULL,
    PRIMARY KEY (year, district_code, village_code, size_code, level_code)
);
