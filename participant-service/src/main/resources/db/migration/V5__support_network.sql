-- Support-network maps: dated snapshots of a participant's ties. Tie names stay here (erased with the person).
CREATE TABLE network_snapshot (
    id              UUID PRIMARY KEY,
    participant_id  UUID        NOT NULL REFERENCES participant (id),
    centre_id       UUID        NOT NULL,
    recorded_on     DATE        NOT NULL,
    occasion        TEXT        NOT NULL,
    note            TEXT,
    recorded_by     TEXT        NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX network_snapshot_participant ON network_snapshot (participant_id, recorded_on);

CREATE TABLE network_tie (
    id                 UUID PRIMARY KEY,
    snapshot_id        UUID     NOT NULL REFERENCES network_snapshot (id),
    position           INTEGER  NOT NULL,
    name               TEXT,
    tie_type           TEXT     NOT NULL,
    formal             BOOLEAN  NOT NULL,
    support_kinds      TEXT[]   NOT NULL,
    contact_frequency  TEXT     NOT NULL,
    closeness          INTEGER  NOT NULL,
    note               TEXT
);
CREATE INDEX network_tie_snapshot ON network_tie (snapshot_id, position);
