package org.peercircle.platform.inbox;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The idempotent consumer: an event's id is recorded in the same transaction as the projection update it
 * causes, so a redelivered or replayed event changes nothing. Call it from an {@code @Incoming} method that
 * is itself {@code @Transactional}.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    /**
     * Hands the event to {@code handler} unless its id was processed before.
     *
     * @return true when the handler ran
     */
    @Transactional(TxType.MANDATORY)
    public boolean receive(ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(record);
        } catch (IncomingEvent.MalformedEventException e) {
            LOG.errorf("Skipping malformed record: %s", e.getMessage());
            count("unknown", "malformed");
            return false;
        }
        int inserted = em.createNativeQuery(
                "INSERT INTO processed_event (event_id, event_type) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, event.id())
                .setParameter(2, event.type())
                .executeUpdate();
        if (inserted == 0) {
            count(event.type(), "duplicate");
            return false;
        }
        try {
            handler.accept(event);
        } catch (IncomingEvent.MalformedEventException e) {
            // keep the id recorded so the bad record is not retried; nothing else of it was applied
            LOG.errorf("Skipping event that breaks its contract: %s", e.getMessage());
            count(event.type(), "malformed");
            return false;
        }
        count(event.type(), "processed");
        return true;
    }

    private void count(String type, String outcome) {
        registry.counter("peercircle.events.consumed", "type", type, "outcome", outcome).increment();
    }
}
