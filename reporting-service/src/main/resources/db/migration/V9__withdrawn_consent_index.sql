-- Every query that counts people leaves out those who withdrew analytics consent (Privacy.counted): NOT IN over the
-- withdrawn. Without this index each such query read all of analytics_consent, a row per person registered, so a
-- group's outcomes and a centre's dashboard cost more as the city grew (at 100,000 people the centre dashboard's p95
-- was 1.5 times its 10,000-person figure). The withdrawn are few, and this index holds only them.
CREATE INDEX analytics_consent_withdrawn ON analytics_consent (participant_id) WHERE NOT granted;
