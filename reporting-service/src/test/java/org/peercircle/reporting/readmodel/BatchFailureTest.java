package org.peercircle.reporting.readmodel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.peercircle.reporting.Fixtures.T0;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.peercircle.contracts.CloudEventHeaders;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.Topics;
import org.peercircle.contracts.assessment.AssessmentScored;
import org.peercircle.platform.security.Roles;
import org.peercircle.reporting.BulkPublisher;
import org.peercircle.reporting.Fixtures;
import org.peercircle.testing.Broker;
import org.peercircle.testing.Tokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Consumers apply whole polled batches in one transaction. A record that cannot be applied (here: a score without
 * an instrument code, which the table refuses) goes to the dead-letter topic, once; the other records of its batch,
 * a redelivered duplicate among them, are applied exactly once.
 */
@QuarkusTest
class BatchFailureTest {

    private static final String DEAD_LETTERS = "reporting-service.dead-letter";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPoisonRecordIsDeadLetteredAndTheRestOfItsBatchAppliedOnce() throws Exception {
        UUID centre = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        Fixtures.group(group, centre, "批处理小组");
        UUID blocker = UUID.randomUUID();
        List<UUID> members = Fixtures.ids(20);
        List<UUID> goodIds = new ArrayList<>();
        UUID poison = UUID.randomUUID();
        AssessmentScored firstPost = null;
        try (Connection lock = dataSource.getConnection(); BulkPublisher bus = new BulkPublisher()) {
            // hold the lock the consumer takes for the blocker, so that what follows piles up behind its batch
            lock.setAutoCommit(false);
            lock.createStatement().execute("SELECT pg_advisory_xact_lock("
                    + (blocker.getMostSignificantBits() ^ blocker.getLeastSignificantBits()) + ")");
            bus.publish(EventTypes.ASSESSMENT_COMPLETED, blocker, score(blocker, group, centre, "PRE", 40.0, "BATCH-1"));
            bus.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> count(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") > 0);

            // one key: one partition, one producer batch, so one poll brings all of them
            UUID key = UUID.randomUUID();
            for (int i = 0; i < members.size(); i++) {
                UUID m = members.get(i);
                goodIds.add(bus.publish(EventTypes.ASSESSMENT_COMPLETED, key, score(m, group, centre, "PRE", 30.0 + i, "BATCH-1")));
                if (i == 10) {
                    bus.publishRaw(Topics.ASSESSMENT_EVENTS, key.toString(), EventTypes.ASSESSMENT_COMPLETED.name(),
                            poison, BulkPublisher.json(score(UUID.randomUUID(), group, centre, "PRE", 1.0, null)));
                }
                AssessmentScored post = score(m, group, centre, "POST", 20.0 + i, "BATCH-1");
                goodIds.add(bus.publish(EventTypes.ASSESSMENT_COMPLETED, key, post));
                if (i == 0) {
                    firstPost = post;
                }
            }
            // the same record again (as a relay that crashed before deleting its outbox row sends it): applied once
            bus.publish(EventTypes.ASSESSMENT_COMPLETED, goodIds.get(1), key, firstPost);
            bus.flush();
            lock.commit();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> Broker.readAll(DEAD_LETTERS).stream()
                .anyMatch(r -> poison.toString().equals(Broker.header(r, CloudEventHeaders.ID))));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM assessment_score WHERE group_id = '"
                + group + "'") == 2L * members.size() + 1);
        var letters = Broker.readAll(DEAD_LETTERS).stream()
                .filter(r -> poison.toString().equals(Broker.header(r, CloudEventHeaders.ID))).toList();
        assertThat(letters).hasSize(1);
        assertThat(Broker.header(letters.get(0), "dead-letter-reason")).isNotBlank();
        assertThat(Broker.header(letters.get(0), "dead-letter-topic")).isEqualTo(Topics.ASSESSMENT_EVENTS);
        List<String> good = goodIds.stream().map(UUID::toString).toList();
        assertThat(Broker.readAll(DEAD_LETTERS).stream().map(r -> Broker.header(r, CloudEventHeaders.ID)))
                .doesNotContainAnyElementsOf(good);
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = '" + poison + "'")).isZero();
        // scores keep no inbox row: applying one again changes nothing by itself (AssessmentProjection.idempotent)
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id IN ('"
                + String.join("', '", goodIds.stream().map(UUID::toString).toList()) + "')")).isZero();
        assertThat(count("SELECT count(*) FROM assessment_score WHERE participant_id = '" + members.get(0)
                + "' AND phase = 'POST'")).isOne();

        var outcome = given().auth().oauth2(Tokens.of(Roles.COORDINATOR)).when().get("/api/v1/groups/" + group + "/outcomes")
                .then().statusCode(200).extract().jsonPath();
        assertThat(outcome.getInt("instruments[0].total.nPaired")).isEqualTo(members.size());
        assertThat(outcome.getDouble("instruments[0].total.meanChange")).isEqualTo(-10.0);
    }

    private static AssessmentScored score(UUID participant, UUID group, UUID centre, String phase, double total,
            String instrument) {
        return new AssessmentScored(UUID.randomUUID(), 0, participant, centre, group, instrument, 1, phase,
                "PRE".equals(phase) ? T0 : T0.plusDays(42), total, Map.of(), null, false, true, 0.9, 8.0, Map.of(), null, null);
    }

    private long count(String query) throws Exception {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
