package org.peercircle.reporting.assessment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.Topics;
import org.peercircle.contracts.assessment.AssessmentScored;
import org.peercircle.platform.inbox.IncomingEvent;
import org.peercircle.reporting.privacy.Privacy;
import org.peercircle.reporting.readmodel.EventBatches;
import org.peercircle.reporting.readmodel.Projection;
import org.peercircle.reporting.readmodel.Sql;
import org.peercircle.reporting.readmodel.Touched;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Scores of each administration from assessment-events: {@code assessment.completed.v1} is revision 0 and each
 * {@code assessment.amended.v1} a higher revision; the highest revision wins whatever order they arrive in. A
 * batch is written with one multi-row upsert.
 */
@ApplicationScoped
public class AssessmentProjection implements Projection {

    @Inject
    EventBatches batches;

    @Inject
    Sql sql;

    @Inject
    Privacy privacy;

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

    @Override
    public void apply(List<Object> payloads) {
        Set<UUID> erased = privacy.erasedAmong(payloads.stream().map(p -> ((AssessmentScored) p).participantId()).toList());
        // one row per administration: the highest revision of the batch (the upsert keeps the highest overall)
        Map<UUID, AssessmentScored> latest = new LinkedHashMap<>();
        for (Object p : payloads) {
            AssessmentScored e = (AssessmentScored) p;
            if (!erased.contains(e.participantId())) {
                latest.merge(e.administrationId(), e, (a, b) -> b.revision() > a.revision() ? b : a);
            }
        }
        String rows = """
                unnest(CAST(? AS uuid[]), CAST(? AS int[]), CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS uuid[]),
                       CAST(? AS text[]), CAST(? AS int[]), CAST(? AS text[]), CAST(? AS text[]),
                       CAST(? AS float8[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bool[]),
                       CAST(? AS bool[]), CAST(? AS float8[]), CAST(? AS float8[]), CAST(? AS text[]),
                       CAST(? AS text[]), CAST(? AS text[]))
                AS r(administration_id, revision, participant_id, centre_id, group_id, instrument_code,
                     instrument_version, phase, administered_at, total_score, subscale_scores, band, prorated,
                     higher_is_worse, reliability, norm_sd, item_values, subscale_reliability, subscale_norm_sd)
                """;
        if (!latest.isEmpty()) {
            sql.update("""
                INSERT INTO assessment_score (administration_id, revision, participant_id, centre_id, group_id,
                    instrument_code, instrument_version, phase, administered_at, total_score, subscale_scores, band,
                    prorated, higher_is_worse, reliability, norm_sd, item_values, subscale_reliability,
                    subscale_norm_sd)
                SELECT administration_id, revision, participant_id, centre_id, group_id, instrument_code,
                       instrument_version, phase, CAST(administered_at AS timestamptz), total_score,
                       CAST(subscale_scores AS jsonb), band, prorated, higher_is_worse, reliability, norm_sd,
                       CAST(item_values AS jsonb), CAST(subscale_reliability AS jsonb), CAST(subscale_norm_sd AS jsonb)
                FROM %s
                ORDER BY administration_id
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
                """.formatted(rows), columns(latest.values()));
        }
        // each instrument version's constants from its most recent administration, ties broken by value, over every
        // event of the batch: they describe the instrument, so neither an erasure replayed before the person's
        // scores nor which revision of an administration won may change them (the rebuild must equal the live model)
        sql.update("""
                INSERT INTO instrument_scale AS t (instrument_code, instrument_version, higher_is_worse, reliability,
                                                   norm_sd, subscale_reliability, subscale_norm_sd, latest_at)
                SELECT DISTINCT ON (instrument_code, instrument_version) instrument_code, instrument_version,
                       higher_is_worse, reliability, norm_sd, CAST(subscale_reliability AS jsonb),
                       CAST(subscale_norm_sd AS jsonb), COALESCE(CAST(administered_at AS timestamptz), '-infinity')
                FROM %s
                ORDER BY instrument_code, instrument_version,
                         COALESCE(CAST(administered_at AS timestamptz), '-infinity') DESC, higher_is_worse DESC,
                         COALESCE(reliability, -1) DESC, COALESCE(norm_sd, -1) DESC,
                         COALESCE(CAST(subscale_reliability AS jsonb)::text, '') DESC,
                         COALESCE(CAST(subscale_norm_sd AS jsonb)::text, '') DESC
                ON CONFLICT (instrument_code, instrument_version) DO UPDATE SET
                    higher_is_worse = EXCLUDED.higher_is_worse, reliability = EXCLUDED.reliability,
                    norm_sd = EXCLUDED.norm_sd, subscale_reliability = EXCLUDED.subscale_reliability,
                    subscale_norm_sd = EXCLUDED.subscale_norm_sd, latest_at = EXCLUDED.latest_at
                WHERE (EXCLUDED.latest_at, EXCLUDED.higher_is_worse, COALESCE(EXCLUDED.reliability, -1),
                       COALESCE(EXCLUDED.norm_sd, -1), COALESCE(EXCLUDED.subscale_reliability::text, ''),
                       COALESCE(EXCLUDED.subscale_norm_sd::text, ''))
                    > (t.latest_at, t.higher_is_worse, COALESCE(t.reliability, -1), COALESCE(t.norm_sd, -1),
                       COALESCE(t.subscale_reliability::text, ''), COALESCE(t.subscale_norm_sd::text, ''))
                """.formatted(rows), columns(payloads.stream().map(AssessmentScored.class::cast).toList()));
    }

    /** The events as one array parameter per column, for the {@code unnest} of {@link #apply}. */
    private static Object[] columns(Collection<AssessmentScored> events) {
        int columns = 19;
        List<List<Object>> values = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            values.add(new ArrayList<>(events.size()));
        }
        for (AssessmentScored e : events) {
            Object[] row = { e.administrationId(), e.revision(), e.participantId(), e.centreId(), e.groupId(),
                    e.instrumentCode(), e.instrumentVersion(), e.phase(),
                    e.administeredAt() == null ? null : e.administeredAt().toString(), e.totalScore(),
                    Sql.json(e.subscaleScores()), e.band(), e.prorated(), e.higherIsWorse(), e.reliability(),
                    e.normSd(), Sql.json(e.itemValues()), Sql.json(e.subscaleReliability()),
                    Sql.json(e.subscaleNormSd()) };
            for (int i = 0; i < columns; i++) {
                values.get(i).add(row[i]);
            }
        }
        String[] types = { "uuid", "int4", "uuid", "uuid", "uuid", "text", "int4", "text", "text", "float8", "text",
                "text", "bool", "bool", "float8", "float8", "text", "text", "text" };
        Object[] params = new Object[columns];
        for (int i = 0; i < columns; i++) {
            params[i] = Sql.array(types[i], values.get(i));
        }
        return params;
    }
}
