-- Scores are read by group (outcomes), by person (the dashboard tallies, erasure) and, in exports, by centre. A
-- centre's scores are spread over nearly every page of the table, so the export reads them with a scan either way,
-- while every score written paid for an entry in this index (about a tenth of the cost of writing it).
DROP INDEX assessment_score_centre;
