-- Scores no longer keep an inbox row (AssessmentProjection.idempotent: a score row holds its revision, so an event
-- applied again changes nothing). The rows recorded before are never read again: one per form ever consumed.
DELETE FROM processed_event WHERE event_type IN ('assessment.completed.v1', 'assessment.amended.v1');
