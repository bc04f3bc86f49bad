package org.peercircle.reporting.readmodel;

import static io.restassured.RestAssured.given;
import static org.peercircle.reporting.Fixtures.T0;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.Topics;
import org.peercircle.contracts.assessment.AssessmentScored;
import org.peercircle.platform.security.Roles;
import org.peercircle.reporting.BulkPublisher;
import org.peercircle.testing.Broker;
import org.peercircle.testing.Tokens;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.ChannelRegistry;

/**
 * Not a test: a measuring harness, run only on request
 * ({@code -Dtest=IngestHarness -Dreporting.ingest.events=200000}). Publishes that many {@code assessment.completed.v1}
 * events while the consumer's channel is paused, measures a plain Kafka consumer reading them (the raw baseline, as the
 * benchmark's ConsumerPerformance), then lets the service's consumer go and prints how fast it catches up, and the
 * ratio of the two. It asserts nothing about time.
 *
 * <p>Shapes ({@code -Dreporting.ingest.shape}): {@code pairs} (the default) gives 4 events per person (PRE and POST
 * of two instruments), 10 people per group, 20 centres; {@code w3} mimics the benchmark's W3: every event a new
 * person, every 5th event without a group, otherwise groups of 10 events, instruments UCLA-3 (3 items) and GSE-10
 * (10 items) alternating, phases PRE and POST alternating every two events.
 */
@QuarkusTest
@TestProfile(IngestHarness.Paused.class)
@EnabledIfSystemProperty(named = "reporting.ingest.events", matches = "\\d+")
class IngestHarness {

    private static final String CHANNEL = "assessment-events";

