package org.peercircle.reporting.readmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.peercircle.contracts.EventTypes;
import org.peercircle.platform.consumer.InboxBatches;
import org.peercircle.platform.inbox.Inbox;
import org.peercircle.platform.inbox.IncomingEvent;
import org.peercircle.reporting.dashboard.Tallies;
import org.peercircle.reporting.dashboard.TallyBacklog;
import org.peercircle.reporting.live.LiveUpdates;


/**
 * Applies polled batches of records: one transaction per batch, the inbox de-duplicating the whole batch with one
 * insert (idempotent projections' events need none), each projection writing its rows in bulk, the dashboard
 * tallies settled once, or left to one recomputation after many batches while a consumer catches up
 * ({@link TallyBacklog}). The live consumers and the rebuild run the same code.
 */
@ApplicationScoped
public class EventBatches {

    private static final Logger LOG = Logger.getLogger(EventBatches.class);

    @Inject
    Inbox inbox;

    @Inject
    Tallies tallies;

    @Inject
    TallyBacklog backlog;

    @Inject
    LiveUpdates live;

    @Inject
    InboxBatches batches;

    @Inject
    Instance<Projection> projections;

    /** The worker pool of the consumers: not the request pool, so that slow requests cannot hold them up. */
    public static final String WORKERS = "reporting-consumers";

    @ConfigProperty(name = "peercircle.reporting.catch-up-parallelism")
    int parallelism;

    private final Map<String, Projection> byType = new ConcurrentHashMap<>();

    /** Apply the other parts of a large batch; the consumer's own thread applies the first. */
    private final ExecutorService helpers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "reporting-batch-part");
        t.setDaemon(true);
        return t;
    });

    @PreDestroy
    void stop() {
        helpers.shutdownNow();
    }

    public static List<ConsumerRecord<String, String>> list(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        return list;
    }

    /** How a batch brings the dashboard tallies up to date. */
    public enum Tallying {
        /** Settles what the batch changed, in its transaction. */
        AS_IT_GOES,
        /** Leaves the tallies as they are: the caller recomputes them later ({@link Tallies#recomputeAll}). */
        DEFERRED
    }

    /**
     * For a live consumer. The batch commits whole; when it fails, each of its records is tried in a transaction of
     * its own, and only a record that fails alone goes to the dead-letter topic: the others are applied once (the
     * inbox keeps a record that did commit from being applied twice).
     *
     * <p>A large batch (the consumer is catching up) is split by record key into {@code catch-up-parallelism} parts
     * applied side by side, each as a batch of its own: the database then works on one part while this JVM decodes
     * another. A key's records stay in one part and in their order, and projections do not depend on the order
     * across keys (see {@link Projection}).
     */
    public void consume(List<ConsumerRecord<String, String>> records) {
        if (records.isEmpty()) {
            return;
        }
        boolean large = backlog.beforeBatch(records.size());
        try {
            if (large && parallelism > 1) {
                consumeSideBySide(records);
            } else {
                batches.commitOrSplit(records, this::applyAndNotify);
            }
        } finally {
            backlog.afterBatch(large);
        }
    }

    private void consumeSideBySide(List<ConsumerRecord<String, String>> records) {
        List<List<ConsumerRecord<String, String>>> parts = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            parts.add(new ArrayList<>(records.size() / parallelism + 1));
        }
        for (ConsumerRecord<String, String> record : records) {
            int part = record.key() == null ? 0 : Math.floorMod(record.key().hashCode(), parallelism);
            parts.get(part).add(record);
        }
        List<Future<?>> others = new ArrayList<>();
        for (List<ConsumerRecord<String, String>> part : parts.subList(1, parts.size())) {
            others.add(helpers.submit(() -> batches.commitOrSplit(part, this::applyAndNotify)));
        }
        RuntimeException failure = null;
        try {
            batches.commitOrSplit(parts.get(0), this::applyAndNotify);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> other : others) {
            try {
                other.get();
            } catch (ExecutionException e) {
                failure = failure != null ? failure : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new IllegalStateException(e);
            }
        }
        if (failure != null) {
            // a part was cut short by a stop, or could not even dead-letter its records: the whole batch stays
            // unacknowledged (the failure strategy is fail) and is polled again; the inbox skips what committed
            throw failure;
        }
    }

    private void applyAndNotify(List<ConsumerRecord<String, String>> records) {
        Tallying tallying = backlog.deferring() ? Tallying.DEFERRED : Tallying.AS_IT_GOES;
        for (String topic : apply(records, tallying)) {
            live.changed(topic, null);
        }
    }

    /**
     * Applies the records in the caller's transaction (the rebuild sets the shadow schema first).
     *
     * @return the topics whose read model changed
     */
    public Set<String> apply(List<ConsumerRecord<String, String>> records, Tallying tallying) {
        List<IncomingEvent> fresh = inbox.receiveAll(records, event -> {
            Projection projection = projection(event.type());
            return projection == null || !projection.idempotent();
        });
        if (fresh.isEmpty()) {
            return Set.of();
        }
        Map<Projection, List<Object>> decoded = new LinkedHashMap<>();
        Set<String> changed = new LinkedHashSet<>();
        Touched touched = new Touched();
        for (IncomingEvent event : fresh) {
            // by the event's type, not the record's topic: a deployment may name its topics differently
            Projection projection = projection(event.type());
            Object payload;
            try {
                payload = projection == null ? null : projection.decode(event);
            } catch (IncomingEvent.MalformedEventException e) {
                // its id stays recorded so it is not retried; nothing of it is applied
                LOG.errorf("Skipping event that breaks its contract: %s", e.getMessage());
                inbox.counted(event, false);
                continue;
            }
            inbox.counted(event, true);
            if (payload != null) {
                projection.touches(payload, touched);
                decoded.computeIfAbsent(projection, p -> new ArrayList<>()).add(payload);
                changed.add(projection.topic());
            }
        }
        if (tallying == Tallying.DEFERRED) {
            tallies.lockPeople(touched);
            decoded.forEach(Projection::apply);
            return changed;
        }
        Tallies.Scope scope = tallies.open(touched);
        decoded.forEach(Projection::apply);
        tallies.settle(scope);
        return changed;
    }

    /** The projection of an event type, by the type's topic; null for a type no projection knows. */
    private Projection projection(String type) {
        if (byType.isEmpty()) {
            Map<String, Projection> byTopic = new HashMap<>();
            projections.forEach(p -> byTopic.put(p.topic(), p));
            EventTypes.ALL.forEach(t -> {
                if (byTopic.containsKey(t.topic())) {
                    byType.put(t.name(), byTopic.get(t.topic()));
                }
            });
        }
        return byType.get(type);
    }
}
