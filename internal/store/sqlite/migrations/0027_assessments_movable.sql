-- Assessments stay append-only, but a merge of two records of one business
-- may move them to the record kept: only business_id may change.
DROP TRIGGER assessments_append_only_u;
CREATE TRIGGER assessments_append_only_u BEFORE UPDATE ON assessments
WHEN new.id IS NOT old.id OR new.instrument_version IS NOT old.instrument_version OR new.assessed_on IS NOT old.assessed_on
    OR new.source IS NOT old.source OR new.answers IS NOT old.answers OR new.scores IS NOT old.scores
    OR new.level IS NOT old.level OR new.recommendations IS NOT old.recommendations OR new.assessor_id IS NOT old.assessor_id
    OR new.assessor IS NOT old.assessor OR new.visit_date IS NOT old.visit_date OR new.client_ref IS NOT old.client_ref
    OR new.verified_from IS NOT old.verified_from OR new.created_at IS NOT old.created_at
BEGIN
    SELECT RAISE(ABORT, 'ck_assessments_append_only');
END;
