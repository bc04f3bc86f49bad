package org.peercircle.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.peercircle.contracts.CloudEventHeaders;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.Topics;
import org.peercircle.contracts.participant.ParticipantStatusChanged;
import org.peercircle.platform.participants.ParticipantDirectory;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Broker;
import org.peercircle.testing.Tokens;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** What the tests do through REST and the broker, the way a front end and participant-service would. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static String coordinator() {
        return Tokens.of(Roles.COORDINATOR);
    }

    public static String worker(UUID centre) {
        return Tokens.of(Roles.SOCIAL_WORKER, centre);
    }

    /** A unique name for a venue or facilitator, so tests sharing the database never clash by accident. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A group without sessions. */
    public static String groupBody(UUID centre, int min, int max, String... facilitators) {
        StringBuilder f = new StringBuilder();
        for (String s : facilitators) {
            f.append(f.length() == 0 ? "" : ",").append('"').append(s).append('"');
        }
        return """
                {"centreId":"%s","name":"天河北老漂族互助小组","kind":"SUPPORT_GROUP",
                 "targetPopulation":"随迁老人（老漂族）","approach":"社会支持理论","goals":["减轻人际疏离感"],
                 "facilitators":[%s],"capacity":{"min":%d,"max":%d}}
                """.formatted(centre, f, min, max);
    }

    /** A group planned from a template, weekly from {@code firstDate} at 09:30 in {@code venue}. */
    public static String templateGroupBody(UUID centre, String template, String firstDate, String venue,
            String facilitator, String skipDates) {
        return """
                {"centreId":"%s","name":"六节调适小组","kind":"SUPPORT_GROUP","facilitators":["%s"],
                 "capacity":{"min":3,"max":8},"templateCode":"%s",
                 "schedule":{"firstDate":"%s","startTime":"09:30","skipDates":[%s],"venue":"%s"}}
                """.formatted(centre, facilitator, template, firstDate, skipDates, venue);
    }

    public static UUID createGroup(String token, String body) {
        return UUID.fromString(as(token).body(body).when().post("/api/v1/groups")
                .then().statusCode(201).extract().path("id"));
    }

    /** The group's session ids in time order. */
    public static List<String> sessionIds(String token, UUID group) {
        return as(token).when().get("/api/v1/groups/" + group + "/sessions").then().statusCode(200)
                .extract().jsonPath().getList("id", String.class);
    }

    public static String addSession(String token, UUID group, String startsAt, String endsAt, String venue,
            String facilitator) {
        return as(token).body("""
                {"theme":{"zh":"加场活动","en":"Extra session"},"objectives":[{"zh":"互相认识","en":"Meet"}],
                 "startsAt":"%s","endsAt":"%s","venue":"%s","facilitator":%s}
                """.formatted(startsAt, endsAt, venue, facilitator == null ? "null" : "\"" + facilitator + "\""))
                .when().post("/api/v1/groups/" + group + "/sessions").then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse enrol(String token, UUID group, UUID participant) {
        return as(token).body("{\"participantId\":\"" + participant + "\"}")
                .when().post("/api/v1/groups/" + group + "/members").then();
    }

    /** People that participant-service found ELIGIBLE in {@code centre}, once this service's directory knows them. */
    public static List<UUID> eligibleParticipants(ParticipantDirectory directory, UUID centre, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID p = UUID.randomUUID();
            Broker.publish(EventTypes.PARTICIPANT_STATUS_CHANGED, UUID.randomUUID(), p,
                    new ParticipantStatusChanged(p, centre, "SCREENING", "ELIGIBLE", null));
            ids.add(p);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> ids.stream().allMatch(p -> directory.find(p).isPresent()));
        return ids;
    }

    /** The session-events of {@code type} keyed by {@code group}, once at least {@code count} arrived. */
    public static List<ConsumerRecord<String, String>> awaitEvents(UUID group, String type, int count) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> eventsOf(group, type, r -> true), l -> l.size() >= count);
    }

    public static List<ConsumerRecord<String, String>> eventsOf(UUID group, String type,
            Predicate<ConsumerRecord<String, String>> filter) {
        return Broker.readAll(Topics.SESSION_EVENTS).stream()
                .filter(r -> group.toString().equals(r.key()))
                .filter(r -> type == null || type.equals(Broker.header(r, CloudEventHeaders.TYPE)))
                .filter(filter).toList();
    }

    /** Asserts an RFC 9457 problem with {@code status}; returns the response for further checks. */
    public static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        response.statusCode(status).contentType("application/problem+json");
        assertThat(response.extract().jsonPath().getString("type")).startsWith("urn:peercircle:problem:");
        return response;
    }
}
