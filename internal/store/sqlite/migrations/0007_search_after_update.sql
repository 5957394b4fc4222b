-- An update of a searched field fired the two AFTER UPDATE triggers of 0001
-- newest first: the new values went into the index, then the 'delete' of
-- the old values took out every word the two had in common, so an edited
-- business was no longer found by its unchanged name. One trigger now
-- deletes, then inserts, in that order.
DROP TRIGGER businesses_fts_au_old;
DROP TRIGGER businesses_fts_au_new;

CREATE TRIGGER businesses_fts_au AFTER UPDATE OF name, brand, owner_name, nik, nib, phone, status ON businesses BEGIN
    INSERT INTO businesses_fts (businesses_fts, rowid, name, brand, owner_name, nik, nib, phone)
    SELECT 'delete', old.id, old.name, old.brand, old.owner_name, old.nik, old.nib, old.phone WHERE old.status = 'active';
    INSERT INTO businesses_fts (rowid, name, brand, owner_name, nik, nib, phone)
    SELECT new.id, new.name, new.brand, new.owner_name, new.nik, new.nib, new.phone WHERE new.status = 'active';
END;

-- Rebuild the index of the active businesses, which repairs the entries
-- that earlier edits damaged.
INSERT INTO businesses_fts (businesses_fts) VALUES ('delete-all');
INSERT INTO businesses_fts (rowid, name, brand, owner_name, nik, nib, phone)
SELECT id, name, brand, owner_name, nik, nib, phone FROM businesses WHERE status = 'active';
