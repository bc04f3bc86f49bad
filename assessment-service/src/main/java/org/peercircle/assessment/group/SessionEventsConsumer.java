package org.peercircle.assessment.group;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.peercircle.platform.consumer.InboxBatches;

import io.smallrye.common.annotation.Blocking;

/** Keeps the group roster current from session-events, exactly once per event. */
@ApplicationScoped
public class SessionEventsConsumer {

    @Inject
    InboxBatches batches;

    @Inject
    GroupRoster roster;

    @Incoming("session-events")
    @Blocking
    void consume(ConsumerRecords<String, String> records) {
        batches.consume(records, roster::apply);
    }
}
