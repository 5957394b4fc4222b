-- Permits as records: each permit of a business (NIB, P-IRT, halal, BPOM MD,
-- merek, SNI) with its status, number, dates, the products it covers, its
-- documents and the dated history of its status. Constraint names match the
-- SQLite migration.
CREATE TABLE permits (
    id          BIGSERIAL PRIMARY KEY,
    business_id BIGINT NOT NULL REFERENCES businesses (id),
    kind        TEXT NOT NULL,
    status      TEXT NOT NULL,
    number      TEXT NOT NULL DEFAULT '',
    issued_on   TEXT NOT NULL DEFAULT '',
    expires_on  TEXT NOT NULL DEFAULT '',
    products    TEXT NOT NULL DEFAULT '[]',
    documents   TEXT NOT NULL DEFAULT '[]',
    note        TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',
    version     BIGINT NOT NULL DEFAULT 1,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
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
    id          BIGSERIAL PRIMARY KEY,
    permit_id   BIGINT NOT NULL REFERENCES permits (id),
    from_status TEXT NOT NULL DEFAULT '',
    to_status   TEXT NOT NULL,
    number      TEXT NOT NULL DEFAULT '',
    changed_at  TIMESTAMPTZ NOT NULL,
    changed_by  TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ix_permit_history_permit ON permit_history (permit_id, id);

CREATE FUNCTION permits_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR OLD.status <> NEW.status THEN
        INSERT INTO permit_history (permit_id, from_status, to_status, number, changed_at, changed_by, note)
        VALUES (NEW.id, CASE WHEN TG_OP = 'INSERT' THEN '' ELSE OLD.status END, NEW.status, NEW.number, NEW.updated_at,
            NEW.updated_by, NEW.note);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER permits_history_ai AFTER INSERT ON permits FOR EACH ROW EXECUTE FUNCTION permits_history();
CREATE TRIGGER permits_history_au AFTER UPDATE OF status ON permits FOR EACH ROW EXECUTE FUNCTION permits_history();

-- The business keeps its permit fields (NIB, P-IRT, halal, BPOM, HKI) for
-- import, export, lists and statistics. Whatever writes them (a form, the
-- API, an import with COPY, the demo) the triggers below carry the change
-- into the permit records, so that one write path cannot forget it; the
-- permits service writes the fields back from the records
-- (sqlstore/permits.go). A number in the register is an issued permit; a
-- cleared number sends its permit back to "belum". The register never said
-- which halal route a certificate took: a micro business is taken to have
-- self-declared. Same statements as the SQLite triggers.
CREATE FUNCTION permits_add(b businesses, k TEXT, st TEXT, num TEXT, exp TEXT) RETURNS void LANGUAGE sql AS $$
    INSERT INTO permits (business_id, kind, status, number, expires_on, source, created_at, updated_at, updated_by)
    VALUES (b.id, k, st, num, exp, 'register', b.updated_at, b.updated_at, 'register');
$$;

CREATE FUNCTION halal_kind(b businesses) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN b.size_class = 'mikro' THEN 'halal_self_declare' ELSE 'halal_reguler' END;
$$;

CREATE FUNCTION businesses_permits_ai() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.nib <> '' THEN PERFORM permits_add(NEW, 'nib', 'terbit', NEW.nib, ''); END IF;
    IF NEW.pirt_number <> '' THEN PERFORM permits_add(NEW, 'pirt', 'terbit', NEW.pirt_number, NEW.pirt_expires_on); END IF;
    IF NEW.bpom_number <> '' THEN PERFORM permits_add(NEW, 'bpom_md', 'terbit', NEW.bpom_number, ''); END IF;
    IF NEW.hki_number <> '' THEN PERFORM permits_add(NEW, 'merek', 'terbit', NEW.hki_number, ''); END IF;
    IF NEW.halal_status <> 'none' THEN
        PERFORM permits_add(NEW, halal_kind(NEW), CASE NEW.halal_status WHEN 'certified' THEN 'terbit' ELSE 'diajukan' END,
            NEW.halal_number, NEW.halal_expires_on);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER businesses_permits_ai AFTER INSERT ON businesses FOR EACH ROW EXECUTE FUNCTION businesses_permits_ai();

-- permits_mirror carries one numbered field into the latest issued permit
-- of its kind, or adds one. exp NULL: the register holds no expiry for the
-- kind, so the permit's own is left alone.
CREATE FUNCTION permits_mirror(b businesses, k TEXT, num TEXT, exp TEXT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    pid BIGINT;
BEGIN
    SELECT max(id) INTO pid FROM permits WHERE business_id = b.id AND kind = k AND status IN ('terbit', 'kedaluwarsa');
    IF pid IS NOT NULL THEN
        UPDATE permits SET number = num, expires_on = coalesce(exp, expires_on),
            status = CASE WHEN num = '' THEN 'belum' ELSE status END,
            version = version + 1, updated_at = b.updated_at, updated_by = 'register'
        WHERE id = pid AND (number <> num OR expires_on <> coalesce(exp, expires_on));
    ELSIF num <> '' THEN
        PERFORM permits_add(b, k, 'terbit', num, coalesce(exp, ''));
    END IF;
END $$;

CREATE FUNCTION businesses_permits_au() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    issued BIGINT;
    open BIGINT;
BEGIN
    PERFORM permits_mirror(NEW, 'nib', NEW.nib, NULL);
    PERFORM permits_mirror(NEW, 'pirt', NEW.pirt_number, NEW.pirt_expires_on);
    PERFORM permits_mirror(NEW, 'bpom_md', NEW.bpom_number, NULL);
    PERFORM permits_mirror(NEW, 'merek', NEW.hki_number, NULL);
    SELECT max(id) INTO issued FROM permits WHERE business_id = NEW.id AND kind IN ('halal_self_declare', 'halal_reguler')
        AND status IN ('terbit', 'kedaluwarsa');
    SELECT max(id) INTO open FROM permits WHERE business_id = NEW.id AND kind IN ('halal_self_declare', 'halal_reguler')
        AND status IN ('persiapan', 'diajukan');
    IF NEW.halal_status = 'certified' THEN
        IF issued IS NOT NULL THEN
            UPDATE permits SET number = NEW.halal_number, expires_on = NEW.halal_expires_on, version = version + 1,
                updated_at = NEW.updated_at, updated_by = 'register'
            WHERE id = issued AND (number <> NEW.halal_number OR expires_on <> NEW.halal_expires_on);
        ELSIF open IS NOT NULL THEN
            UPDATE permits SET status = 'terbit', number = NEW.halal_number, expires_on = NEW.halal_expires_on,
                version = version + 1, updated_at = NEW.updated_at, updated_by = 'register'
            WHERE id = open;
        ELSE
            PERFORM permits_add(NEW, halal_kind(NEW), 'terbit', NEW.halal_number, NEW.halal_expires_on);
        END IF;
    ELSIF NEW.halal_status = 'in_process' THEN
        IF open IS NULL THEN
            PERFORM permits_add(NEW, halal_kind(NEW), 'diajukan', NEW.halal_number, NEW.halal_expires_on);
        END IF;
    ELSIF OLD.halal_status <> 'none' THEN
        UPDATE permits SET status = 'belum', number = '', expires_on = '', version = version + 1, updated_at = NEW.updated_at,
            updated_by = 'register'
        WHERE business_id = NEW.id AND kind IN ('halal_self_declare', 'halal_reguler')
            AND status IN (CASE OLD.halal_status WHEN 'certified' THEN 'terbit' ELSE 'diajukan' END,
                           CASE OLD.halal_status WHEN 'certified' THEN 'kedaluwarsa' ELSE 'persiapan' END);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER businesses_permits_au AFTER UPDATE OF nib, pirt_number, pirt_expires_on, bpom_number, hki_number, halal_status,
    halal_number, halal_expires_on ON businesses FOR EACH ROW EXECUTE FUNCTION businesses_permits_au();

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
