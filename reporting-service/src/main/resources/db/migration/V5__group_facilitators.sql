-- Facilitators read the reporting of their own groups only (ARCHITECTURE: facilitator = own groups). Their token
-- subjects come from group.created.v1 and, after each change, group.updated.v1, whose version orders the updates
-- (state_version is null until the first update). Staff subjects, not participants' personal data.
ALTER TABLE support_group ADD COLUMN facilitators TEXT[] NOT NULL DEFAULT '{}', ADD COLUMN state_version BIGINT;
CREATE INDEX support_group_facilitators ON support_group USING GIN (facilitators);
