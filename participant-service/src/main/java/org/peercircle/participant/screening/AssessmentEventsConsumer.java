package org.peercircle.participant.screening;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.peercircle.platform.consumer.InboxBatches;

import io.smallrye.common.annotation.Blocking;

/**
 * Screening assessments from assessment-service, each applied exactly once, a polled batch at a time. Every other
 * assessment (pre, post and session forms: nearly all of them) changes nothing here, so it is passed over before
 * any transaction or inbox row is spent on it; passing one over again on redelivery is just as harmless. Taking
 * the records a batch at a time matters for those too: one hand-over to a worker thread and one offset commit per
 * poll rather than per form.
 */
@ApplicationScoped
public class AssessmentEventsConsumer {

    @Inject
    InboxBatches batches;

    @Inject
    Screening screening;

    @Incoming("assessment-events")
    @Blocking
    void consume(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> screenings = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (Screening.concerns(record)) {
                screenings.add(record);
            }
        }
        batches.consume(screenings, screening::onAssessment);
    }
}
