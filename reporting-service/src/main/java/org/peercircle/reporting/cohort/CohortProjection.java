package org.peercircle.reporting.cohort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.Topics;
import org.peercircle.contracts.participant.CohortChanged;
import org.peercircle.contracts.participant.ConsentChanged;
import org.peercircle.contracts.participant.NetworkRecorded;
import org.peercircle.contracts.participant.ParticipantErased;
import org.peercircle.contracts.participant.ParticipantRegistered;
import org.peercircle.contracts.participant.ParticipantStatusChanged;
import org.peercircle.platform.inbox.Inbox;
import org.peercircle.platform.inbox.IncomingEvent;
import org.peercircle.reporting.live.LiveUpdates;
import org.peercircle.reporting.privacy.Privacy;
import org.peercircle.reporting.readmodel.Projection;
import org.peercircle.reporting.readmodel.Sql;

/**
 * Who is served, by cohort, with their analytics consent and support-network snapshots: built from
 * participant-events (keyed by participant, so each person's events arrive in order).
 */
@ApplicationScoped
public class CohortProjection implements Projection {

    @Inject
    Inbox inbox;

    @Inject
    Sql sql;

    @Inject
    Privacy privacy;

    @Inject
    LiveUpdates live;

    @Incoming("participant-events")
    @Transactional
    void consume(ConsumerRecord<String, String> record) {
        if (inbox.receive(record, this::apply)) {
            live.changed(topic(), record.key());
        }
    }

    @Override
    public String topic() {
        return Topics.PARTICIPANT_EVENTS;
    }

    @Override
    public void apply(IncomingEvent event) {
        if (event.is(EventTypes.PARTICIPANT_REGISTERED)) {
            ParticipantRegistered e = event.payload(EventTypes.PARTICIPANT_REGISTERED);
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
        } else if (event.is(EventTypes.PARTICIPANT_STATUS_CHANGED)) {
            ParticipantStatusChanged e = event.payload(EventTypes.PARTICIPANT_STATUS_CHANGED);
            sql.update("UPDATE participant_cohort SET status = ?, withdrawal_reason = ? WHERE participant_id = ?",
                    e.to(), e.reason(), e.participantId());
        } else if (event.is(EventTypes.PARTICIPANT_COHORT_CHANGED)) {
            CohortChanged e = event.payload(EventTypes.PARTICIPANT_COHORT_CHANGED);
            sql.update("""
                    UPDATE participant_cohort SET age_band = ?, gender = ?, living_situation = ?, migrant = ?
                    WHERE participant_id = ?
                    """, e.ageBand(), e.gender(), e.livingSituation(), e.migrant(), e.participantId());
        } else if (event.is(EventTypes.PARTICIPANT_CONSENT_CHANGED)) {
            ConsentChanged e = event.payload(EventTypes.PARTICIPANT_CONSENT_CHANGED);
            if (e.consentType() != ConsentChanged.ConsentType.ANALYTICS || privacy.isErased(e.participantId())) {
                return;
            }
            sql.update("""
                    INSERT INTO analytics_consent (participant_id, centre_id, granted, effective_date) VALUES (?, ?, ?, ?)
                    ON CONFLICT (participant_id) DO UPDATE SET granted = EXCLUDED.granted,
                                                             effective_date = EXCLUDED.effective_date
                    """, e.participantId(), e.centreId(), e.granted(), e.effectiveDate());
        } else if (event.is(EventTypes.PARTICIPANT_NETWORK_RECORDED)) {
            NetworkRecorded e = event.payload(EventTypes.PARTICIPANT_NETWORK_RECORDED);
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
        } else if (event.is(EventTypes.PARTICIPANT_ERASED)) {
            ParticipantErased e = event.payload(EventTypes.PARTICIPANT_ERASED);
            privacy.erase(e.participantId(), e.centreId(), e.erasedAt());
        }
    }
}
