package org.peercircle.assessment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.peercircle.contracts.Cohort.AgeBand;
import org.peercircle.contracts.Cohort.Gender;
import org.peercircle.contracts.Cohort.LivingSituation;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.Topics;
import org.peercircle.contracts.participant.ParticipantErased;
import org.peercircle.contracts.participant.ParticipantRegistered;
import org.peercircle.contracts.participant.WithdrawalReason;
import org.peercircle.contracts.session.GroupCreated;
import org.peercircle.contracts.session.MemberEnrolled;
import org.peercircle.contracts.session.MemberWithdrawn;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Broker;
import org.peercircle.testing.Tokens;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * What the tests share: other services' events published the way those services publish them, waiting until this
 * service has consumed them, and form bodies.
 */
public final class Fixtures {

    public static final OffsetDateTime YESTERDAY = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1)
            .withNano(0);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Fixtures() {
    }

    /** A participant registered in {@code centre} by participant-service, once this service knows them. */
    public static UUID participant(UUID centre) {
        UUID id = UUID.randomUUID();
        Broker.publish(EventTypes.PARTICIPANT_REGISTERED, UUID.randomUUID(), id, new ParticipantRegistered(id, centre,
                AgeBand.AGE_70_79, Gender.FEMALE, LivingSituation.WITH_GRANDCHILDREN, true, "COMMUNITY_WORKER",
                OffsetDateTime.now()));
        awaitScoresStatus(id, 200);
        return id;
    }

    public static void erase(UUID participant, UUID centre) {
        Broker.publish(EventTypes.PARTICIPANT_ERASED, UUID.randomUUID(), participant,
                new ParticipantErased(participant, centre, OffsetDateTime.now()));
        awaitScoresStatus(participant, 410);
    }

    private static void awaitScoresStatus(UUID participant, int status) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> given()
                .auth().oauth2(Tokens.of(Roles.COORDINATOR))
                .get("/api/v1/participants/" + participant + "/scores").statusCode() == status);
    }

    public static UUID group(UUID centre) {
        UUID group = UUID.randomUUID();
        Broker.publish(EventTypes.GROUP_CREATED, UUID.randomUUID(), group, new GroupCreated(group, centre,
                "老漂族互助小组", "SUPPORT", null, 5, 8, 6, LocalDate.now(), "Asia/Shanghai", OffsetDateTime.now()));
        return group;
    }

    public static void enrol(UUID group, UUID centre, UUID participant) {
        Broker.publish(EventTypes.MEMBER_ENROLLED, UUID.randomUUID(), group,
                new MemberEnrolled(group, centre, participant, false, OffsetDateTime.now()));
    }

    public static void withdraw(UUID group, UUID centre, UUID participant) {
        Broker.publish(EventTypes.MEMBER_WITHDRAWN, UUID.randomUUID(), group, new MemberWithdrawn(group, centre,
                participant, WithdrawalReason.CARING_DUTIES, false, OffsetDateTime.now()));
    }

    /** A form body; {@code answers} is the JSON object of item id → value. */
    public static String form(UUID participant, UUID group, String instrument, String phase, String answers) {
        return """
                {"participantId": "%s", "groupId": %s, "instrumentCode": "%s", "phase": "%s",
                 "administeredAt": "%s", "mode": "INTERVIEWER", "answers": %s}
                """.formatted(participant, group == null ? "null" : "\"" + group + "\"", instrument, phase, YESTERDAY,
                answers);
    }

    public static ValidatableResponse submit(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/administrations").then();
    }

    /** Submits and returns the new administration's id. */
    public static UUID submitted(String token, String body) {
        return UUID.fromString(submit(token, body).statusCode(201).extract().path("id"));
    }

    /** The assessment-events records of {@code participant}, once there are at least {@code count}. */
    public static List<ConsumerRecord<String, String>> events(UUID participant, int count) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> Broker.readAll(Topics.ASSESSMENT_EVENTS).stream()
                        .filter(r -> participant.toString().equals(r.key())).toList(), l -> l.size() >= count);
    }

    public static String socialWorker(UUID centre) {
        return Tokens.of(Roles.SOCIAL_WORKER, centre);
    }
}
