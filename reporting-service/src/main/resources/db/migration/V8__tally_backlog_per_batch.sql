-- Each batch applied without settling the dashboard tallies leaves a row of its own, and a recomputation removes the
-- rows of the batches it saw (dashboard/TallyBacklog): it reads one snapshot while the consumers go on, and a batch
-- committed after that snapshot keeps its row for the next recomputation. A backlog left open stays open.
CREATE TABLE tally_batch_backlog (
    batch  UUID PRIMARY KEY
);
INSERT INTO tally_batch_backlog SELECT gen_random_uuid() FROM tally_backlog;
DROP TABLE tally_backlog;
ALTER TABLE tally_batch_backlog RENAME TO tally_backlog;
