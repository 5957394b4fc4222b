-- Permits as records: each permit of a business (NIB, P-IRT, halal, BPOM MD,
-- merek, SNI) with its status, number, dates, the products it covers, its
-- documents and the dated history of its status. Constraint names match the
-- PostgreSQL migration.
CREATE TABLE permits (
    id          INTEGER PRIMARY KEY,
    business_id INTEGER NOT NULL REFERENCES businesses (id),
    kind        TEXT NOT NULL,
    status      TEXT NOT NULL,
    number      TEXT NOT NULL DEFAULT '',
    issued_on   TEXT NOT NULL DEFAULT '',
    expires_on  TEXT NOT NULL DEFAULT '',
    products    TEXT NOT NULL DEFAULT '[]',
    documents   TEXT NOT NULL DEFAULT '[]',
    note        TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT '',
    CONSTRAINT ck_permits_kind CHECK (kind IN ('nib', 'pirt', 'halal_self_declare', 'halal_reguler', 'bpom_md', 'merek', 'sni')),
    CONSTRAINT ck_permits_status CHECK (status IN ('belum', 'persiapan', 'diajukan', 'terbit', 'ditolak', 'kedaluwarsa'))
);
CREATE INDEX ix_permits_business ON permits (business_id, kind, status);
-- The expiry list reads issued permits by date.
CREATE INDEX ix_permits_expiry ON permits (expires_on, status, business_id) WHERE expires_on <> '';
CREATE INDEX ix_permits_kind ON permits (kind, status, business_id);

