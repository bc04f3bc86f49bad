-- Screening: each centre's eligibility rule, the latest SCREENING-phase scores per participant and
-- instrument (from assessment-events), and every decision with its basis.

CREATE TABLE eligibility_rule (
    centre_id    UUID PRIMARY KEY REFERENCES centre (id),
    combinator   TEXT        NOT NULL,          -- ANY or ALL
    conditions   JSONB       NOT NULL,          -- [{instrumentCode, subscale, operator, threshold}]
    version      BIGINT      NOT NULL DEFAULT 0,
    updated_by   TEXT        NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE screening_score (
    participant_id     UUID        NOT NULL REFERENCES participant (id),
    instrument_code    TEXT        NOT NULL,
    administration_id  UUID        NOT NULL,
    revision           INTEGER     NOT NULL,
    administered_at    TIMESTAMPTZ NOT NULL,
    total_score        DOUBLE PRECISION,
    subscale_scores    JSONB       NOT NULL,
    event_id           UUID        NOT NULL,
    PRIMARY KEY (participant_id, instrument_code)
);

CREATE TABLE screening_decision (
    id              UUID PRIMARY KEY,
    participant_id  UUID        NOT NULL REFERENCES participant (id),
    centre_id       UUID        NOT NULL,
    outcome         TEXT        NOT NULL,      -- ELIGIBLE or INELIGIBLE
    method          TEXT        NOT NULL,      -- AUTOMATIC or MANUAL
    basis           JSONB,                     -- AUTOMATIC: the rule and each condition's score and result
    event_id        UUID,                      -- AUTOMATIC: the assessment event that triggered it
    reason          TEXT,                      -- MANUAL: the social worker's reason (erased with the person)
    status_before   TEXT        NOT NULL,
    status_after    TEXT        NOT NULL,      -- equal to status_before when the decision changed nothing
    decided_by      TEXT        NOT NULL,
    decided_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX screening_decision_participant ON screening_decision (participant_id, decided_at);
