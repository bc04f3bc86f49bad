-- Instrument library. A definition (items, options, scoring key, bands) is stored as the canonical JSON the service
-- writes (InstrumentJson); a version is immutable once first_used_at is set, and that mark survives erasures.
CREATE TABLE instrument_version (
    code            TEXT        NOT NULL,
    version         INTEGER     NOT NULL CHECK (version >= 1),
    definition      TEXT        NOT NULL,          -- canonical JSON
    built_in        BOOLEAN     NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by      TEXT        NOT NULL,
    first_used_at   TIMESTAMPTZ,
    PRIMARY KEY (code, version)
);

-- Wording loaded by a coordinator for one locale (item texts, option labels, group texts), kept apart from the
-- scoring key so that loading a translation never changes how a form is scored.
CREATE TABLE instrument_text (
    code            TEXT        NOT NULL,
    version         INTEGER     NOT NULL,
    locale          TEXT        NOT NULL,
    texts           TEXT        NOT NULL,          -- JSON: {"items": {id: {"text", "options": {value: label}}}, "groups": {id: text}}
    updated_at      TIMESTAMPTZ NOT NULL,
    updated_by      TEXT        NOT NULL,
    PRIMARY KEY (code, version, locale),
    FOREIGN KEY (code, version) REFERENCES instrument_version (code, version)
);

-- One completed form. The current scores are those of the latest revision; every revision is kept below.
CREATE TABLE administration (
    id                  UUID        PRIMARY KEY,
    participant_id      UUID        NOT NULL,      -- pseudonymous id from participant-events
    centre_id           UUID        NOT NULL,
    group_id            UUID,
    instrument_code     TEXT        NOT NULL,
    instrument_version  INTEGER     NOT NULL,
    phase               TEXT        NOT NULL,
    mode                TEXT        NOT NULL,
    administered_at     TIMESTAMPTZ NOT NULL,
    revision            INTEGER     NOT NULL,
    answers             TEXT        NOT NULL,      -- JSON: item id -> value, or list of values
    total_score         NUMERIC,
    subscale_scores     TEXT        NOT NULL,      -- JSON: subscale code -> score
    band                TEXT,
    prorated            BOOLEAN     NOT NULL,
    submitted_at        TIMESTAMPTZ NOT NULL,
    submitted_by        TEXT        NOT NULL,
    idempotency_key     TEXT,
    request_hash        TEXT,
    version             BIGINT      NOT NULL DEFAULT 0,
    FOREIGN KEY (instrument_code, instrument_version) REFERENCES instrument_version (code, version)
);
CREATE UNIQUE INDEX administration_idempotency ON administration (submitted_by, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX administration_participant ON administration (participant_id, instrument_code, administered_at);
CREATE INDEX administration_group ON administration (group_id) WHERE group_id IS NOT NULL;

-- Revision 0 is the original submission; each amendment adds the next revision with its reason.
CREATE TABLE administration_revision (
    administration_id   UUID        NOT NULL REFERENCES administration (id) ON DELETE CASCADE,
    revision            INTEGER     NOT NULL,
    administered_at     TIMESTAMPTZ NOT NULL,
    answers             TEXT        NOT NULL,
    total_score         NUMERIC,
    subscale_scores     TEXT        NOT NULL,
    band                TEXT,
    prorated            BOOLEAN     NOT NULL,
    reason              TEXT,                      -- amendments only; never published
    recorded_at         TIMESTAMPTZ NOT NULL,
    recorded_by         TEXT        NOT NULL,
    PRIMARY KEY (administration_id, revision)
);

-- Groups and their members as session-service announces them (ids only: no group names).
CREATE TABLE known_group (
    group_id    UUID PRIMARY KEY,
    centre_id   UUID NOT NULL
);

CREATE TABLE group_member (
    group_id        UUID        NOT NULL,
    participant_id  UUID        NOT NULL,
    centre_id       UUID        NOT NULL,
    enrolled        BOOLEAN     NOT NULL,
    changed_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, participant_id)
);
CREATE INDEX group_member_participant ON group_member (participant_id);