    /** The assessment channel starts paused, so that the consumer meets the whole backlog at once. */
    public static class Paused implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming." + CHANNEL + ".pausable", "true",
                    "mp.messaging.incoming." + CHANNEL + ".pausable.initially-paused", "true");
        }
    }

    @Inject
    ChannelRegistry channels;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Test
    void measureCatchUp() throws Exception {
        int events = Integer.getInteger("reporting.ingest.events");
        boolean w3 = "w3".equals(System.getProperty("reporting.ingest.shape", "pairs"));
        List<UUID> centres = java.util.stream.IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();
        long before = scores();
        double consumedBefore = consumed();
        long published = System.nanoTime();
        double rawRate;
        try (BulkPublisher bus = new BulkPublisher()) {
            // the channel starts paused (see Paused): everything is published first, then the consumer catches up
            PairsShape pairs = new PairsShape(centres);
            for (int i = 0; i < events; i++) {
                AssessmentScored s = w3 ? w3Event(i, centres) : pairs.next(i);
                bus.publish(EventTypes.ASSESSMENT_COMPLETED, s.participantId(), s);
            }
            bus.flush();
        }
        double publishSeconds = (System.nanoTime() - published) / 1e9;
        System.out.printf("INGEST HARNESS: published %d events (shape %s) in %.1f s%n", events, w3 ? "w3" : "pairs",
                publishSeconds);
        rawConsumerRate(); // once to warm up the client code
        rawRate = rawConsumerRate();
        System.out.printf("INGEST HARNESS: raw consumer (byte arrays, no processing): %.0f records/s%n", rawRate);
        published = System.nanoTime();
        channels.getPausable(CHANNEL).resume();
        CpuTime cpu = new CpuTime(postmaster());
        long target = before + events;
        long quarter = before + events / 4;
        long last = before;
        long warm = 0;
        while (last < target) {
            Thread.sleep(100);
            // the consumers' own counter: polling count(*) would cost the database as much as a good part of the work
            last = before + (long) (consumed() - consumedBefore);
            if (warm == 0 && last >= quarter) {
                warm = System.nanoTime();
                quarter = last;
            }
        }
        long end = System.nanoTime();
        while (scores() < target) {
            // the counter counts in the transaction, before its commit
            Thread.sleep(10);
        }
        double seconds = (end - published) / 1e9;
        double rate = events / seconds;
        System.out.printf("INGEST HARNESS: %d assessment.completed.v1 events applied %.1f s after the consumer was let "
                + "go: %.0f events/s (%.3f x the raw consumer)%n", events, seconds, rate, rate / rawRate);
        // as the benchmark measures after a settling time: the rate once the JIT has compiled the hot code
        double warmRate = (target - quarter) / ((end - warm) / 1e9);
        System.out.printf("INGEST HARNESS: after the first quarter: %.0f events/s (%.3f x the raw consumer)%n", warmRate,
                warmRate / rawRate);
        // on a shared machine the rate depends on who else runs; the CPU spent per event much less
        System.out.printf("INGEST HARNESS: CPU per event: %.1f us in the consumer threads, %.1f us in PostgreSQL%n",
                cpu.consumerNanos() / 1e3 / events, cpu.postgresNanos() / 1e3 / events);
        System.out.printf("INGEST HARNESS: dashboard tallies recomputed %.0f times while catching up%n",
                registry.counter("peercircle.tallies.recomputed").count());
        dashboard("/api/v1/city/dashboard");
        dashboard("/api/v1/centres/" + centres.get(0) + "/dashboard");
    }

    /** 4 events per person (PRE and POST of two instruments), 10 people per group, 20 centres. */
    private static final class PairsShape {
        private final List<UUID> centres;
        private UUID person;
        private UUID group;
        private UUID centre;

        PairsShape(List<UUID> centres) {
            this.centres = centres;
        }

        AssessmentScored next(int i) {
            if (i % 4 == 0) {
                person = UUID.randomUUID();
                if (i % 40 == 0) {
                    group = UUID.randomUUID();
                    centre = centres.get((i / 40) % centres.size());
                }
            }
            String phase = i % 4 < 2 ? "PRE" : "POST";
            String instrument = i % 2 == 0 ? "UCLA-LS3" : "ALIENATION-7";
            return new AssessmentScored(UUID.randomUUID(), 0, person, centre, group, instrument, 1, phase,
                    "PRE".equals(phase) ? T0 : T0.plusDays(42), 20.0 + (i * 7919 % 60),
                    Map.of("EMOTIONAL", (double) (i % 20), "SOCIAL", (double) (i % 13)), null, false, true, 0.9, 8.0,
                    Map.of(), null, null);
        }
    }

    /** As the benchmark's W3 (and its city generator's forms): every event a new person. */
    private static AssessmentScored w3Event(int i, List<UUID> centres) {
        boolean ucla = i % 2 == 0;
        String phase = (i / 2) % 2 == 0 ? "PRE" : "POST";
        int items = ucla ? 3 : 10;
        int max = ucla ? 3 : 4;
        Map<String, Double> values = new LinkedHashMap<>();
        double total = 0;
        for (int k = 1; k <= items; k++) {
            int v = 1 + (int) ((i * 31L + k * 17L) % max);
            values.put(String.valueOf(k), (double) v);
            total += v;
        }
        UUID centre = centres.get(i % centres.size());
        UUID group = i % 5 == 0 ? null : new UUID(centres.get(0).getMostSignificantBits(), i / 10);
        return new AssessmentScored(UUID.randomUUID(), 0, UUID.randomUUID(), centre, group, ucla ? "UCLA-3" : "GSE-10",
                1, phase, T0.plusDays("PRE".equals(phase) ? 0 : 42), total, Map.of("total", total),
                ucla ? (total >= 6 ? "LONELY" : "NOT_LONELY") : null, false, ucla, ucla ? 0.72 : 0.87, null, values,
                null, null);
    }

    /** Reads the whole assessment topic with a plain consumer, discarding the records: records per second. */
    private static double rawConsumerRate() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Broker.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ASSESSMENT_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            long read = 0;
            long start = System.nanoTime();
            while (read < total) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
            return read / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** The PostgreSQL server's process id (the parent of this connection's backend). */
    private long postmaster() throws Exception {
        long backend = count("SELECT pg_backend_pid()");
        return ProcessHandle.of(backend).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
    }

    /**
     * CPU time used since construction by this JVM's consumer threads (the service's workers and the Kafka clients'
     * polling threads) and by the PostgreSQL server's processes (from /proc: Linux only; zero elsewhere).
     */
    private static final class CpuTime {
        private final long postmaster;
        private final long consumer0;
        private final long postgres0;

        CpuTime(long postmaster) {
            this.postmaster = postmaster;
            consumer0 = consumerThreads();
            postgres0 = postgresProcesses();
        }

        long consumerNanos() {
            return consumerThreads() - consumer0;
        }

        long postgresNanos() {
            return postgresProcesses() - postgres0;
        }

        private static long consumerThreads() {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long sum = 0;
            for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t != null && (t.getThreadName().startsWith("reporting-consumers")
                        || t.getThreadName().startsWith("reporting-batch-part")
                        || t.getThreadName().startsWith("smallrye-kafka-consumer-thread"))) {
                    sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
                }
            }
            return sum;
        }

        /** utime + stime of the server and its children, in nanoseconds (clock ticks of 10 ms). */
        private long postgresProcesses() {
            return ProcessHandle.of(postmaster).stream()
                    .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.children()))
                    .mapToLong(p -> ticks(p.pid())).sum() * 10_000_000L;
        }

        private static long ticks(long pid) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (Exception e) {
                return 0;
            }
        }
    }

    /** Prints the median and 95th percentile of 200 sequential requests, after 50 to warm up. */
    private static void dashboard(String path) {
        String token = Tokens.of(Roles.COORDINATOR);
        long[] nanos = new long[200];
        for (int i = -50; i < nanos.length; i++) {
            long start = System.nanoTime();
            given().auth().oauth2(token).when().get(path).then().statusCode(200);
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
        }
        java.util.Arrays.sort(nanos);
        System.out.printf("INGEST HARNESS: GET %s p50 %.1f ms, p95 %.1f ms%n", path, nanos[100] / 1e6, nanos[190] / 1e6);
    }

    private double consumed() {
        return registry.find("peercircle.events.consumed").tag("outcome", "processed").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    /** Every event of both shapes is a new administration (scores keep no inbox row to count). */
    private long scores() throws Exception {
        return count("SELECT count(*) FROM assessment_score");
    }

    private long count(String query) throws Exception {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
