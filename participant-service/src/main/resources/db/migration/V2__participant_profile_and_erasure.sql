-- The rest of the registration form, the stored migrant flag (derived on every write, kept for filtering),
-- erasure tombstones, and the lifecycle history with its notes.

ALTER TABLE participant
    ADD COLUMN dialects                    TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN interests                   TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN mobility_notes              TEXT,
    ADD COLUMN health_notes                TEXT,
    ADD COLUMN emergency_contact_name      TEXT,
    ADD COLUMN emergency_contact_relation  TEXT,
    ADD COLUMN emergency_contact_phone     TEXT,
    ADD COLUMN migrant                     BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN erased_at                   TIMESTAMPTZ,
    ADD COLUMN erased_by                   TEXT;

-- An erased participant keeps only its pseudonymous id, centre, status and cohort-free bookkeeping.
ALTER TABLE participant
    ALTER COLUMN full_name  DROP NOT NULL,
    ALTER COLUMN birth_date DROP NOT NULL,
    ALTER COLUMN phone      DROP NOT NULL;

-- Back-fill rows registered before this migration with the rule of CohortRules.migrant (men 60, others 50).
UPDATE participant
SET migrant = moved_to_city_year IS NOT NULL
    AND moved_to_city_year - EXTRACT(YEAR FROM birth_date) >= CASE WHEN gender = 'MALE' THEN 60 ELSE 50 END;

CREATE INDEX participant_centre_birth_date ON participant (centre_id, birth_date) WHERE erased_at IS NULL;
CREATE INDEX participant_centre_registered ON participant (centre_id, registered_at DESC);

-- Every lifecycle step, by whom and why; the free-text note stays here (events carry the reason code only).
CREATE TABLE status_change (
    id              BIGSERIAL PRIMARY KEY,
    participant_id  UUID        NOT NULL REFERENCES participant (id),
    from_status     TEXT        NOT NULL,
    to_status       TEXT        NOT NULL,
    reason          TEXT,
    note            TEXT,
    changed_by      TEXT        NOT NULL,
    changed_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX status_change_participant ON status_change (participant_id, id);
