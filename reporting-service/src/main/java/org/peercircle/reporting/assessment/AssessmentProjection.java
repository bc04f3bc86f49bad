package org.peercircle.reporting.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.Topics;
import org.peercircle.contracts.assessment.AssessmentScored;
import org.peercircle.platform.inbox.Inbox;
import org.peercircle.platform.inbox.IncomingEvent;
import org.peercircle.reporting.live.LiveUpdates;
import org.peercircle.reporting.privacy.Privacy;
import org.peercircle.reporting.readmodel.Projection;
import org.peercircle.reporting.readmodel.Sql;

/**
 * Scores of each administration from assessment-events: {@code assessment.completed.v1} is revision 0 and each
 * {@code assessment.amended.v1} a higher revision; the highest revision wins whatever order they arrive in.
 */
@ApplicationScoped
public class AssessmentProjection implements Projection {

    @Inject
    Inbox inbox;

    @Inject
    Sql sql;

    @Inject
    Privacy privacy;

    @Inject
    LiveUpdates live;

    @Incoming("assessment-events")
    @Transactional
    void consume(ConsumerRecord<String, String> record) {
        if (inbox.receive(record, this::apply)) {
            live.changed(topic(), record.key());
        }
    }

    @Override
    public String topic() {
        return Topics.ASSESSMENT_EVENTS;
    }

    @Override
    public void apply(IncomingEvent event) {
        AssessmentScored e;
        if (event.is(EventTypes.ASSESSMENT_COMPLETED)) {
            e = event.payload(EventTypes.ASSESSMENT_COMPLETED);
        } else if (event.is(EventTypes.ASSESSMENT_AMENDED)) {
            e = event.payload(EventTypes.ASSESSMENT_AMENDED);
        } else {
            return;
        }
        if (privacy.isErased(e.participantId())) {
            return;
        }
        sql.update("""
                INSERT INTO assessment_score (administration_id, revision, participant_id, centre_id, group_id,
                    instrument_code, instrument_version, phase, administered_at, total_score, subscale_scores, band,
                    prorated, higher_is_worse, reliability, norm_sd, item_values)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, CAST(? AS jsonb))
                ON CONFLICT (administration_id) DO UPDATE SET revision = EXCLUDED.revision,
                    participant_id = EXCLUDED.participant_id, centre_id = EXCLUDED.centre_id,
                    group_id = EXCLUDED.group_id, instrument_code = EXCLUDED.instrument_code,
                    instrument_version = EXCLUDED.instrument_version, phase = EXCLUDED.phase,
                    administered_at = EXCLUDED.administered_at, total_score = EXCLUDED.total_score,
                    subscale_scores = EXCLUDED.subscale_scores, band = EXCLUDED.band, prorated = EXCLUDED.prorated,
                    higher_is_worse = EXCLUDED.higher_is_worse, reliability = EXCLUDED.reliability,
                    norm_sd = EXCLUDED.norm_sd, item_values = EXCLUDED.item_values
                WHERE assessment_score.revision < EXCLUDED.revision
                """, e.administrationId(), e.revision(), e.participantId(), e.centreId(), e.groupId(),
                e.instrumentCode(), e.instrumentVersion(), e.phase(), e.administeredAt(), e.totalScore(),
                Sql.json(e.subscaleScores()), e.band(), e.prorated(), e.higherIsWorse(), e.reliability(),
                e.normSd(), Sql.json(e.itemValues()));
    }
}
