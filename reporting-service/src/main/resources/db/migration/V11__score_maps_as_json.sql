-- A score's subscale scores and item values are only ever written whole and read back whole as text (by Scores and
-- Tallies, which parse them in Java), never searched or compared inside PostgreSQL. As json they are stored as
-- written, only checked: jsonb's parse into its own form (every number a numeric) was half of the cost of staging
-- a batch of scores, and its text output is made again on every read. The instrument constants
-- (subscale_reliability, subscale_norm_sd) stay jsonb: they are compared when the latest ones are picked.
ALTER TABLE assessment_score
    ALTER COLUMN subscale_scores TYPE json USING subscale_scores::json,
    ALTER COLUMN item_values TYPE json USING item_values::json;
