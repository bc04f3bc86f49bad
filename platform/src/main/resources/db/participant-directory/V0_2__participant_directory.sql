-- What a service other than participant-service knows of a participant, from participant-events only:
-- the pseudonymous id, the centre, the lifecycle status and whether the person was erased. No personal data.
CREATE TABLE participant_directory (
    participant_id  UUID PRIMARY KEY,
    centre_id       UUID        NOT NULL,
    status          TEXT        NOT NULL,
    erased          BOOLEAN     NOT NULL DEFAULT false,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX participant_directory_centre ON participant_directory (centre_id);
