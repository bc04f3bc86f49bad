package org.peercircle.reporting.assessment;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.Topics;
import org.peercircle.contracts.assessment.AssessmentScored;
import org.peercircle.platform.inbox.IncomingEvent;
import org.peercircle.reporting.readmodel.EventBatches;
import org.peercircle.reporting.readmodel.Projection;
import org.peercircle.reporting.readmodel.Sql;
import org.peercircle.reporting.readmodel.Touched;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Scores of each administration from assessment-events: {@code assessment.completed.v1} is revision 0 and each
 * {@code assessment.amended.v1} a higher revision; the highest revision wins whatever order they arrive in. A
 * batch is staged with one binary COPY ({@link StagedScores}) and written with one set-based upsert.
 */
@ApplicationScoped
public class AssessmentProjection implements Projection {

    @Inject
    EventBatches batches;

    @Inject
    Sql sql;

    @Inject
    StagedScores staged;

    @Incoming("assessment-events")
    @Blocking(EventBatches.WORKERS)
    void consume(ConsumerRecords<String, String> records) {
        batches.consume(EventBatches.list(records));
    }

    @Override
    public String topic() {
        return Topics.ASSESSMENT_EVENTS;
    }

    @Override
    public Object decode(IncomingEvent event) {
        if (event.is(EventTypes.ASSESSMENT_COMPLETED)) {
            return event.payload(EventTypes.ASSESSMENT_COMPLETED);
        }
        if (event.is(EventTypes.ASSESSMENT_AMENDED)) {
            return event.payload(EventTypes.ASSESSMENT_AMENDED);
        }
        return null;
    }

    @Override
    public void touches(Object payload, Touched touched) {
        touched.scoresOf(((AssessmentScored) payload).participantId());
    }

    /**
     * A score row keeps its revision, and the upsert replaces only a lower one; a person's erasure keeps their scores
     * out; an instrument's constants change only for a later administration. So an event applied again changes
     * nothing, and scores, by far the most numerous events, need no inbox row.
     */
    @Override
    public boolean idempotent() {
        return true;
    }

    private static final String STAGED = StagedScores.TABLE;

    /**
     * One row per administration: the highest revision of the batch, the first to arrive among equals, of people not
     * erased (the upsert keeps the highest overall); in key order, as every batch locks them.
     */
    private static final String UPSERT_SCORES = """
            INSERT INTO assessment_score (administration_id, revision, participant_id, centre_id, group_id,
                instrument_code, instrument_version, phase, administered_at, total_score, subscale_scores, band,
                prorated, higher_is_worse, reliability, norm_sd, item_values, subscale_reliability, subscale_norm_sd)
            SELECT DISTINCT ON (administration_id) administration_id, revision, participant_id, centre_id, group_id,
                   instrument_code, instrument_version, phase, administered_at, total_score, subscale_scores, band,
                   prorated, higher_is_worse, reliability, norm_sd, item_values, subscale_reliability, subscale_norm_sd
            FROM %s s
            WHERE NOT EXISTS (SELECT 1 FROM erased_participant e WHERE e.participant_id = s.participant_id)
            ORDER BY administration_id, revision DESC, ord
            ON CONFLICT (administration_id) DO UPDATE SET revision = EXCLUDED.revision,
                participant_id = EXCLUDED.participant_id, centre_id = EXCLUDED.centre_id,
                group_id = EXCLUDED.group_id, instrument_code = EXCLUDED.instrument_code,
                instrument_version = EXCLUDED.instrument_version, phase = EXCLUDED.phase,
                administered_at = EXCLUDED.administered_at, total_score = EXCLUDED.total_score,
                subscale_scores = EXCLUDED.subscale_scores, band = EXCLUDED.band, prorated = EXCLUDED.prorated,
                higher_is_worse = EXCLUDED.higher_is_worse, reliability = EXCLUDED.reliability,
                norm_sd = EXCLUDED.norm_sd, item_values = EXCLUDED.item_values,
                subscale_reliability = EXCLUDED.subscale_reliability, subscale_norm_sd = EXCLUDED.subscale_norm_sd
            WHERE assessment_score.revision < EXCLUDED.revision
            """.formatted(STAGED);

    /**
     * Each instrument version's constants from its most recent administration, ties broken by value, over every event
     * of the batch: they describe the instrument, so neither an erasure replayed before the person's scores nor which
     * revision of an administration won may change them (the rebuild must equal the live model). The batch's events
     * mostly repeat the same constants, so the distinct ones are ranked, not every event; and rows that would not
     * change are left out before the upsert, which would lock them all the same (batches applied side by side would
     * wait on each other for nothing).
     */
    private static final String UPSERT_CONSTANTS = """
            WITH candidate AS (
                SELECT DISTINCT ON (instrument_code, instrument_version) instrument_code, instrument_version,
                       higher_is_worse, reliability, norm_sd, subscale_reliability, subscale_norm_sd,
                       COALESCE(administered_at, '-infinity') AS latest_at
                FROM (SELECT DISTINCT instrument_code, instrument_version, administered_at, higher_is_worse,
                             reliability, norm_sd, subscale_reliability, subscale_norm_sd FROM %s) distinct_constants
                ORDER BY instrument_code, instrument_version, COALESCE(administered_at, '-infinity') DESC,
                         higher_is_worse DESC, COALESCE(reliability, -1) DESC, COALESCE(norm_sd, -1) DESC,
                         COALESCE(subscale_reliability::text, '') DESC, COALESCE(subscale_norm_sd::text, '') DESC)
            INSERT INTO instrument_scale AS t (instrument_code, instrument_version, higher_is_worse, reliability,
                                               norm_sd, subscale_reliability, subscale_norm_sd, latest_at)
            SELECT c.* FROM candidate c
            WHERE NOT EXISTS (SELECT 1 FROM instrument_scale s
                              WHERE s.instrument_code = c.instrument_code AND s.instrument_version = c.instrument_version
                                AND %s >= %s)
            ORDER BY instrument_code, instrument_version
            ON CONFLICT (instrument_code, instrument_version) DO UPDATE SET
                higher_is_worse = EXCLUDED.higher_is_worse, reliability = EXCLUDED.reliability,
                norm_sd = EXCLUDED.norm_sd, subscale_reliability = EXCLUDED.subscale_reliability,
                subscale_norm_sd = EXCLUDED.subscale_norm_sd, latest_at = EXCLUDED.latest_at
            WHERE %s > %s
            """.formatted(STAGED, precedence("s"), precedence("c"), precedence("EXCLUDED"), precedence("t"));

    @Override
    public void apply(List<Object> payloads) {
        staged.load(payloads);
        // one round trip for the rest; the staged rows are removed for a transaction that applies more batches
        sql.batch(UPSERT_SCORES, UPSERT_CONSTANTS, "DELETE FROM " + STAGED);
    }

    /** What decides which constants of an instrument version win: the latest administration, then the values. */
    private static String precedence(String row) {
        return ("(%1$s.latest_at, %1$s.higher_is_worse, COALESCE(%1$s.reliability, -1), COALESCE(%1$s.norm_sd, -1), "
                + "COALESCE(%1$s.subscale_reliability::text, ''), COALESCE(%1$s.subscale_norm_sd::text, ''))")
                .formatted(row);
    }
}
