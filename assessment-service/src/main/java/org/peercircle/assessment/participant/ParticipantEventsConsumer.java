package org.peercircle.assessment.participant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.peercircle.platform.inbox.Inbox;
import org.peercircle.platform.participants.ParticipantDirectory;

/** Keeps this service's participant directory current from participant-events, exactly once per event. */
@ApplicationScoped
public class ParticipantEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ParticipantDirectory directory;

    @Incoming("participant-events")
    @Transactional
    void consume(ConsumerRecord<String, String> record) {
        inbox.receive(record, directory::apply);
    }
}
