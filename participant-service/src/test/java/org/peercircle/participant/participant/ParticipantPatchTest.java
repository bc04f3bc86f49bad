package org.peercircle.participant.participant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.peercircle.participant.Fixtures.createCentre;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peercircle.participant.Events;
import org.peercircle.participant.Fixtures;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** PATCH: merge-patch semantics, optimistic concurrency, validation as at registration, cohort events. */
@QuarkusTest
class ParticipantPatchTest {

    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
    private String worker;
    private UUID id;

    @BeforeEach
    void participant() {
        UUID centre = createCentre("Patch " + UUID.randomUUID());
        worker = Tokens.of(Roles.SOCIAL_WORKER, centre);
        id = Fixtures.newParticipant(worker, centre);
    }

    private ValidatableResponse patch(String body) {
        return given().auth().oauth2(worker).contentType(MERGE_PATCH).body(body)
                .when().patch("/api/v1/participants/" + id).then();
    }

    @Test
    void changesOnlyWhatThePatchNamesAndBumpsTheVersion() {
        patch("{\"version\":0,\"phone\":\"13711112222\",\"hometown\":{\"city\":\"长沙市\"},\"healthNotes\":null}")
                .statusCode(200)
                .body("phone", equalTo("13711112222"))
                .body("hometown.province", equalTo("湖南省"))
                .body("hometown.city", equalTo("长沙市"))
                .body("healthNotes", nullValue())
                .body("mobilityNotes", equalTo("膝关节不好"))
                .body("interests", contains("广场舞", "书法"))
                .body("version", equalTo(1));
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersion() {
        patch("{\"version\":0,\"interests\":[\"广场舞\",\"书法\"],\"phone\":\"" + phone() + "\"}")
                .statusCode(200).body("version", equalTo(0));
    }

    private String phone() {
        return given().auth().oauth2(worker).when().get("/api/v1/participants/" + id).then().extract().path("phone");
    }

    @Test
    void aStaleVersionIs409AndChangesNothing() {
        patch("{\"version\":0,\"neighbourhood\":\"石牌社区\"}").statusCode(200);
        patch("{\"version\":0,\"neighbourhood\":\"棠下社区\"}")
                .statusCode(409).contentType("application/problem+json")
                .body("currentVersion", equalTo(1));
        given().auth().oauth2(worker).when().get("/api/v1/participants/" + id)
                .then().body("neighbourhood", equalTo("石牌社区")).body("version", equalTo(1));
    }

    @Test
    void plainJsonIsAcceptedToo() {
        given().auth().oauth2(worker).contentType("application/json").body("{\"version\":0,\"interests\":[\"太极\"]}")
                .when().patch("/api/v1/participants/" + id)
                .then().statusCode(200).body("interests", contains("太极"));
    }

    @Test
    void theVersionIsRequired() {
        patch("{\"phone\":\"13711112222\"}").statusCode(400).body("violations.field", hasItem("version"));
    }

    @Test
    void thePatchedRecordIsValidatedLikeARegistration() {
        patch("{\"version\":0,\"phone\":\"12345\",\"birthDate\":\"2999-01-01\",\"fullName\":null}")
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("birthDate", "fullName", "phone"));
        patch("{\"version\":0,\"livingSituation\":\"ON_A_BOAT\"}")
                .statusCode(400).body("violations.field", hasItem("livingSituation"));
        patch("{\"version\":0,\"emergencyContact\":{\"phone\":\"999\"}}")
                .statusCode(400).body("violations.field", hasItem("emergencyContact.phone"));
        given().auth().oauth2(worker).when().get("/api/v1/participants/" + id).then().body("version", equalTo(0));
    }

    @Test
    void readOnlyUnknownAndCentreFieldsAreRefusedByName() {
        patch("{\"version\":0,\"status\":\"ENROLLED\",\"ageBand\":\"AGE_60_69\",\"centreId\":\"" + UUID.randomUUID()
                + "\",\"favouriteColour\":\"red\"}")
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("status", "ageBand", "centreId", "favouriteColour"));
    }

    @Test
    void aCohortChangePublishesCohortChangedAndOtherChangesDoNot() {
        patch("{\"version\":0,\"phone\":\"13711113333\"}").statusCode(200);
        patch("{\"version\":1,\"livingSituation\":\"ALONE\"}").statusCode(200).body("livingSituation", equalTo("ALONE"));
        patch("{\"version\":2,\"movedToCityYear\":null}").statusCode(200).body("migrant", equalTo(false));

        List<ConsumerRecord<String, String>> changes = Events.awaitFor(id, "participant.cohort-changed.v1", 2);
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).value()).contains("\"livingSituation\":\"ALONE\"", "\"migrant\":true");
        assertThat(changes.get(1).value()).contains("\"livingSituation\":\"ALONE\"", "\"migrant\":false")
                .doesNotContain("13711113333");
    }

    @Test
    void anotherCentresWorkerGets404() {
        UUID other = createCentre("Patch other " + UUID.randomUUID());
        given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, other)).contentType(MERGE_PATCH)
                .body("{\"version\":0,\"phone\":\"13711114444\"}")
                .when().patch("/api/v1/participants/" + id)
                .then().statusCode(404);
    }
}
