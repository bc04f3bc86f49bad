-- Dashboard figures kept up to date as events arrive (see dashboard/Tallies), so a centre or city dashboard reads
-- a handful of rows per centre instead of every person, membership, attendance mark and score. Each consumer
-- transaction locks the people and groups its events touch, computes what they contribute to these tables before
-- and after the events, and adds the difference. The tables hold counts and sums only, never a participant id.
-- Read models like the others: rebuilt by a replay and swapped in with them.

-- Counts per centre: people by cohort cell, seats, withdrawal reasons, attendance marks, groups by status, needs
-- questionnaire answers. centre_id 00000000-0000-0000-0000-000000000000 holds the city's distinct-people counts
-- (a person with seats in two centres counts once in the city). key is a JSON array, e.g. ["AGE_70_79"] or
-- ["NEEDS-Q", 1, "Q3", "2"]. Rows whose count falls to zero are deleted.
CREATE TABLE dashboard_count (
    centre_id  UUID   NOT NULL,
    metric     TEXT   NOT NULL,
    key        JSONB  NOT NULL,
    n          BIGINT NOT NULL,
    PRIMARY KEY (centre_id, metric, key)
);

-- Pre/post pairs per centre, instrument version and scale (TOTAL or a subscale): count, sums and sums of squares of
-- pre, post and change (exact NUMERIC: the same whatever order the pairs were added and removed in), and the
-- reliable change categories of the pairs whose scores carry a reliability and a normative SD.
CREATE TABLE outcome_tally (
    centre_id           UUID    NOT NULL,
    instrument_code     TEXT    NOT NULL,
    instrument_version  INT     NOT NULL,
    scale               TEXT    NOT NULL,
    n                   BIGINT  NOT NULL,
    pre_sum             NUMERIC NOT NULL,
    pre_squares         NUMERIC NOT NULL,
    post_sum            NUMERIC NOT NULL,
    post_squares        NUMERIC NOT NULL,
    change_sum          NUMERIC NOT NULL,
    change_squares      NUMERIC NOT NULL,
    rci_n               BIGINT  NOT NULL,
    improved            BIGINT  NOT NULL,
    unchanged           BIGINT  NOT NULL,
    worse               BIGINT  NOT NULL,
    PRIMARY KEY (centre_id, instrument_code, instrument_version, scale)
);

-- The scoring constants of each instrument version, from its most recent administration (ties broken by value, so
-- arrival order never matters). Not personal: no ids.
CREATE TABLE instrument_scale (
    instrument_code     TEXT    NOT NULL,
    instrument_version  INT     NOT NULL,
    higher_is_worse     BOOLEAN NOT NULL,
    reliability         DOUBLE PRECISION,
    norm_sd             DOUBLE PRECISION,
    latest_at           TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (instrument_code, instrument_version)
);

-- Centre dashboards list a centre's groups that are still open plus the latest closed ones.
CREATE INDEX support_group_centre_status ON support_group (centre_id, status, status_changed_at);
CREATE INDEX group_member_group ON group_member (group_id);
