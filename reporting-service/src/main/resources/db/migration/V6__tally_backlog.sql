-- A consumer that is catching up (polling full batches) applies its events' rows without settling the dashboard
-- tallies batch by batch (see dashboard/TallyBacklog). This row says that some batches were applied so: the tallies
-- must be recomputed from the row tables, which removes it again. Settlement bookkeeping, not a read model: a rebuild
-- leaves it alone (its own tallies are recomputed before the swap), and it is empty whenever the tallies are settled.
CREATE TABLE tally_backlog (
    pending  BOOLEAN PRIMARY KEY DEFAULT true CHECK (pending)
);

-- Settling a batch reads its people's latest needs answers, a small share of all scores: a partial index finds them
-- without visiting each person's other scores.
CREATE INDEX assessment_score_needs ON assessment_score (participant_id) WHERE phase = 'NEEDS';
