package org.peercircle.assessment.participant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.peercircle.contracts.EventTypes;
import org.peercircle.platform.consumer.InboxBatches;
import org.peercircle.platform.participants.ParticipantDirectory;

import io.smallrye.common.annotation.Blocking;

/**
 * Keeps this service's participant directory current from participant-events, exactly once per event, and erases a
 * person's forms when participant-service erased them.
 */
@ApplicationScoped
public class ParticipantEventsConsumer {

    @Inject
    InboxBatches batches;

    @Inject
    ParticipantDirectory directory;

    @Inject
    Erasure erasure;

    @Incoming("participant-events")
    @Blocking
    void consume(ConsumerRecords<String, String> records) {
        batches.consume(records, event -> {
            directory.apply(event);
            if (event.is(EventTypes.PARTICIPANT_ERASED)) {
                erasure.erase(event.payload(EventTypes.PARTICIPANT_ERASED).participantId());
            }
        });
    }
}
