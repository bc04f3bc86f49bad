package org.peercircle.participant.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.peercircle.participant.Fixtures.createCentre;

import java.time.LocalDate;
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
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Service and analytics consent: given by self or proxy, withdrawn, each change published without names. */
@QuarkusTest
class ConsentTest {

    private String worker;
    private UUID id;
    private final String today = LocalDate.now().toString();

    @BeforeEach
    void participant() {
        UUID centre = createCentre("Consent " + UUID.randomUUID());
        worker = Tokens.of(Roles.SOCIAL_WORKER, centre);
        id = Fixtures.newParticipant(worker, centre);
    }

    private ValidatableResponse put(String type, String body) {
        return given().auth().oauth2(worker).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/participants/" + id + "/consents/" + type).then();
    }

    private ValidatableResponse withdraw(String type, String body) {
        return given().auth().oauth2(worker).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/participants/" + id + "/consents/" + type + "/withdrawal").then();
    }

    @Test
    void nothingIsInForceUntilRecorded() {
        given().auth().oauth2(worker).when().get("/api/v1/participants/" + id + "/consents")
                .then().statusCode(200).body("service", nullValue()).body("analytics", nullValue())
                .body("history", hasSize(0));
    }

    @Test
    void grantedBySelfAndByProxyThenAnalyticsWithdrawn() {
        put("SERVICE", "{\"givenBy\":\"SELF\",\"date\":\"" + today + "\",\"note\":\"签署纸质同意书\"}")
                .statusCode(200).body("service.granted", equalTo(true)).body("service.givenBy", equalTo("SELF"));
        put("analytics", "{\"givenBy\":\"PROXY\",\"date\":\"" + today
                + "\",\"proxy\":{\"name\":\"李娟\",\"relation\":\"女儿\"}}")
                .statusCode(200).body("analytics.granted", equalTo(true)).body("analytics.proxy.name", equalTo("李娟"));
        withdraw("ANALYTICS", "{\"givenBy\":\"SELF\",\"date\":\"" + today + "\",\"note\":\"本人不愿数据用于研究\"}")
                .statusCode(200)
                .body("analytics.granted", equalTo(false))
                .body("service.granted", equalTo(true))
                .body("history.consentType", contains("SERVICE", "ANALYTICS", "ANALYTICS"))
                .body("history.granted", contains(true, true, false));

        List<ConsumerRecord<String, String>> changes = Events.awaitFor(id, "participant.consent-changed.v1", 3);
        assertThat(changes).extracting(ConsumerRecord::value).satisfiesExactly(
                v -> assertThat(v).contains("\"consentType\":\"SERVICE\"", "\"granted\":true", "\"givenBy\":\"SELF\""),
                v -> assertThat(v).contains("\"consentType\":\"ANALYTICS\"", "\"granted\":true", "\"givenBy\":\"PROXY\""),
                v -> assertThat(v).contains("\"consentType\":\"ANALYTICS\"", "\"granted\":false",
                        "\"effectiveDate\":\"" + today + "\""));
        assertThat(changes).extracting(ConsumerRecord::value).noneMatch(v -> v.contains("李娟") || v.contains("女儿"));
    }

    @Test
    void onlyAConsentInForceCanBeWithdrawn() {
        withdraw("SERVICE", "{\"givenBy\":\"SELF\",\"date\":\"" + today + "\"}")
                .statusCode(409).contentType("application/problem+json");
        put("SERVICE", "{\"givenBy\":\"SELF\",\"date\":\"" + today + "\"}").statusCode(200);
        withdraw("SERVICE", "{\"givenBy\":\"SELF\",\"date\":\"" + LocalDate.now().minusDays(3) + "\"}")
                .statusCode(400).body("violations.field", hasItem("date"));
    }

    @Test
    void badConsentInputIsNamed() {
        put("SERVICE", "{\"givenBy\":\"PROXY\",\"date\":\"" + today + "\"}")
                .statusCode(400).body("violations.field", hasItem("proxy"));
        put("SERVICE", "{\"givenBy\":\"SELF\",\"date\":\"" + today + "\",\"proxy\":{\"name\":\"李娟\",\"relation\":\"女儿\"}}")
                .statusCode(400).body("violations.field", hasItem("proxy"));
        put("SERVICE", "{\"givenBy\":\"SELF\",\"date\":\"" + LocalDate.now().plusDays(2) + "\"}")
                .statusCode(400).body("violations.field", hasItem("date"));
        put("SERVICE", "{\"givenBy\":\"NEIGHBOUR\",\"date\":\"" + today + "\"}")
                .statusCode(400).body("violations.field", hasItem("givenBy"));
        put("MARKETING", "{\"givenBy\":\"SELF\",\"date\":\"" + today + "\"}").statusCode(404);
        given().auth().oauth2(worker).when().get("/api/v1/participants/" + id + "/consents")
                .then().body("history", hasSize(0));
    }
}
