package org.peercircle.participant.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.peercircle.platform.inbox.Inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;

/**
 * Screening assessments from assessment-service, each applied exactly once. Every other assessment (pre, post and
 * session forms: nearly all of them) changes nothing here, so it is passed over before any transaction or inbox row
 * is spent on it; passing one over again on redelivery is just as harmless.
 */
@ApplicationScoped
public class AssessmentEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    Screening screening;

    @Incoming("assessment-events")
    @Blocking
    void consume(ConsumerRecord<String, String> record) {
        if (Screening.concerns(record)) {
            QuarkusTransaction.requiringNew().run(() -> inbox.receive(record, screening::onAssessment));
        }
    }
}
