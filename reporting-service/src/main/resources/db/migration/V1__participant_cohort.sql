-- One row per participant, from participant-events: pseudonymous id and cohort attributes only.
CREATE TABLE participant_cohort (
    participant_id    UUID PRIMARY KEY,
    centre_id         UUID        NOT NULL,
    age_band          TEXT        NOT NULL,
    gender            TEXT        NOT NULL,
    living_situation  TEXT        NOT NULL,
    migrant           BOOLEAN     NOT NULL,
    status            TEXT        NOT NULL,
    withdrawal_reason TEXT,
    registered_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX participant_cohort_centre ON participant_cohort (centre_id);
