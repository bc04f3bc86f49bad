-- Consent history: every grant and withdrawal, newest last; the current consent is the latest row per type.
CREATE TABLE consent_record (
    seq             BIGSERIAL PRIMARY KEY,
    participant_id  UUID        NOT NULL REFERENCES participant (id),
    consent_type    TEXT        NOT NULL,      -- SERVICE or ANALYTICS
    granted         BOOLEAN     NOT NULL,
    given_by        TEXT        NOT NULL,      -- SELF or PROXY
    effective_date  DATE        NOT NULL,
    proxy_name      TEXT,
    proxy_relation  TEXT,
    note            TEXT,
    recorded_by     TEXT        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX consent_record_participant ON consent_record (participant_id, consent_type, seq);
