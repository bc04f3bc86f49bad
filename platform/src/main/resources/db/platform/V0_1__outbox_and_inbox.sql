-- Shared by every service (located through quarkus.flyway.locations=db/platform,db/migration).

-- Transactional outbox: written in the same transaction as the state change, published by OutboxRelay.
CREATE TABLE outbox_event (
    seq           BIGSERIAL PRIMARY KEY,           -- publication order
    id            UUID        NOT NULL UNIQUE,     -- CloudEvents id, what consumers de-duplicate on
    topic         TEXT        NOT NULL,
    event_type    TEXT        NOT NULL,            -- CloudEvents type, e.g. participant.registered.v1
    subject       TEXT        NOT NULL,            -- aggregate id: record key and CloudEvents subject
    payload       JSON        NOT NULL,            -- JSON (not JSONB) keeps the serialised text as written
    occurred_at   TIMESTAMPTZ NOT NULL,
    traceparent   TEXT,
    published_at  TIMESTAMPTZ
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Idempotent inbox: ids of consumed events, recorded in the same transaction as the projection update.
CREATE TABLE processed_event (
    event_id      UUID        PRIMARY KEY,
    event_type    TEXT        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
