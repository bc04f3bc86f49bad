package org.peercircle.reporting.cohort;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.participant.ParticipantRegistered;
import org.peercircle.contracts.participant.ParticipantStatusChanged;
import org.peercircle.platform.inbox.IncomingEvent;
import org.peercircle.platform.inbox.Inbox;

/** Who is served, by cohort: one row per participant, built from participant-events only. */
@ApplicationScoped
public class CohortProjection {

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    @Incoming("participant-events")
    @Transactional
    void consume(ConsumerRecord<String, String> record) {
        inbox.receive(record, this::apply);
    }

    void apply(IncomingEvent event) {
        if (event.is(EventTypes.PARTICIPANT_REGISTERED)) {
            ParticipantRegistered e = event.payload(EventTypes.PARTICIPANT_REGISTERED);
            em.createNativeQuery("""
                    INSERT INTO participant_cohort (participant_id, centre_id, age_band, gender, living_situation,
                                                    migrant, status, registered_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'REFERRED', ?7)
                    ON CONFLICT (participant_id) DO NOTHING
                    """)
                    .setParameter(1, e.participantId()).setParameter(2, e.centreId())
                    .setParameter(3, e.ageBand().name()).setParameter(4, e.gender().name())
                    .setParameter(5, e.livingSituation().name()).setParameter(6, e.migrant())
                    .setParameter(7, e.registeredAt())
                    .executeUpdate();
        } else if (event.is(EventTypes.PARTICIPANT_STATUS_CHANGED)) {
            ParticipantStatusChanged e = event.payload(EventTypes.PARTICIPANT_STATUS_CHANGED);
            em.createNativeQuery("""
                    UPDATE participant_cohort SET status = ?2, withdrawal_reason = ?3 WHERE participant_id = ?1
                    """)
                    .setParameter(1, e.participantId()).setParameter(2, e.to())
                    .setParameter(3, e.reason() == null ? null : e.reason().name())
                    .executeUpdate();
        }
    }
}
