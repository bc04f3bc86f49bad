CREATE TABLE centre (
    id          UUID PRIMARY KEY,
    name        TEXT NOT NULL,
    district    TEXT NOT NULL,
    address     TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX centre_name ON centre (lower(name));

CREATE TABLE participant (
    id                  UUID PRIMARY KEY,                 -- the pseudonymous id other services know
    centre_id           UUID NOT NULL REFERENCES centre (id),
    full_name           TEXT NOT NULL,
    gender              TEXT NOT NULL,
    birth_date          DATE NOT NULL,
    phone               TEXT NOT NULL,
    neighbourhood       TEXT,
    living_situation    TEXT NOT NULL,
    hometown_province   TEXT,
    hometown_city       TEXT,
    moved_to_city_year  INTEGER,
    move_reason         TEXT,
    referral_source     TEXT NOT NULL,
    status              TEXT NOT NULL,
    registered_at       TIMESTAMPTZ NOT NULL,
    version             BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX participant_centre ON participant (centre_id);
