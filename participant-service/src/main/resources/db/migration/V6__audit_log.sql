-- Who read whose personal data, written in the same transaction as the read. Never erased.
CREATE TABLE audit_entry (
    id              BIGSERIAL PRIMARY KEY,
    occurred_at     TIMESTAMPTZ NOT NULL,
    subject         TEXT        NOT NULL,
    role            TEXT        NOT NULL,
    operation       TEXT        NOT NULL,
    participant_id  UUID        NOT NULL,
    centre_id       UUID        NOT NULL
);
CREATE INDEX audit_entry_participant ON audit_entry (participant_id, id);
CREATE INDEX audit_entry_subject ON audit_entry (subject, id);
CREATE INDEX audit_entry_occurred ON audit_entry (occurred_at);
