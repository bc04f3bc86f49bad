package org.peercircle.reporting.readmodel;

import static io.restassured.RestAssured.given;
import static org.peercircle.reporting.Fixtures.T0;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.assessment.AssessmentScored;
import org.peercircle.platform.security.Roles;
import org.peercircle.reporting.BulkPublisher;
import org.peercircle.testing.Tokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Not a test: a measuring harness, run only on request
 * ({@code -Dtest=IngestHarness -Dreporting.ingest.events=200000}). Publishes that many
 * {@code assessment.completed.v1} events (4 per person, 10 people per group, 20 centres) and prints how fast the
 * consumer catches up with them. It asserts nothing about time.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "reporting.ingest.events", matches = "\\d+")
class IngestHarness {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void measureCatchUp() throws Exception {
        int events = Integer.getInteger("reporting.ingest.events");
        List<UUID> centres = java.util.stream.IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();
        long before = processed();
        long published = System.nanoTime();
        UUID gate = UUID.randomUUID();
        try (Connection lock = dataSource.getConnection(); BulkPublisher bus = new BulkPublisher()) {
            // the consumer waits on the gate person's lock while everything is published, then catches up
            lock.setAutoCommit(false);
            lock.createStatement().execute("SELECT pg_advisory_xact_lock("
                    + (gate.getMostSignificantBits() ^ gate.getLeastSignificantBits()) + ")");
            bus.publish(EventTypes.ASSESSMENT_COMPLETED, gate, new AssessmentScored(UUID.randomUUID(), 0, gate,
                    centres.get(0), null, "GATE", 1, "PRE", T0, 1.0, Map.of(), null, false, true, null, null, Map.of(), null, null));
            bus.flush();
            while (count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == 0) {
                Thread.sleep(50);
            }
            UUID person = null;
            UUID group = null;
            UUID centre = null;
            for (int i = 0; i < events; i++) {
                if (i % 4 == 0) {
                    person = UUID.randomUUID();
                    if (i % 40 == 0) {
                        group = UUID.randomUUID();
                        centre = centres.get((i / 40) % centres.size());
                    }
                }
                String phase = i % 4 < 2 ? "PRE" : "POST";
                String instrument = i % 2 == 0 ? "UCLA-LS3" : "ALIENATION-7";
                AssessmentScored s = new AssessmentScored(UUID.randomUUID(), 0, person, centre, group, instrument, 1,
                        phase, "PRE".equals(phase) ? T0 : T0.plusDays(42), 20.0 + (i * 7919 % 60),
                        Map.of("EMOTIONAL", (double) (i % 20), "SOCIAL", (double) (i % 13)), null, false, true, 0.9,
                        8.0, Map.of(), null, null);
                bus.publish(EventTypes.ASSESSMENT_COMPLETED, person, s);
            }
            bus.flush();
            double publishSeconds = (System.nanoTime() - published) / 1e9;
            System.out.printf("INGEST HARNESS: published %d events in %.1f s%n", events, publishSeconds);
            published = System.nanoTime();
            lock.commit();
        }
        long target = before + events + 1;
        long last = before;
        while (last < target) {
            Thread.sleep(200);
            last = processed();
        }
        double seconds = (System.nanoTime() - published) / 1e9;
        System.out.printf("INGEST HARNESS: %d assessment.completed.v1 events applied %.1f s after the consumer was let "
                + "go: %.0f events/s%n", events, seconds, events / seconds);
        dashboard("/api/v1/city/dashboard");
        dashboard("/api/v1/centres/" + centres.get(0) + "/dashboard");
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

    private long processed() throws Exception {
        return count("SELECT count(*) FROM processed_event");
    }

    private long count(String query) throws Exception {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
