package org.peercircle.participant.status;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.peercircle.participant.Fixtures.createCentre;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.Topics;
import org.peercircle.contracts.session.MemberEnrolled;
import org.peercircle.participant.Fixtures;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Broker;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** session-service's member.enrolled.v1, through the real broker, moves an ELIGIBLE person to ENROLLED once. */
@QuarkusTest
class SeatTakenTest {

    private UUID centre;
    private String worker;

    @BeforeEach
    void centre() {
        centre = createCentre("Seats " + UUID.randomUUID());
        worker = Tokens.of(Roles.SOCIAL_WORKER, centre);
    }

    private UUID personWhoIs(String... steps) {
        UUID p = Fixtures.newParticipant(worker, centre);
        for (String step : steps) {
            given().auth().oauth2(worker).contentType(ContentType.JSON).body("{\"status\":\"" + step + "\",\"note\":\"面谈\"}")
                    .when().post("/api/v1/participants/" + p + "/status").then().statusCode(200);
        }
        return p;
    }

    private void seated(UUID eventId, UUID group, UUID participant) {
        Broker.publish(EventTypes.MEMBER_ENROLLED, eventId, group,
                new MemberEnrolled(group, centre, participant, false, OffsetDateTime.now()));
    }

    private JsonPath history(UUID participant) {
        return given().auth().oauth2(worker).when().get("/api/v1/participants/" + participant + "/status-history")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anEligiblePersonWhoTakesASeatIsEnrolledOnceEvenWhenTheEventComesTwice() {
        UUID p = personWhoIs("SCREENING", "ELIGIBLE");
        UUID group = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        seated(eventId, group, p);
        seated(eventId, group, p); // redelivery
        seated(UUID.randomUUID(), UUID.randomUUID(), p); // a second group: already ENROLLED, nothing to do

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> given().auth().oauth2(worker).when().get("/api/v1/participants/" + p)
                        .then().extract().<String>path("status"), "ENROLLED"::equals);
        JsonPath h = history(p);
        assertThat(h.getList("to", String.class)).containsExactly("SCREENING", "ELIGIBLE", "ENROLLED");
        assertThat(h.getString("[2].changedBy")).isEqualTo("session-service");
        assertThat(h.getString("[2].note")).contains(group.toString());
        List<String> published = await().atMost(Duration.ofSeconds(60)).until(() -> Broker.events(Topics.PARTICIPANT_EVENTS,
                "participant.status-changed.v1", r -> r.key().equals(p.toString())).stream().map(r -> r.value())
                .filter(v -> v.contains("\"to\":\"ENROLLED\"")).toList(), l -> !l.isEmpty());
        assertThat(published).hasSize(1);
    }

    @Test
    void aPersonWhoseStatusMovedOnMeanwhileKeepsIt() {
        UUID withdrawn = personWhoIs("SCREENING", "ELIGIBLE");
        given().auth().oauth2(worker).contentType(ContentType.JSON).body("{\"status\":\"WITHDRAWN\",\"reason\":\"MOVED_AWAY\"}")
                .when().post("/api/v1/participants/" + withdrawn + "/status").then().statusCode(200);
        UUID marker = personWhoIs("SCREENING", "ELIGIBLE");
        UUID group = UUID.randomUUID(); // one key, one partition: once the second is applied, so is the first
        seated(UUID.randomUUID(), group, withdrawn);
        seated(UUID.randomUUID(), group, marker);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> given().auth().oauth2(worker).when().get("/api/v1/participants/" + marker)
                        .then().extract().<String>path("status"), "ENROLLED"::equals);
        assertThat(history(withdrawn).getList("to", String.class)).containsExactly("SCREENING", "ELIGIBLE", "WITHDRAWN");
    }
}