-- Every status a permit has held, with its day and who set it.
CREATE TABLE permit_history (
    id          INTEGER PRIMARY KEY,
    permit_id   INTEGER NOT NULL REFERENCES permits (id),
    from_status TEXT NOT NULL DEFAULT '',
    to_status   TEXT NOT NULL,
    number      TEXT NOT NULL DEFAULT '',
    changed_at  TEXT NOT NULL,
    changed_by  TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ix_permit_history_permit ON permit_history (permit_id, id);

CREATE TRIGGER permits_history_ai AFTER INSERT ON permits BEGIN
    INSERT INTO permit_history (permit_id, from_status, to_status, number, changed_at, changed_by, note)
    VALUES (new.id, '', new.status, new.number, new.updated_at, new.updated_by, new.note);
END;

CREATE TRIGGER permits_history_au AFTER UPDATE OF status ON permits WHEN old.status <> new.status BEGIN
    INSERT INTO permit_history (permit_id, from_status, to_status, number, changed_at, changed_by, note)
    VALUES (new.id, old.status, new.status, new.number, new.updated_at, new.updated_by, new.note);
END;

-- The business keeps its permit fields (NIB, P-IRT, halal, BPOM, HKI) for
-- import, export, lists and statistics. Whatever writes them (a form, the
-- API, an import, the demo) the triggers below carry the change into the
-- permit records, so that one write path cannot forget it; the permits
-- service writes the fields back from the records (sqlstore/permits.go).
-- A number in the register is an issued permit; a cleared number sends its
-- permit back to "belum". The register never said which halal route a
-- certificate took: a micro business is taken to have self-declared.
CREATE TRIGGER businesses_permits_ai AFTER INSERT ON businesses BEGIN
    INSERT INTO permits (business_id, kind, status, number, expires_on, source, created_at, updated_at, updated_by)
    SELECT new.id, 'nib', 'terbit', new.nib, '', 'register', new.updated_at, new.updated_at, 'register' WHERE new.nib <> '';
    INSERT INTO permits (business_id, kind, status, number, expires_on, source, created_at, updated_at, updated_by)
    SELECT new.id, 'pirt', 'terbit', new.pirt_number, new.pirt_expires_on, 'register', new.updated_at, new.updated_at, 'register'
    WHERE new.pirt_number <> '';
    INSERT INTO permits (business_id, kind, status, number, expires_on, source, created_at, updated_at, updated_by)
    SELECT new.id, 'bpom_md', 'terbit', new.bpom_number, '', 'register', new.updated_at, new.updated_at, 'register'
    WHERE new.bpom_number <> '';
    INSERT INTO permits (business_id, kind, status, number, expires_on, source, created_at, updated_at, updated_by)
    SELECT new.id, 'merek', 'terbit', new.hki_number, '', 'register', new.updated_at, new.updated_at, 'register'
    WHERE new.hki_number <> '';
    INSERT INTO permits (business_id, kind, status, number, expires_on, source, created_at, updated_at, updated_by)
    SELECT new.id, CASE WHEN new.size_class = 'mikro' THEN 'halal_self_declare' ELSE 'halal_reguler' END,
        CASE new.halal_status WHEN 'certified' THEN 'terbit' ELSE 'diajukan' END, new.halal_number, new.halal_expires_on,
        'register', new.updated_at, new.updated_at, 'register'
    WHERE new.halal_status <> 'none';
END;

CREATE TRIGGER businesses_permits_au AFTER UPDATE OF nib, pirt_number, pirt_expires_on, bpom_number, hki_number, halal_status,
    halal_number, halal_expires_on ON businesses BEGIN
    -- NIB, P-IRT, BPOM MD, merek: correct the latest issued permit, or add one.
    UPDATE permits SET number = new.nib, status = CASE WHEN new.nib = '' THEN 'belum' ELSE status END,
        version = version + 1, updated_at = new.updated_at, updated_by = 'register'
    WHERE id = (SELECT max(id) FROM permits WHERE business_id = new.id AND kind = 'nib' AND status IN ('terbit', 'kedaluwarsa'))
        AND number <> new.nib;
    INSERT INTO permits (business_id, kind, status, number, expires_on, source, created_at, updated_at, updated_by)
    SELECT new.id, 'nib', 'terbit', new.nib, '', 'register', new.updated_at, new.updated_at, 'register'
    WHERE new.nib <> '' AND NOT EXISTS (SELECT 1 FROM permits WHERE business_id = new.id AND kind = 'nib' AND status IN ('terbit', 'kedaluwarsa'));

    UPDATE permits SET number = new.pirt_number, expires_on = new.pirt_expires_on,
        status = CASE WHEN new.pirt_number = '' THEN 'belum' ELSE status END,
        version = version + 1, updated_at = new.updated_at, updated_by = 'register'
    WHERE id = (SELECT max(id) FROM permits WHERE business_id = new.id AND kind = 'pirt' AND status IN ('terbit', 'kedaluwarsa'))
        AND (number <> new.pirt_number OR expires_on <> new.pirt_expires_on);
    INSERT INTO permits (business_id, kind, status, number, expires_on, source, created_at, updated_at, updated_by)
    SELECT new.id, 'pirt', 'terbit', new.pirt_number, new.pirt_expires_on, 'register', new.updated_at, new.updated_at, 'register'
    WHERE new.pirt_number <> '' AND NOT EXISTS (SELECT 1 FROM permits WHERE business_id = new.id AND kind = 'pirt' AND status IN ('terbit', 'kedaluwarsa'));

    UPDATE permits SET number = new.bpom_number, status = CASE WHEN new.bpom_number = '' THEN 'belum' ELSE status END,
        version = version + 1, updated_at = new.updated_at, updated_by = 'register'
    WHERE id = (SELECT max(id) FROM permits WHERE business_id = new.id AND kind = 'bpom_md' AND status IN ('terbit', 'kedaluwarsa'))
        AND number <> new.bpom_number;
    INSERT INTO permits (business_id, kind, status, number, expires_on, source, created_at, updated_at, updated_by)
    SELECT new.id, 'bpom_md', 'terbit', new.bpom_number, '', 'register', new.updated_at, new.updated_at, 'register'
    WHERE new.bpom_number <> '' AND NOT EXISTS (SELECT 1 FROM permits WHERE business_id = new.id AND kind = 'bpom_md' AND status IN ('terbit', 'kedaluwarsa'));

    UPDATE permits SET number = new.hki_number, status = CASE WHEN new.hki_number = '' THEN 'belum' ELSE status END,
        version = version + 1, updated_at = new.updated_at, updated_by = 'register'
    WHERE id = (SELECT max(id) FROM permits WHERE business_id = new.id AND kind = 'merek' AND status IN ('terbit', 'kedaluwarsa'))
        AND number <> new.hki_number;
    INSERT INTO permits (business_id, kind, status, number, expires_on, source, created_at, updated_at, updated_by)
    SELECT new.id, 'merek', 'terbit', new.hki_number, '', 'register', new.updated_at, new.updated_at, 'register'
    WHERE new.hki_number <> '' AND NOT EXISTS (SELECT 1 FROM permits WHERE business_id = new.id AND kind = 'merek' AND status IN ('terbit', 'kedaluwarsa'));

    -- Halal, either route. Certified: correct the latest issued certificate,
    -- else issue the latest open application, else add an issued one.
    UPDATE permits SET number = new.halal_number, expires_on = new.halal_expires_on,
        version = version + 1, updated_at = new.updated_at, updated_by = 'register'
    WHERE new.halal_status = 'certified'
        AND id = (SELECT max(id) FROM permits WHERE business_id = new.id AND kind IN ('halal_self_declare', 'halal_reguler')
            AND status IN ('terbit', 'kedaluwarsa'))
        AND (number <> new.halal_number OR expires_on <> new.halal_expires_on);
    UPDATE permits SET status = 'terbit', number = new.halal_number, expires_on = new.halal_expires_on,
        version = version + 1, updated_at = new.updated_at, updated_by = 'register'
    WHERE new.halal_status = 'certified'
        AND id = (SELECT max(id) FROM permits WHERE business_id = new.id AND kind IN ('halal_self_declare', 'halal_reguler')
            AND status IN ('persiapan', 'diajukan'))
        AND NOT EXISTS (SELECT 1 FROM permits WHERE business_id = new.id AND kind IN ('halal_self_declare', 'halal_reguler')
            AND status IN ('terbit', 'kedaluwarsa'));
    -- In process: an open application, unless one is open already.
    INSERT INTO permits (business_id, kind, status, number, expires_on, source, created_at, updated_at, updated_by)
    SELECT new.id, CASE WHEN new.size_class = 'mikro' THEN 'halal_self_declare' ELSE 'halal_reguler' END,
        CASE new.halal_status WHEN 'certified' THEN 'terbit' ELSE 'diajukan' END, new.halal_number, new.halal_expires_on,
        'register', new.updated_at, new.updated_at, 'register'
    WHERE (new.halal_status = 'certified' AND NOT EXISTS (SELECT 1 FROM permits WHERE business_id = new.id
            AND kind IN ('halal_self_declare', 'halal_reguler') AND status IN ('persiapan', 'diajukan', 'terbit', 'kedaluwarsa')))
        OR (new.halal_status = 'in_process' AND NOT EXISTS (SELECT 1 FROM permits WHERE business_id = new.id
            AND kind IN ('halal_self_declare', 'halal_reguler') AND status IN ('persiapan', 'diajukan')));
    -- None: what the register held goes back to "belum".
    UPDATE permits SET status = 'belum', number = '', expires_on = '', version = version + 1, updated_at = new.updated_at,
        updated_by = 'register'
    WHERE new.halal_status = 'none' AND old.halal_status <> 'none' AND business_id = new.id
        AND kind IN ('halal_self_declare', 'halal_reguler')
        AND status IN (CASE old.halal_status WHEN 'certified' THEN 'terbit' ELSE 'diajukan' END,
                       CASE old.halal_status WHEN 'certified' THEN 'kedaluwarsa' ELSE 'persiapan' END);
END;

-- Today's fields become permit records (the triggers above keep them in step from now on).
INSERT INTO permits (business_id, kind, status, number, expires_on, source, created_at, updated_at, updated_by)
SELECT id, 'nib', 'terbit', nib, '', 'register', updated_at, updated_at, 'register' FROM businesses WHERE nib <> '';
INSERT INTO permits (business_id, kind, status, number, expires_on, source, created_at, updated_at, updated_by)
SELECT id, 'pirt', 'terbit', pirt_number, pirt_expires_on, 'register', updated_at, updated_at, 'register' FROM businesses
WHERE pirt_number <> '';
INSERT INTO permits (business_id, kind, status, number, expires_on, source, created_at, updated_at, updated_by)
SELECT id, 'bpom_md', 'terbit', bpom_number, '', 'register', updated_at, updated_at, 'register' FROM businesses WHERE bpom_number <> '';
INSERT INTO permits (business_id, kind, status, number, expires_on, source, created_at, updated_at, updated_by)
SELECT id, 'merek', 'terbit', hki_number, '', 'register', updated_at, updated_at, 'register' FROM businesses WHERE hki_number <> '';
INSERT INTO permits (business_id, kind, status, number, expires_on, source, created_at, updated_at, updated_by)
SELECT id, CASE WHEN size_class = 'mikro' THEN 'halal_self_declare' ELSE 'halal_reguler' END,
    CASE halal_status WHEN 'certified' THEN 'terbit' ELSE 'diajukan' END, halal_number, halal_expires_on,
    'register', updated_at, updated_at, 'register'
FROM businesses WHERE halal_status <> 'none';
