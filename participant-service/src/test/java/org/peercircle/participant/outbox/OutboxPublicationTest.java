package org.peercircle.participant.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.peercircle.participant.Fixtures.changeStatus;
import static org.peercircle.participant.Fixtures.createCentre;
import static org.peercircle.participant.Fixtures.register;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.peercircle.contracts.CloudEventHeaders;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.participant.ParticipantErased;
import org.peercircle.contracts.Topics;
import org.peercircle.participant.Fixtures;
import org.peercircle.platform.outbox.Outbox;
import org.peercircle.platform.outbox.OutboxConfig;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Broker;
import org.peercircle.testing.Tokens;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The transactional outbox, proved through the real broker: events arrive, survive an outage, keep order. */
@QuarkusTest
class OutboxPublicationTest {

    private final String coordinator = Tokens.of(Roles.COORDINATOR);

    @Inject
    MeterRegistry meters;

    @Inject
    OutboxConfig outbox;

    @Inject
    Outbox events;

    @Test
    void registrationPublishesACloudEventKeyedByTheParticipantWithNoPersonalData() {
        UUID centre = createCentre("Outbox centre " + UUID.randomUUID());
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String id = given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(Fixtures.registration(centre, "李桂兰", "13912345678"))
                .when().post("/api/v1/participants")
                .then().statusCode(201).extract().path("id");

        ConsumerRecord<String, String> record = awaitEvents(id, 1).get(0);
        assertThat(record.key()).isEqualTo(id);
        assertThat(Broker.header(record, CloudEventHeaders.TYPE)).isEqualTo("participant.registered.v1");
        assertThat(Broker.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(id);
        assertThat(Broker.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/peercircle/participant-service");
        assertThat(UUID.fromString(Broker.header(record, CloudEventHeaders.ID))).isNotNull();
        assertThat(Broker.header(record, CloudEventHeaders.TRACEPARENT)).contains(traceId);
        assertThat(record.value())
                .contains("\"participantId\":\"" + id + "\"", "\"ageBand\":", "\"migrant\":true")
                .doesNotContain("李桂兰", "13912345678", "天河北社区", "衡阳");
    }

    @Test
    void withTheBrokerDownWritesSucceedAndTheirEventsArriveInOrderAfterItIsBack() {
        UUID centre = createCentre("Outage centre " + UUID.randomUUID());
        UUID participant = register(coordinator, centre, "张玉梅", "13700001111");
        awaitEvents(participant.toString(), 1);

        Broker.stop();
        try {
            changeStatus(coordinator, participant, "SCREENING");
            changeStatus(coordinator, participant, "ELIGIBLE");
            changeStatus(coordinator, participant, "ENROLLED");
            UUID second = register(coordinator, centre, "赵淑珍", "13700002222");
            assertThat(second).isNotNull();
        } finally {
            Broker.start();
        }

        List<ConsumerRecord<String, String>> records = awaitEvents(participant.toString(), 4);
        // The relay publishes at least once: a send whose acknowledgement was lost when the broker went down
        // is sent again, with the same event id, and consumers drop the repeat. What they see must be complete,
        // in order, and every repeat must be the same event.
        Map<String, ConsumerRecord<String, String>> firstById = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            ConsumerRecord<String, String> first = firstById.putIfAbsent(Broker.header(r, CloudEventHeaders.ID), r);
            if (first != null) {
                assertThat(r.value()).as("a repeat carries the same event").isEqualTo(first.value());
                assertThat(Broker.header(r, CloudEventHeaders.TYPE)).isEqualTo(Broker.header(first, CloudEventHeaders.TYPE));
            }
        }
        List<ConsumerRecord<String, String>> events = List.copyOf(firstById.values());
        assertThat(events).extracting(r -> Broker.header(r, CloudEventHeaders.TYPE)).containsExactly(
                "participant.registered.v1", "participant.status-changed.v1", "participant.status-changed.v1",
                "participant.status-changed.v1");
        assertThat(events.subList(1, 4)).extracting(ConsumerRecord::value).satisfiesExactly(
                v -> assertThat(v).contains("\"to\":\"SCREENING\""),
                v -> assertThat(v).contains("\"to\":\"ELIGIBLE\""),
                v -> assertThat(v).contains("\"to\":\"ENROLLED\""));
    }

    /**
     * Under steady writes a round starts no sooner than the batch window after the last one ended, so each carries
     * many events. Commits that land while a round runs must not start the next one straight after it: rounds
     * then ran back to back with a few rows each, and the consumers paid a transaction per few rows.
     */
    @Test
    void underSteadyWritesRoundsStartNoMoreOftenThanTheBatchWindowAllows() {
        double roundsBefore = counter("peercircle.outbox.rounds");
        double publishedBefore = counter("peercircle.outbox.published");
        long start = System.nanoTime();
        int writes = 0;
        // one commit after another for half a second: every round the relay runs meanwhile sees commits land
        while (System.nanoTime() - start < Duration.ofMillis(500).toNanos()) {
            UUID someone = UUID.randomUUID();
            QuarkusTransaction.requiringNew().run(() -> events.publish(EventTypes.PARTICIPANT_ERASED, someone,
                    new ParticipantErased(someone, someone, OffsetDateTime.now())));
            writes++;
        }
        int written = writes;
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> counter("peercircle.outbox.published") - publishedBefore >= written);
        long elapsed = System.nanoTime() - start;

        double rounds = counter("peercircle.outbox.rounds") - roundsBefore;
        // each round after the first starts at least a window after the one before it ended
        assertThat(rounds).as("rounds for %d events in %d ms", written, elapsed / 1_000_000)
                .isGreaterThanOrEqualTo(1)
                .isLessThanOrEqualTo(1 + (double) elapsed / outbox.batchWindow().toNanos());
    }

    private double counter(String name) {
        return meters.get(name).counter().count();
    }

    /** The records keyed by {@code key}, in partition order, once there are {@code count} distinct events. */
    private static List<ConsumerRecord<String, String>> awaitEvents(String key, int count) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> Broker.readAll(Topics.PARTICIPANT_EVENTS).stream()
                        .filter(r -> key.equals(r.key())).toList(),
                        l -> l.stream().map(r -> Broker.header(r, CloudEventHeaders.ID)).distinct().count() >= count);
    }
}
