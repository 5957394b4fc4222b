-- WhatsApp messages without a gateway: the templates an admin edited (the
-- built-in texts live in the program), the messages an officer marked sent
-- (one per business, kind, subject and due day: never offered twice), and
-- the owners who asked not to be contacted.
CREATE TABLE message_templates (
    kind       TEXT PRIMARY KEY,
    body       TEXT NOT NULL,
    version    BIGINT NOT NULL,
    updated_at {{.Time}} NOT NULL,
    updated_by TEXT NOT NULL DEFAULT ''
);

CREATE TABLE messages_sent (
    id          {{.ID}},
    business_id {{.BigInt}} NOT NULL REFERENCES businesses (id),
    kind        TEXT NOT NULL,
    subject     TEXT NOT NULL,
    due_on      TEXT NOT NULL,
    sent_at     {{.Time}} NOT NULL,
    sent_by     TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_messages_sent_key ON messages_sent (business_id, kind, subject, due_on);
CREATE INDEX ix_messages_sent_due ON messages_sent (due_on);

CREATE TABLE contact_preferences (
    business_id {{.BigInt}} PRIMARY KEY REFERENCES businesses (id),
    opted_out   {{.Bool}} NOT NULL DEFAULT {{.False}},
    updated_at  {{.Time}} NOT NULL,
    updated_by  TEXT NOT NULL DEFAULT ''
);
