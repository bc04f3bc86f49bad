package org.peercircle.reporting.cohort;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.peercircle.contracts.EventType;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.Topics;
import org.peercircle.contracts.participant.CohortChanged;
import org.peercircle.contracts.participant.ConsentChanged;
import org.peercircle.contracts.participant.NetworkRecorded;
import org.peercircle.contracts.participant.ParticipantErased;
import org.peercircle.contracts.participant.ParticipantRegistered;
import org.peercircle.contracts.participant.ParticipantStatusChanged;
import org.peercircle.platform.inbox.IncomingEvent;
import org.peercircle.reporting.privacy.Privacy;
import org.peercircle.reporting.readmodel.Projection;
import org.peercircle.reporting.readmodel.EventBatches;
import org.peercircle.reporting.readmodel.Sql;
import org.peercircle.reporting.readmodel.Touched;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Who is served, by cohort, with their analytics consent and support-network snapshots: built from
 * participant-events (keyed by participant, so each person's events arrive in order).
 */
@ApplicationScoped
public class CohortProjection implements Projection {

    @Inject
    EventBatches batches;

    @Inject
    Sql sql;

    @Inject
    Privacy privacy;

    @Incoming("participant-events")
    @Blocking(EventBatches.WORKERS)
    void consume(ConsumerRecords<String, String> records) {
        batches.consume(EventBatches.list(records));
    }

    @Override
    public String topic() {
        return Topics.PARTICIPANT_EVENTS;
    }

    @Override
    public Object decode(IncomingEvent event) {
        for (EventType<?> type : List.of(EventTypes.PARTICIPANT_REGISTERED, EventTypes.PARTICIPANT_STATUS_CHANGED,
                EventTypes.PARTICIPANT_COHORT_CHANGED, EventTypes.PARTICIPANT_CONSENT_CHANGED,
                EventTypes.PARTICIPANT_NETWORK_RECORDED, EventTypes.PARTICIPANT_ERASED)) {
            if (event.is(type)) {
                return event.payload(type);
            }
        }
        return null;
    }

    @Override
    public void touches(Object payload, Touched touched) {
        if (payload instanceof ParticipantRegistered e) {
            touched.person(e.participantId());
        } else if (payload instanceof ParticipantStatusChanged e) {
            touched.person(e.participantId());
        } else if (payload instanceof CohortChanged e) {
            touched.person(e.participantId());
        } else if (payload instanceof ConsentChanged e) {
            touched.person(e.participantId());
        } else if (payload instanceof ParticipantErased e) {
            touched.person(e.participantId());
        }
        // a network snapshot is in no dashboard figure
    }

    @Override
    public void apply(List<Object> payloads) {
        payloads.forEach(this::apply);
    }

    private void apply(Object payload) {
        if (payload instanceof ParticipantRegistered e) {
            if (privacy.isErased(e.participantId())) {
                return;
            }
            sql.update("""
                    INSERT INTO participant_cohort (participant_id, centre_id, age_band, gender, living_situation,
                                                    migrant, status, registered_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'REFERRED', ?)
                    ON CONFLICT (participant_id) DO NOTHING
                    """, e.participantId(), e.centreId(), e.ageBand(), e.gender(), e.livingSituation(), e.migrant(),
                    e.registeredAt());
        } else if (payload instanceof ParticipantStatusChanged e) {
            sql.update("UPDATE participant_cohort SET status = ?, withdrawal_reason = ? WHERE participant_id = ?",
                    e.to(), e.reason(), e.participantId());
        } else if (payload instanceof CohortChanged e) {
            sql.update("""
                    UPDATE participant_cohort SET age_band = ?, gender = ?, living_situation = ?, migrant = ?
                    WHERE participant_id = ?
                    """, e.ageBand(), e.gender(), e.livingSituation(), e.migrant(), e.participantId());
        } else if (payload instanceof ConsentChanged e) {
            if (e.consentType() != ConsentChanged.ConsentType.ANALYTICS || privacy.isErased(e.participantId())) {
                return;
            }
            sql.update("""
                    INSERT INTO analytics_consent (participant_id, centre_id, granted, effective_date) VALUES (?, ?, ?, ?)
                    ON CONFLICT (participant_id) DO UPDATE SET granted = EXCLUDED.granted,
                                                             effective_date = EXCLUDED.effective_date
                    """, e.participantId(), e.centreId(), e.granted(), e.effectiveDate());
        } else if (payload instanceof NetworkRecorded e) {
            if (privacy.isErased(e.participantId())) {
                return;
            }
            sql.update("""
                    INSERT INTO network_snapshot (snapshot_id, participant_id, centre_id, recorded_on, total_ties,
                                                  formal_ties, informal_ties, ties_by_type, ties_by_support)
                    VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))
                    ON CONFLICT (snapshot_id) DO NOTHING
                    """, e.snapshotId(), e.participantId(), e.centreId(), e.recordedOn(), e.totalTies(),
                    e.formalTies(), e.informalTies(), Sql.json(e.tiesByType()), Sql.json(e.tiesBySupport()));
        } else if (payload instanceof ParticipantErased e) {
            privacy.erase(e.participantId(), e.centreId(), e.erasedAt());
        }
    }
}
