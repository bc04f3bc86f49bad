-- Subscales may declare their own reliability and normative SD (assessment.completed.v1 gained the optional
-- subscaleReliability and subscaleNormSd), so reliable change is judged per subscale too. JSON objects from subscale
-- code to value; null in scores published before the fields existed.
ALTER TABLE assessment_score ADD COLUMN subscale_reliability JSONB, ADD COLUMN subscale_norm_sd JSONB;
ALTER TABLE instrument_scale ADD COLUMN subscale_reliability JSONB, ADD COLUMN subscale_norm_sd JSONB;
