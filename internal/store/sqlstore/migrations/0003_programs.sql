-- 0003: programmes and cohorts: partners, programmes, applications
-- with their status history, selection runs, attendance, tests, certificates
-- and follow-up tasks.

CREATE TABLE partners (
    id         {{.ID}},
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    contact    TEXT NOT NULL DEFAULT '',
    created_at {{.Time}} NOT NULL,
    updated_at {{.Time}} NOT NULL
);

-- A programme's detailed settings (topics, sessions, districts, eligibility,
-- weights, completion rules, funding lines) are one JSON document in spec.
CREATE TABLE programs (
    id               {{.ID}},
    name             TEXT NOT NULL,
    kind             TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'draft',
    starts_on        TEXT NOT NULL,
    ends_on          TEXT NOT NULL,
    venue            TEXT NOT NULL DEFAULT '',
    capacity         INTEGER NOT NULL,
    max_per_district INTEGER NOT NULL DEFAULT 0,
    min_districts    INTEGER NOT NULL DEFAULT 0,
    budget           BIGINT NOT NULL DEFAULT 0,
    spec             TEXT NOT NULL,
    version          BIGINT NOT NULL DEFAULT 1,
    created_by       TEXT NOT NULL DEFAULT '',
    created_at       {{.Time}} NOT NULL,
    updated_at       {{.Time}} NOT NULL,
    CONSTRAINT ck_programs_status CHECK (status IN ('draft', 'open', 'selected', 'running', 'finished')),
    CONSTRAINT ck_programs_capacity CHECK (capacity > 0 AND max_per_district >= 0 AND min_districts >= 0),
    CONSTRAINT ck_programs_budget CHECK (budget >= 0)
);
CREATE INDEX ix_programs_starts ON programs (starts_on, id);

CREATE TABLE applications (
    id            {{.ID}},
    program_id    BIGINT NOT NULL REFERENCES programs (id),
    business_id   BIGINT NOT NULL REFERENCES businesses (id),
    business_name TEXT NOT NULL,
    village_code  TEXT NOT NULL,
    district_code TEXT NOT NULL,
    channel       TEXT NOT NULL,
    status        TEXT NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    applied_at    {{.Time}} NOT NULL,
    applied_by    TEXT NOT NULL DEFAULT '',
    updated_at    {{.Time}} NOT NULL,
    CONSTRAINT ck_applications_status CHECK (status IN ('applied', 'selected', 'reserve', 'not_selected', 'ineligible',
        'attended', 'completed', 'dropped_out', 'withdrawn'))
);
CREATE UNIQUE INDEX ux_applications_program_business ON applications (program_id, business_id);
CREATE INDEX ix_applications_business ON applications (business_id, status);

CREATE TABLE application_history (
    id             {{.ID}},
    application_id BIGINT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    from_status    TEXT NOT NULL DEFAULT '',
    to_status      TEXT NOT NULL,
    reason         TEXT NOT NULL DEFAULT '',
    at             {{.Time}} NOT NULL,
    by_user        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ix_application_history_app ON application_history (application_id, id);

CREATE TABLE selections (
    program_id   BIGINT PRIMARY KEY REFERENCES programs (id),
    seed         BIGINT NOT NULL,
    result       TEXT NOT NULL,
    run_at       {{.Time}} NOT NULL,
    run_by       TEXT NOT NULL DEFAULT '',
    locked       INTEGER NOT NULL DEFAULT 0,
    locked_at    {{.Time}},
    locked_by    TEXT NOT NULL DEFAULT '',
    published    INTEGER NOT NULL DEFAULT 0,
    published_at {{.Time}}
);

CREATE TABLE attendance (
    program_id  BIGINT NOT NULL REFERENCES programs (id),
    business_id BIGINT NOT NULL REFERENCES businesses (id),
    session     INTEGER NOT NULL,
    present     INTEGER NOT NULL,
    recorded_by TEXT NOT NULL DEFAULT '',
    recorded_at {{.Time}} NOT NULL,
    PRIMARY KEY (program_id, business_id, session)
);

CREATE TABLE test_scores (
    program_id  BIGINT NOT NULL REFERENCES programs (id),
    business_id BIGINT NOT NULL REFERENCES businesses (id),
    pre_test    {{.Float}},
    post_test   {{.Float}},
    recorded_by TEXT NOT NULL DEFAULT '',
    recorded_at {{.Time}} NOT NULL,
    PRIMARY KEY (program_id, business_id),
    CONSTRAINT ck_test_scores_range CHECK ((pre_test IS NULL OR (pre_test >= 0 AND pre_test <= 100)) AND
        (post_test IS NULL OR (post_test >= 0 AND post_test <= 100)))
);

CREATE TABLE certificates (
    id            {{.ID}},
    program_id    BIGINT NOT NULL REFERENCES programs (id),
    business_id   BIGINT NOT NULL REFERENCES businesses (id),
    code          TEXT NOT NULL,
    business_name TEXT NOT NULL,
    owner_name    TEXT NOT NULL,
    issued_at     {{.Time}} NOT NULL
);
CREATE UNIQUE INDEX ux_certificates_code ON certificates (code);
CREATE UNIQUE INDEX ux_certificates_program_business ON certificates (program_id, business_id);

CREATE TABLE follow_ups (
    id            {{.ID}},
    program_id    BIGINT NOT NULL REFERENCES programs (id),
    business_id   BIGINT NOT NULL REFERENCES businesses (id),
    business_name TEXT NOT NULL,
    district_code TEXT NOT NULL,
    village_code  TEXT NOT NULL,
    month         INTEGER NOT NULL,
    due_on        TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'open',
    method        TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    done_at       {{.Time}},
    done_by       TEXT NOT NULL DEFAULT '',
    CONSTRAINT ck_follow_ups_status CHECK (status IN ('open', 'done'))
);
CREATE UNIQUE INDEX ux_follow_ups_task ON follow_ups (program_id, business_id, month);
CREATE INDEX ix_follow_ups_due ON follow_ups (status, due_on);
