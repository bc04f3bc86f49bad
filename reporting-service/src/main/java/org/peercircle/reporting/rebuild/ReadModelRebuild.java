package org.peercircle.reporting.rebuild;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.peercircle.contracts.Topics;
import org.peercircle.platform.consumer.KafkaConnection;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.reporting.dashboard.Tallies;
import org.peercircle.reporting.live.LiveUpdates;
import org.peercircle.reporting.readmodel.EventBatches;
import org.peercircle.reporting.readmodel.ReadModelTables;
import org.peercircle.reporting.readmodel.Sql;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Rebuilds every read model from the topics and swaps it in.
 *
 * <ol>
 * <li>Fresh, empty copies of all read-model tables (and of the inbox) are created in schema
 * {@value #SHADOW}, with the same columns, keys and index names.</li>
 * <li>A consumer of its own, without a consumer group (it commits no offsets and leaves the live consumers
 * alone), reads the three topics from the beginning up to their end offsets and applies every record with the very
 * same projection code, in transactions whose {@code search_path} is the shadow schema; the shadow inbox
 * de-duplicates as the live one does. The dashboard tallies are left alone meanwhile and then recomputed in one go
 * (settling them batch by batch would cost as much again as the replay). The live model keeps being updated and
 * served meanwhile.</li>
 * <li>The swap is one transaction: it locks the live tables (inbox first, as the consumers touch it first, so the
 * live consumers pause), applies whatever arrived since step 2 up to the new end offsets (settling the tallies as
 * it goes: few records, and the live tables stay locked no longer than needed), moves the live tables to
 * a retired schema and the shadow ones into {@code public}, and drops the retired ones. A live consumer that was
 * waiting then finds the rebuilt inbox, which already holds its event, and changes nothing. A deadlock with a
 * reader aborts the swap, which is retried.</li>
 * </ol>
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);
    static final String SHADOW = "reporting_rebuild";
    private static final String RETIRED = "reporting_retired";
    private static final int SWAP_ATTEMPTS = 5;

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "Rebuild")
    public record Run(UUID id, String status, OffsetDateTime requestedAt, OffsetDateTime finishedAt,
            Long eventsReplayed, String failure) {
    }

    @Inject
    Sql sql;

    @Inject
    EventBatches batches;

    @Inject
    Tallies tallies;

    @Inject
    KafkaConnection kafka;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "read-model-rebuild");
        t.setDaemon(true);
        return t;
    });

    void failInterruptedRuns(@Observes StartupEvent ignored) {
        QuarkusTransaction.requiringNew().run(() -> sql.update(
                "UPDATE rebuild_run SET status = 'FAILED', finished_at = now(), failure = 'interrupted by a restart' "
                        + "WHERE status = 'RUNNING'"));
        // events consumed before the dashboard tallies existed (migration V3) are in no tally: replay them once
        boolean tallyless = QuarkusTransaction.requiringNew().call(() -> sql.count("""
                SELECT count(*) FROM processed_event
                WHERE NOT EXISTS (SELECT 1 FROM dashboard_count) AND NOT EXISTS (SELECT 1 FROM outcome_tally)
                LIMIT 1
                """) > 0);
        if (tallyless) {
            LOG.info("Events were consumed before the dashboard tallies existed: rebuilding the read model once");
            try {
                start();
            } catch (ProblemException e) {
                LOG.info("Another replica is rebuilding already");
            }
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Starts a rebuild in the background; 409 while another one runs. */
    public Run start() {
        UUID id = UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> sql.update(
                    "INSERT INTO rebuild_run (id, status, requested_at) VALUES (?, 'RUNNING', now())", id));
        } catch (RuntimeException e) {
            if (running().isPresent()) {
                throw ProblemException.conflict("A rebuild is already running").with("rebuildId", running().get());
            }
            throw e;
        }
        worker.submit(() -> run(id));
        return find(id).orElseThrow();
    }

    public java.util.Optional<Run> find(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> sql.list(
                "SELECT id, status, requested_at, finished_at, events_replayed, failure FROM rebuild_run WHERE id = ?",
                rs -> new Run(Sql.uuid(rs, "id"), rs.getString("status"),
                        rs.getObject("requested_at", OffsetDateTime.class),
                        rs.getObject("finished_at", OffsetDateTime.class),
                        rs.getObject("events_replayed") == null ? null : rs.getLong("events_replayed"),
                        rs.getString("failure")), id).stream().findFirst());
    }

    private java.util.Optional<UUID> running() {
        return QuarkusTransaction.requiringNew().call(() -> sql.list(
                "SELECT id FROM rebuild_run WHERE status = 'RUNNING'", rs -> Sql.uuid(rs, "id")).stream().findFirst());
    }

    private void run(UUID id) {
        try {
            long replayed = rebuild();
            QuarkusTransaction.requiringNew().run(() -> sql.update("UPDATE rebuild_run SET status = 'COMPLETED', "
                    + "finished_at = now(), events_replayed = ? WHERE id = ?", replayed, id));
            LOG.infof("Read model rebuild %s completed: %d records replayed", id, replayed);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Read model rebuild %s failed", id);
            QuarkusTransaction.requiringNew().run(() -> {
                sql.update("DROP SCHEMA IF EXISTS " + SHADOW + " CASCADE");
                sql.update("UPDATE rebuild_run SET status = 'FAILED', finished_at = now(), failure = ? WHERE id = ?",
                        e.getClass().getSimpleName() + ": " + e.getMessage(), id);
            });
        }
    }

    /**
     * The topic the live channel reads (channels are named after the contract's topics): replaying the contract's
     * name would rebuild from nothing where a deployment names its topics differently.
     */
    private static String topicOf(String channel) {
        return ConfigProvider.getConfig().getOptionalValue("mp.messaging.incoming." + channel + ".topic", String.class)
                .orElse(channel);
    }

    private long rebuild() {
        QuarkusTransaction.requiringNew().run(this::createShadowTables);
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String channel : Topics.ALL) {
                String topic = topicOf(channel);
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long replayed = replay(consumer, partitions, false);
            QuarkusTransaction.requiringNew().run(() -> {
                sql.update("SET LOCAL search_path TO " + SHADOW);
                tallies.recomputeAll();
                sql.update("SET LOCAL search_path TO public");
            });
            for (int attempt = 1;; attempt++) {
                try {
                    long[] caughtUp = { 0 };
                    QuarkusTransaction.requiringNew().timeout(120).run(() -> {
                        lockLiveTables();
                        caughtUp[0] = replay(consumer, partitions, true);
                        swap();
                    });
                    return replayed + caughtUp[0];
                } catch (RuntimeException e) {
                    if (attempt >= SWAP_ATTEMPTS) {
                        throw e;
                    }
                    LOG.warnf("Swap attempt %d failed (%s); retrying", attempt, e.getMessage());
                    // the records of the failed catch-up were rolled back: read them again
                    consumer.assignment().forEach(tp -> consumer.seek(tp, positionsBeforeCatchUp.get(tp)));
                }
            }
        }
    }

    private final Map<TopicPartition, Long> positionsBeforeCatchUp = new HashMap<>();

    /**
     * Applies records up to the current end offsets. With {@code inSwap} it runs inside the caller's transaction
     * (the swap); otherwise it commits one transaction per polled batch.
     */
    private long replay(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions, boolean inSwap) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        if (inSwap) {
            positionsBeforeCatchUp.clear();
            partitions.forEach(tp -> positionsBeforeCatchUp.put(tp, consumer.position(tp)));
        }
        long applied = 0;
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            List<ConsumerRecord<String, String>> batch = new ArrayList<>();
            consumer.poll(Duration.ofMillis(500)).forEach(batch::add);
            if (batch.isEmpty()) {
                continue;
            }
            EventBatches.Tallying tallying = inSwap ? EventBatches.Tallying.AS_IT_GOES : EventBatches.Tallying.DEFERRED;
            Runnable apply = () -> {
                sql.update("SET LOCAL search_path TO " + SHADOW);
                applySkippingPoison(batch, tallying);
                sql.update("SET LOCAL search_path TO public");
            };
            if (inSwap) {
                apply.run();
            } else {
                QuarkusTransaction.requiringNew().run(apply);
            }
            applied += batch.size();
        }
        return applied;
    }

    /**
     * Applies a batch as the live consumers do; a record that fails on its own (the live consumer sent it to the
     * dead-letter topic) is left out here too, under a savepoint, instead of failing the rebuild.
     */
    private void applySkippingPoison(List<ConsumerRecord<String, String>> batch, EventBatches.Tallying tallying) {
        sql.update("SAVEPOINT rebuild_batch");
        try {
            batches.apply(batch, tallying);
            sql.update("RELEASE SAVEPOINT rebuild_batch");
            return;
        } catch (RuntimeException e) {
            sql.update("ROLLBACK TO SAVEPOINT rebuild_batch");
        }
        for (ConsumerRecord<String, String> r : batch) {
            sql.update("SAVEPOINT rebuild_record");
            try {
                batches.apply(List.of(r), tallying);
                sql.update("RELEASE SAVEPOINT rebuild_record");
            } catch (RuntimeException poison) {
                sql.update("ROLLBACK TO SAVEPOINT rebuild_record");
                LOG.warnf("Rebuild leaves out %s/%d@%d, which fails on its own: %s", r.topic(), r.partition(),
                        r.offset(), poison.getMessage());
            }
        }
    }

    private void createShadowTables() {
        sql.update("DROP SCHEMA IF EXISTS " + SHADOW + " CASCADE");
        sql.update("CREATE SCHEMA " + SHADOW);
        for (String table : ReadModelTables.ALL) {
            sql.update("CREATE TABLE " + SHADOW + "." + table + " (LIKE public." + table + " INCLUDING ALL)");
        }
    }

    private void lockLiveTables() {
        sql.update("SET LOCAL lock_timeout = '30s'");
        sql.update("LOCK TABLE " + String.join(", ", ReadModelTables.ALL.stream().map(t -> "public." + t).toList())
                + " IN ACCESS EXCLUSIVE MODE");
    }

    private void swap() {
        sql.update("DROP SCHEMA IF EXISTS " + RETIRED + " CASCADE");
        sql.update("CREATE SCHEMA " + RETIRED);
        for (String table : ReadModelTables.ALL) {
            sql.update("ALTER TABLE public." + table + " SET SCHEMA " + RETIRED);
            sql.update("ALTER TABLE " + SHADOW + "." + table + " SET SCHEMA public");
            keepIndexNames(table);
        }
        sql.update("DROP SCHEMA " + RETIRED + " CASCADE");
        sql.update("DROP SCHEMA " + SHADOW);
        // open dashboards re-read their figures once the swap commits
        sql.list("SELECT pg_notify(?, 'rebuild')", rs -> null, LiveUpdates.CHANNEL);
    }

    /**
     * {@code LIKE ... INCLUDING ALL} names the copied indexes itself; give them back the names the migrations
     * chose, so that later migrations can refer to them.
     */
    private void keepIndexNames(String table) {
        String shape = "SELECT indexname, regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX \\S+ ON \\S+ ', '\\1') "
                + "FROM pg_indexes WHERE schemaname = ? AND tablename = ?";
        Map<String, String> old = new HashMap<>();
        sql.list(shape, rs -> old.put(rs.getString(2), rs.getString(1)), RETIRED, table);
        for (String[] current : sql.list(shape, rs -> new String[] { rs.getString(1), rs.getString(2) }, "public", table)) {
            String original = old.get(current[1]);
            if (original != null && !original.equals(current[0])) {
                sql.update("ALTER INDEX public.\"" + current[0] + "\" RENAME TO \"" + original + "\"");
            }
        }
    }

    /** Connection and security settings as the channels have them (SASL, TLS); no group, no offsets committed. */
    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> p = kafka.settings();
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-service-rebuild");
        return new KafkaConsumer<>(p);
    }
}
