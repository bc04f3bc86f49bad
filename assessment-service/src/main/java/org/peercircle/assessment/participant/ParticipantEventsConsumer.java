package org.peercircle.assessment.participant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.peercircle.contracts.EventTypes;
import org.peercircle.platform.inbox.Inbox;
import org.peercircle.platform.participants.ParticipantDirectory;

/**
 * Keeps this service's participant directory current from participant-events, exactly once per event, and erases a
 * person's forms when participant-service erased them.
 */
@ApplicationScoped
public class ParticipantEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ParticipantDirectory directory;

    @Inject
    Erasure erasure;

    @Incoming("participant-events")
    @Transactional
    void consume(ConsumerRecord<String, String> record) {
        inbox.receive(record, event -> {
            directory.apply(event);
            if (event.is(EventTypes.PARTICIPANT_ERASED)) {
                erasure.erase(event.payload(EventTypes.PARTICIPANT_ERASED).participantId());
            }
        });
    }
}
