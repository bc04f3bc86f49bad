package org.peercircle.platform.inbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
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

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

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

    /**
     * The batch form of {@link #receive}: records the ids of a whole batch with one multi-row insert and returns
     * the events not processed before, in record order (an id that occurs twice in the batch counts once).
     * Records without valid CloudEvents attributes are skipped and counted as malformed, as {@link #receive} does.
     * The caller applies the returned events in the same transaction; if it fails, the transaction rolls back
     * and with it the recorded ids.
     */
    @Transactional(TxType.MANDATORY)
    public List<IncomingEvent> receiveAll(List<ConsumerRecord<String, String>> records) {
        return receiveAll(records, event -> true);
    }

    /**
     * {@link #receiveAll(List)} for a consumer some of whose updates are idempotent by themselves: an event for which
     * {@code recorded} is false gets no row (it is only de-duplicated within the batch) and is always handed out, as
     * applying it again changes nothing. A replay then writes no row per event for them.
     */
    @Transactional(TxType.MANDATORY)
    public List<IncomingEvent> receiveAll(List<ConsumerRecord<String, String>> records,
            Predicate<IncomingEvent> recorded) {
        Map<UUID, IncomingEvent> candidates = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                IncomingEvent event = IncomingEvent.from(record);
                if (candidates.putIfAbsent(event.id(), event) != null) {
                    count(event.type(), "duplicate");
                }
            } catch (IncomingEvent.MalformedEventException e) {
                LOG.errorf("Skipping malformed record: %s", e.getMessage());
                count("unknown", "malformed");
            }
        }
        List<IncomingEvent> toRecord = candidates.values().stream().filter(recorded).toList();
        if (toRecord.isEmpty()) {
            return List.copyOf(candidates.values());
        }
        UUID[] ids = toRecord.stream().map(IncomingEvent::id).toArray(UUID[]::new);
        String[] types = toRecord.stream().map(IncomingEvent::type).toArray(String[]::new);
        Set<UUID> inserted = new HashSet<>(em.unwrap(Session.class).doReturningWork(c -> {
            try (var ps = c.prepareStatement("INSERT INTO processed_event (event_id, event_type) "
                    + "SELECT * FROM unnest(?, ?) ON CONFLICT DO NOTHING RETURNING event_id")) {
                ps.setArray(1, c.createArrayOf("uuid", ids));
                ps.setArray(2, c.createArrayOf("text", types));
                List<UUID> result = new ArrayList<>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(rs.getObject(1, UUID.class));
                    }
                }
                return result;
            }
        }));
        List<IncomingEvent> fresh = new ArrayList<>(inserted.size());
        for (IncomingEvent event : candidates.values()) {
            if (inserted.contains(event.id()) || !recorded.test(event)) {
                fresh.add(event);
            } else {
                count(event.type(), "duplicate");
            }
        }
        return fresh;
    }

    /** Counts an event handed out by {@link #receiveAll} once its handler applied it ("processed") or skipped it. */
    public void counted(IncomingEvent event, boolean processed) {
        count(event.type(), processed ? "processed" : "malformed");
    }

    private void count(String type, String outcome) {
        // looked up once per type and outcome: a batch counts every one of its events
        counters.computeIfAbsent(type + '\n' + outcome,
                k -> registry.counter("peercircle.events.consumed", "type", type, "outcome", outcome)).increment();
    }
}
