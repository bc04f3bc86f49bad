package org.peercircle.platform.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.peercircle.contracts.CloudEventHeaders;
import org.peercircle.platform.consumer.KafkaConnection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes committed outbox rows to Kafka in commit-sequence order, deletes them once the broker has acknowledged
 * them, and backs off while the broker is unreachable. Rows stay in the table until then, so nothing is lost; a row
 * acknowledged but not yet deleted (a crash in between) is sent again and consumers drop the duplicate by its event
 * id. ({@code published_at} is no longer set: a published row does not stay.)
 *
 * <p>A transaction that wrote an outbox row wakes the relay as it commits ({@link Outbox}), so an event leaves at
 * once; but a round starts no sooner than {@code batch-window} after the last one ended, so under load each carries
 * many rows (the cadence of the 50 ms poll this replaced: rounds starting 50 ms apart cost the consumers and the
 * broker a quarter more CPU per form in W2). The {@code poll-interval} round only picks up what no wake-up did (rows
 * of another replica that was relaying).
 *
 * <p>Only one replica relays at a time (a transaction-scoped advisory lock), which keeps the order per key
 * when a service runs several replicas. In production the same table can instead be relayed by Debezium's
 * outbox router; this relay then stays disabled ({@code peercircle.outbox.enabled=false}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: "PCOUTBOX" as a number. */
    private static final long RELAY_LOCK = 0x50434f5554424f58L;

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    KafkaConnection kafka;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    private Producer<String, String> producer;
    private Counter publishedCounter;
    private Counter roundCounter;
    private Counter failureCounter;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private volatile boolean stopping;
    private int consecutiveFailures;
    private Instant pausedUntil = Instant.EPOCH;
    /** The backlog gauges are read from the table at most this often, not after every round of the relay. */
    private static final Duration BACKLOG_EVERY = Duration.ofSeconds(5);
    private long backlogReadAt = System.nanoTime() - BACKLOG_EVERY.toNanos();

    /** Quarkus' scheduler runs nothing more often than once a second; the relay must, so it has a thread of its own. */
    private ScheduledExecutorService rounds;
    /** A round is due for a commit: further wake-ups until it starts add nothing. */
    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile long lastRoundEnd = System.nanoTime();

    void start(@Observes StartupEvent ignored) {
        Gauge.builder("peercircle.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows written but not yet acknowledged by Kafka").register(registry);
        Gauge.builder("peercircle.outbox.oldest.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest unpublished outbox row").register(registry);
        publishedCounter = Counter.builder("peercircle.outbox.published")
                .description("Events published from the outbox").register(registry);
        roundCounter = Counter.builder("peercircle.outbox.rounds")
                .description("Relay rounds that published at least one event (published / rounds = events per round)")
                .register(registry);
        failureCounter = Counter.builder("peercircle.outbox.publish.failures")
                .description("Relay rounds that Kafka refused or did not acknowledge in time").register(registry);
        if (config.enabled()) {
            rounds = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "outbox-relay");
                t.setDaemon(true);
                return t;
            });
            long every = config.pollInterval().toMillis();
            rounds.scheduleWithFixedDelay(this::relayGuarded, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Runs a round as soon as the batch window since the last one allows. Called after a transaction that wrote an
     * outbox row has committed.
     */
    void wake() {
        if (rounds == null || stopping || !woken.compareAndSet(false, true)) {
            return;
        }
        roundIn(untilWindowEnds());
    }

    /**
     * A round that a commit asked for. The wait is measured again here, when no round runs (there is one relay
     * thread): a commit during a round could only measure it from the end of the round before, and rounds then ran
     * back to back, a few rows each, whenever commits kept coming.
     */
    private void wokenRound() {
        long wait = untilWindowEnds();
        if (wait > 0 && !stopping) {
            roundIn(wait);
            return;
        }
        relayGuarded();
    }

    private long untilWindowEnds() {
        return Math.max(0, lastRoundEnd + config.batchWindow().toNanos() - System.nanoTime());
    }

    private void roundIn(long nanos) {
        try {
            rounds.schedule(this::wokenRound, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down: the rows stay for the next start
        }
    }

    void onShutdown(@Observes ShutdownEvent ignored) {
        stopping = true;
        if (rounds != null) {
            rounds.shutdown();
        }
    }

    /** A round that throws would end the schedule: whatever went wrong, the next round comes. */
    private void relayGuarded() {
        try {
            relay();
        } catch (Throwable e) {
            LOG.errorf(e, "Outbox relay round failed");
        }
    }

    void relay() {
        boolean wokenUp = woken.getAndSet(false);
        if (!config.enabled() || stopping) {
            return;
        }
        Instant now = Instant.now();
        if (now.isBefore(pausedUntil)) {
            if (wokenUp) {
                retryAfter(Duration.between(now, pausedUntil));
            }
            return;
        }
        try {
            RoundResult round;
            int sent = 0;
            do {
                round = QuarkusTransaction.requiringNew().call(this::publishBatch);
                sent += round.sent();
            } while (round.failure() == null && round.sent() == config.batchSize());
            lastRoundEnd = System.nanoTime();
            if (sent > 0) {
                roundCounter.increment();
            }
            if (round.lockedOut() && wokenUp) {
                // another replica is relaying and may have read its rows before this one's commit: try again soon
                wake();
            }
            if (round.failure() != null) {
                backOff(round.failure());
            } else {
                consecutiveFailures = 0;
            }
            if (System.nanoTime() - backlogReadAt > BACKLOG_EVERY.toNanos()) {
                refreshBacklog();
                backlogReadAt = System.nanoTime();
            }
        } catch (RuntimeException e) {
            if (stopping) {
                return; // the database closed under a round that was already running: nothing is lost
            }
            backOff(e);
        }
    }

    /** Rows an earlier version of the relay marked published instead of deleting them: removed in small batches. */
    @Scheduled(every = "1h", delayed = "1m")
    void purgeMarkedRows() {
        if (!config.enabled()) {
            return;
        }
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    DELETE FROM outbox_event WHERE seq IN
                        (SELECT seq FROM outbox_event WHERE published_at IS NOT NULL LIMIT 10000)
                    """).executeUpdate());
        } while (deleted > 0 && !stopping);
    }

    private RoundResult publishBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!locked) {
            return new RoundResult(0, null, true);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT seq, id, topic, event_type, subject, payload::text, occurred_at, traceparent
                FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT ?1
                """).setParameter(1, config.batchSize()).getResultList();
        if (rows.isEmpty()) {
            return new RoundResult(0, null, false);
        }

        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        Exception failure = null;
        for (Object[] row : rows) {
            try {
                acks.add(producer().send(toRecord(row)));
            } catch (RuntimeException e) {
                failure = e;
                break;
            }
        }
        // Mark only the unbroken run of acknowledged rows: what follows a failure is sent again, in order.
        List<Long> published = new ArrayList<>(acks.size());
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                published.add(((Number) rows.get(i)[0]).longValue());
            } catch (Exception e) {
                failure = failure == null ? e : failure;
                break;
            }
        }
        if (!published.isEmpty()) {
            // Acknowledged rows are deleted, not marked: Kafka holds the event from now on, a delete writes no new
            // row version and no index entry (an update wrote both), and no payload outlives its publication here.
            Long[] seqs = published.toArray(Long[]::new);
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM outbox_event WHERE seq = ANY(?)")) {
                    delete.setArray(1, connection.createArrayOf("bigint", seqs));
                    delete.executeUpdate();
                }
            });
            publishedCounter.increment(published.size());
        }
        return new RoundResult(published.size(), failure, false);
    }

    private ProducerRecord<String, String> toRecord(Object[] row) {
        String topic = (String) row[2];
        String subject = (String) row[4];
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, (String) row[5]);
        OffsetDateTime occurredAt = toOffsetDateTime(row[6]);
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, row[1].toString());
        header(record, CloudEventHeaders.SOURCE, "/peercircle/" + serviceName);
        header(record, CloudEventHeaders.TYPE, (String) row[3]);
        header(record, CloudEventHeaders.TIME, occurredAt.toString());
        header(record, CloudEventHeaders.SUBJECT, subject);
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (row[7] != null) {
            header(record, CloudEventHeaders.TRACEPARENT, (String) row[7]);
        }
        return record;
    }

    private static OffsetDateTime toOffsetDateTime(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(UTF_8));
    }

    private void backOff(Exception cause) {
        consecutiveFailures++;
        failureCounter.increment();
        long factor = 1L << Math.min(consecutiveFailures - 1, 16);
        Duration pause = config.backoffInitial().multipliedBy(factor);
        if (pause.compareTo(config.backoffMax()) > 0) {
            pause = config.backoffMax();
        }
        pausedUntil = Instant.now().plus(pause);
        retryAfter(pause);
        LOG.warnf("Outbox relay could not publish (attempt %d, next in %s): %s",
                consecutiveFailures, pause, cause.toString());
    }

    /** The rows left are tried again when the pause ends, not at whichever poll comes after it. */
    private void retryAfter(Duration pause) {
        if (rounds == null) {
            return;
        }
        woken.set(true);
        roundIn(pause.toNanos());
    }

    private void refreshBacklog() {
        QuarkusTransaction.requiringNew().run(() -> {
            Object[] r = (Object[]) em.createNativeQuery("""
                    SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(occurred_at)), 0)
                    FROM outbox_event WHERE published_at IS NULL
                    """).getSingleResult();
            backlog.set(((Number) r[0]).longValue());
            oldestAgeSeconds.set(((Number) r[1]).longValue());
        });
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.putAll(kafka.settings());
            long timeoutMs = config.sendTimeout().toMillis();
            props.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-outbox");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeoutMs));
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1000, timeoutMs / 2)));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(timeoutMs, 1010)));
            props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private record RoundResult(int sent, Exception failure, boolean lockedOut) {
    }
}
