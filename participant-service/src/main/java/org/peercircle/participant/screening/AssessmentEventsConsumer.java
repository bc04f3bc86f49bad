package org.peercircle.participant.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.peercircle.platform.inbox.Inbox;

/** Screening assessments from assessment-service, each applied exactly once. */
@ApplicationScoped
public class AssessmentEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    Screening screening;

    @Incoming("assessment-events")
    @Transactional
    void consume(ConsumerRecord<String, String> record) {
        inbox.receive(record, screening::onAssessment);
    }
}
