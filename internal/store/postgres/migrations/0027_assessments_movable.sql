-- Assessments stay append-only, but a merge of two records of one business
-- may move them to the record kept: only business_id may change.
CREATE OR REPLACE FUNCTION assessments_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    moved assessments;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        moved := NEW;
        moved.business_id := OLD.business_id;
        IF moved IS NOT DISTINCT FROM OLD THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'ck_assessments_append_only' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_assessments_append_only';
END;
$$;
