package org.peercircle.assessment.group;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.peercircle.platform.inbox.Inbox;

/** Keeps the group roster current from session-events, exactly once per event. */
@ApplicationScoped
public class SessionEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    GroupRoster roster;

    @Incoming("session-events")
    @Transactional
    void consume(ConsumerRecord<String, String> record) {
        inbox.receive(record, roster::apply);
    }
}
