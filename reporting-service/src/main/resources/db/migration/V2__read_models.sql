-- Read models built from events alone (pseudonymous ids, cohort codes, scores; never names, contacts or notes).
-- Every row is derived from event payloads only (no now(), no serial ids), so a replay rebuilds them identically.
-- Tables are swapped wholesale by a rebuild (see rebuild/ReadModelRebuild): keep them free of sequences and of
-- foreign keys between each other.

-- participant-events

CREATE TABLE analytics_consent (
    participant_id  UUID PRIMARY KEY,
    centre_id       UUID    NOT NULL,
    granted         BOOLEAN NOT NULL,
    effective_date  DATE
);

-- The pseudonymous ids of erased people: every projection drops what it holds for them and ignores later events
-- about them (another topic may deliver such an event after the erasure).
CREATE TABLE erased_participant (
    participant_id  UUID PRIMARY KEY,
    centre_id       UUID NOT NULL,
    erased_at       TIMESTAMPTZ
);

CREATE TABLE network_snapshot (
    snapshot_id     UUID PRIMARY KEY,
    participant_id  UUID    NOT NULL,
    centre_id       UUID    NOT NULL,
    recorded_on     DATE,
    total_ties      INT     NOT NULL,
    formal_ties     INT     NOT NULL,
    informal_ties   INT     NOT NULL,
    ties_by_type    JSONB,
    ties_by_support JSONB
);
CREATE INDEX network_snapshot_participant ON network_snapshot (participant_id);

-- session-events
CREATE TABLE support_group (
    group_id            UUID PRIMARY KEY,
    centre_id           UUID NOT NULL,
    title               TEXT,            -- the group's title as staff named it, e.g. 老漂族互助小组
    kind                TEXT,
    template_code       TEXT,
    capacity_min        INT,
    capacity_max        INT,
    planned_sessions    INT,
    first_session_date  DATE,
    status              TEXT NOT NULL,
    created_at          TIMESTAMPTZ,
    status_changed_at   TIMESTAMPTZ
);
CREATE INDEX support_group_centre ON support_group (centre_id);

CREATE TABLE group_member (
    group_id            UUID    NOT NULL,
    participant_id      UUID    NOT NULL,
    centre_id           UUID    NOT NULL,
    state               TEXT    NOT NULL,  -- ENROLLED, WAIT_LISTED, WITHDRAWN
    from_wait_list      BOOLEAN NOT NULL DEFAULT false,
    wait_list_position  INT,
    withdrawal_reason   TEXT,
    enrolled_at         TIMESTAMPTZ,
    wait_listed_at      TIMESTAMPTZ,
    withdrawn_at        TIMESTAMPTZ,
    PRIMARY KEY (group_id, participant_id)
);
CREATE INDEX group_member_participant ON group_member (participant_id);

CREATE TABLE group_session (
    session_id      UUID PRIMARY KEY,
    group_id        UUID NOT NULL,
    centre_id       UUID NOT NULL,
    sequence        INT  NOT NULL,
    theme           TEXT,
    phase           TEXT,
    starts_at       TIMESTAMPTZ,
    ends_at         TIMESTAMPTZ,
    status          TEXT,                -- SCHEDULED or CANCELLED, from the latest session.scheduled.v1
    completed_at    TIMESTAMPTZ,         -- set by session.completed.v1
    theme_tags      JSONB,
    objectives_met  DOUBLE PRECISION
);
CREATE INDEX group_session_group ON group_session (group_id);

CREATE TABLE session_attendance (
    session_id      UUID NOT NULL,
    participant_id  UUID NOT NULL,
    group_id        UUID NOT NULL,
    sequence        INT  NOT NULL,
    status          TEXT NOT NULL,       -- PRESENT, LATE, ABSENT, EXCUSED
    PRIMARY KEY (session_id, participant_id)
);
CREATE INDEX session_attendance_group ON session_attendance (group_id);
CREATE INDEX session_attendance_participant ON session_attendance (participant_id);

CREATE TABLE member_at_risk (
    group_id              UUID NOT NULL,
    participant_id        UUID NOT NULL,
    centre_id             UUID NOT NULL,
    consecutive_absences  INT  NOT NULL,
    last_session_id       UUID,
    detected_at           TIMESTAMPTZ,
    PRIMARY KEY (group_id, participant_id)
);

-- assessment-events: the current revision of each administration
CREATE TABLE assessment_score (
    administration_id   UUID PRIMARY KEY,
    revision            INT     NOT NULL,
    participant_id      UUID    NOT NULL,
    centre_id           UUID    NOT NULL,
    group_id            UUID,
    instrument_code     TEXT    NOT NULL,
    instrument_version  INT     NOT NULL,
    phase               TEXT    NOT NULL,
    administered_at     TIMESTAMPTZ,
    total_score         DOUBLE PRECISION,
    subscale_scores     JSONB,
    band                TEXT,
    prorated            BOOLEAN NOT NULL,
    higher_is_worse     BOOLEAN NOT NULL,
    reliability         DOUBLE PRECISION,
    norm_sd             DOUBLE PRECISION,
    item_values         JSONB
);
CREATE INDEX assessment_score_group ON assessment_score (group_id);
CREATE INDEX assessment_score_centre ON assessment_score (centre_id);
CREATE INDEX assessment_score_participant ON assessment_score (participant_id);

-- Rebuild runs (not a read model: kept across swaps). Who asked is logged, not stored.
CREATE TABLE rebuild_run (
    id               UUID PRIMARY KEY,
    status           TEXT        NOT NULL,  -- RUNNING, COMPLETED, FAILED
    requested_at     TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ,
    events_replayed  BIGINT,
    failure          TEXT
);
-- one rebuild at a time, also across replicas
CREATE UNIQUE INDEX rebuild_run_one_running ON rebuild_run ((true)) WHERE status = 'RUNNING';
