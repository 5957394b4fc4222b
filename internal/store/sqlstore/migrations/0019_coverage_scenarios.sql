-- Saved scenarios of the coverage planner: leaders name a set of
-- assumptions (cost per participant, cohort size, extra funding a year,
-- target group) and compare them later against the register of that day.
CREATE TABLE coverage_scenarios (
    id                   {{.ID}},
    name                 TEXT NOT NULL,
    cost_per_participant BIGINT NOT NULL DEFAULT 0,
    cohort_size          INTEGER NOT NULL DEFAULT 0,
    extra_per_year       BIGINT NOT NULL DEFAULT 0,
    target_group         TEXT NOT NULL DEFAULT '',
    created_by           TEXT NOT NULL DEFAULT '',
    created_at           {{.Time}} NOT NULL
);
