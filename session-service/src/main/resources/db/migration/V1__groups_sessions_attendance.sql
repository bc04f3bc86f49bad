-- session-service: groups, programme templates, membership, schedule, attendance and process records.
-- Participants appear only by their pseudonymous id; free-text notes live here and never leave the service.

-- A programme template is a document (ordered session plans with zh-CN and English text), read whole.
CREATE TABLE programme_template (
    code            TEXT PRIMARY KEY,
    name_zh         TEXT        NOT NULL,
    name_en         TEXT        NOT NULL,
    description_zh  TEXT,
    description_en  TEXT,
    group_kind      TEXT        NOT NULL,
    sessions        JSONB       NOT NULL,   -- [{sequence, phase, theme{zh,en}, objectives[], activities[], defaultDurationMinutes}]
    built_in        BOOLEAN     NOT NULL DEFAULT false,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE support_group (
    id                 UUID PRIMARY KEY,
    centre_id          UUID        NOT NULL,
    name               TEXT        NOT NULL,
    kind               TEXT        NOT NULL,
    target_population  TEXT,
    approach           TEXT,
    goals              JSONB       NOT NULL DEFAULT '[]',
    capacity_min       INTEGER     NOT NULL,
    capacity_max       INTEGER     NOT NULL,
    time_zone          TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    template_code      TEXT REFERENCES programme_template (code),
    created_at         TIMESTAMPTZ NOT NULL,
    created_by         TEXT,
    version            BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT support_group_capacity CHECK (capacity_min >= 1 AND capacity_max >= capacity_min)
);
CREATE INDEX support_group_centre ON support_group (centre_id);

-- token subjects of the group's facilitators: what a facilitator token may see
CREATE TABLE group_facilitator (
    group_id  UUID NOT NULL REFERENCES support_group (id),
    subject   TEXT NOT NULL,
    PRIMARY KEY (group_id, subject)
);
CREATE INDEX group_facilitator_subject ON group_facilitator (subject);

-- arrival order of enrolment requests, drawn while the group row is locked
CREATE SEQUENCE membership_arrival;

CREATE TABLE membership (
    id                 UUID PRIMARY KEY,
    group_id           UUID        NOT NULL REFERENCES support_group (id),
    participant_id     UUID        NOT NULL,
    status             TEXT        NOT NULL,          -- ENROLLED, WAIT_LISTED, WITHDRAWN
    arrival            BIGINT      NOT NULL,
    requested_at       TIMESTAMPTZ NOT NULL,
    enrolled_at        TIMESTAMPTZ,
    from_wait_list     BOOLEAN     NOT NULL DEFAULT false,
    withdrawn_at       TIMESTAMPTZ,
    withdrawal_reason  TEXT,
    version            BIGINT      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX membership_active ON membership (group_id, participant_id)
    WHERE status IN ('ENROLLED', 'WAIT_LISTED');
CREATE INDEX membership_group ON membership (group_id, status, arrival);
CREATE INDEX membership_participant ON membership (participant_id);

CREATE TABLE group_session (
    id                      UUID PRIMARY KEY,
    group_id                UUID        NOT NULL REFERENCES support_group (id),
    sequence                INTEGER     NOT NULL,
    phase                   TEXT,
    theme_zh                TEXT        NOT NULL,
    theme_en                TEXT,
    objectives              JSONB       NOT NULL DEFAULT '[]',
    activities              JSONB       NOT NULL DEFAULT '[]',
    starts_at               TIMESTAMPTZ NOT NULL,
    ends_at                 TIMESTAMPTZ NOT NULL,
    venue                   TEXT,
    facilitator             TEXT,
    status                  TEXT        NOT NULL,     -- SCHEDULED, COMPLETED, CANCELLED
    attendance_recorded_at  TIMESTAMPTZ,
    completed_at            TIMESTAMPTZ,
    version                 BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT group_session_times CHECK (ends_at > starts_at),
    CONSTRAINT group_session_sequence UNIQUE (group_id, sequence)
);
CREATE INDEX group_session_time ON group_session (starts_at, ends_at);
CREATE INDEX group_session_facilitator ON group_session (facilitator);

-- reschedules and cancellations with their reasons (free text, stays here)
CREATE TABLE session_change (
    id                  UUID PRIMARY KEY,
    session_id          UUID        NOT NULL REFERENCES group_session (id),
    kind                TEXT        NOT NULL,         -- RESCHEDULED, CANCELLED
    previous_starts_at  TIMESTAMPTZ NOT NULL,
    previous_ends_at    TIMESTAMPTZ NOT NULL,
    previous_venue      TEXT,
    reason              TEXT        NOT NULL,
    changed_by          TEXT,
    changed_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX session_change_session ON session_change (session_id);

CREATE TABLE attendance (
    session_id      UUID NOT NULL REFERENCES group_session (id),
    participant_id  UUID NOT NULL,
    status          TEXT NOT NULL,                    -- PRESENT, LATE, ABSENT, EXCUSED
    PRIMARY KEY (session_id, participant_id)
);
CREATE INDEX attendance_participant ON attendance (participant_id);

-- one member.at-risk.v1 per streak of absences, the streak named by its first absent session
CREATE TABLE at_risk_alert (
    group_id                 UUID        NOT NULL REFERENCES support_group (id),
    participant_id           UUID        NOT NULL,
    streak_start_session_id  UUID        NOT NULL REFERENCES group_session (id),
    detected_at              TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, participant_id, streak_start_session_id)
);

CREATE TABLE process_record (
    session_id         UUID PRIMARY KEY REFERENCES group_session (id),
    objective_ratings  JSONB       NOT NULL DEFAULT '[]',   -- [{objective (1-based), rating 1-5}]
    theme_tags         JSONB       NOT NULL DEFAULT '[]',
    notes              TEXT,
    recorded_by        TEXT,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0
);

CREATE TABLE member_observation (
    session_id      UUID NOT NULL REFERENCES process_record (session_id),
    participant_id  UUID NOT NULL,
    participation   TEXT NOT NULL,
    mood            TEXT NOT NULL,
    note            TEXT,
    PRIMARY KEY (session_id, participant_id)
);
CREATE INDEX member_observation_participant ON member_observation (participant_id);

CREATE TABLE programme_adjustment (
    id           UUID PRIMARY KEY,
    group_id     UUID        NOT NULL REFERENCES support_group (id),
    session_id   UUID REFERENCES group_session (id),
    what         TEXT        NOT NULL,
    why          TEXT        NOT NULL,
    recorded_by  TEXT,
    recorded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX programme_adjustment_group ON programme_adjustment (group_id, recorded_at);
