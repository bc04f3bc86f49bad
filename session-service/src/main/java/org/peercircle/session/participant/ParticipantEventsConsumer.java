package org.peercircle.session.participant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.participant.ParticipantErased;
import org.peercircle.contracts.participant.ParticipantStatusChanged;
import org.peercircle.contracts.participant.WithdrawalReason;
import org.peercircle.platform.consumer.InboxBatches;
import org.peercircle.platform.inbox.IncomingEvent;
import org.peercircle.platform.participants.ParticipantDirectory;
import org.peercircle.session.membership.Enrolments;

import io.smallrye.common.annotation.Blocking;

/**
 * Keeps this service's participant directory current from participant-events, exactly once per event, and
 * acts on what concerns groups: a person withdrawn by participant-service leaves their groups; an erased
 * person's memberships, wait-list places and per-member observations are deleted and their attendance
 * anonymised (the session counts stay right, the rows no longer point at anyone).
 */
@ApplicationScoped
public class ParticipantEventsConsumer {

    @Inject
    InboxBatches batches;

    @Inject
    ParticipantDirectory directory;

    @Inject
    Enrolments enrolments;

    @Inject
    EntityManager em;

    @Incoming("participant-events")
    @Blocking
    void consume(ConsumerRecords<String, String> records) {
        batches.consume(records, this::apply);
    }

    private void apply(IncomingEvent event) {
        directory.apply(event);
        if (event.is(EventTypes.PARTICIPANT_STATUS_CHANGED)) {
            ParticipantStatusChanged e = event.payload(EventTypes.PARTICIPANT_STATUS_CHANGED);
            if ("WITHDRAWN".equals(e.to())) {
                enrolments.withdrawEverywhere(e.participantId(), e.reason() == null ? WithdrawalReason.OTHER : e.reason());
            }
        } else if (event.is(EventTypes.PARTICIPANT_ERASED)) {
            ParticipantErased e = event.payload(EventTypes.PARTICIPANT_ERASED);
            enrolments.forget(e.participantId());
            em.createNativeQuery("DELETE FROM member_observation WHERE participant_id = ?1")
                    .setParameter(1, e.participantId()).executeUpdate();
            em.createNativeQuery("DELETE FROM at_risk_alert WHERE participant_id = ?1")
                    .setParameter(1, e.participantId()).executeUpdate();
            em.createNativeQuery("UPDATE attendance SET participant_id = gen_random_uuid() WHERE participant_id = ?1")
                    .setParameter(1, e.participantId()).executeUpdate();
        }
    }
}
