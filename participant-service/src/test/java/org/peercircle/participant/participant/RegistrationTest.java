package org.peercircle.participant.participant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.peercircle.participant.Fixtures.createCentre;
import static org.peercircle.participant.Fixtures.register;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peercircle.participant.Fixtures;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Registration through REST: derived fields, bad input as problem+json naming the field, tenant isolation. */
@QuarkusTest
class RegistrationTest {

    private UUID centreA;
    private UUID centreB;

    @BeforeEach
    void centres() {
        centreA = createCentre("A " + UUID.randomUUID());
        centreB = createCentre("B " + UUID.randomUUID());
    }

    @Test
    void registersAReferredPersonWithDerivedCohortFields() {
        given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, centreA)).contentType(ContentType.JSON)
                .body(Fixtures.registration(centreA, "王秀英", "13800138000"))
                .when().post("/api/v1/participants")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/participants/"))
                .body("status", equalTo("REFERRED"))
                .body("ageBand", equalTo("AGE_70_79"))
                .body("migrant", equalTo(true))
                .body("fullName", equalTo("王秀英"));
    }

    @Test
    void theWholeFormIsKeptAndReadBack() {
        String id = given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, centreA)).contentType(ContentType.JSON)
                .body(Fixtures.registration(centreA, " 黄丽华 ", "13800138005"))
                .when().post("/api/v1/participants")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, centreA))
                .when().get("/api/v1/participants/" + id)
                .then().statusCode(200)
                .body("fullName", equalTo("黄丽华"))
                .body("gender", equalTo("FEMALE"))
                .body("birthDate", equalTo("1955-06-01"))
                .body("phone", equalTo("13800138005"))
                .body("neighbourhood", equalTo("天河北社区"))
                .body("hometown.province", equalTo("湖南省"))
                .body("hometown.city", equalTo("衡阳市"))
                .body("movedToCityYear", equalTo(2018))
                .body("moveReason", equalTo("CARING_FOR_GRANDCHILDREN"))
                .body("dialects", contains("湘语", "普通话"))
                .body("interests", contains("广场舞", "书法"))
                .body("mobilityNotes", equalTo("膝关节不好"))
                .body("healthNotes", equalTo("高血压"))
                .body("emergencyContact.name", equalTo("李娟"))
                .body("emergencyContact.relation", equalTo("女儿"))
                .body("emergencyContact.phone", equalTo("13900139000"))
                .body("referralSource", equalTo("COMMUNITY_WORKER"))
                .body("version", equalTo(0));
    }

    @Test
    void socialWorkerOfAnotherCentreGets404NotForbidden() {
        UUID id = register(Tokens.of(Roles.SOCIAL_WORKER, centreA), centreA, "陈美华", "13800138001");

        given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, centreB))
                .when().get("/api/v1/participants/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, centreA))
                .when().get("/api/v1/participants/" + id)
                .then().statusCode(200).body("id", equalTo(id.toString()));
    }

    @Test
    void registeringIntoAnotherCentreIs404() {
        given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, centreB)).contentType(ContentType.JSON)
                .body(Fixtures.registration(centreA, "周丽", "13800138002"))
                .when().post("/api/v1/participants")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void missingAndInvalidFieldsAreEachNamed() {
        given().auth().oauth2(Tokens.of(Roles.COORDINATOR)).contentType(ContentType.JSON)
                .body("{\"centreId\":\"" + centreA + "\",\"fullName\":\"\",\"gender\":\"FEMALE\","
                        + "\"birthDate\":\"2090-01-01\",\"phone\":\"12345\",\"livingSituation\":\"ALONE\"}")
                .when().post("/api/v1/participants")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", startsWith("urn:peercircle:problem:"))
                .body("violations.field", hasItems("fullName", "birthDate", "phone", "referralSource"));
    }

    @Test
    void unknownEnumValueNamesTheField() {
        given().auth().oauth2(Tokens.of(Roles.COORDINATOR)).contentType(ContentType.JSON)
                .body(Fixtures.registration(centreA, "刘芳", "13800138003").replace("WITH_GRANDCHILDREN", "IN_A_TENT"))
                .when().post("/api/v1/participants")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("livingSituation"))
                .body("violations.message", hasItem(containsString("IN_A_TENT")));
    }

    @Test
    void malformedJsonIs400ProblemNot500() {
        given().auth().oauth2(Tokens.of(Roles.COORDINATOR)).contentType(ContentType.JSON)
                .body("{\"centreId\": ")
                .when().post("/api/v1/participants")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownIdIs404Problem() {
        given().auth().oauth2(Tokens.of(Roles.COORDINATOR))
                .when().get("/api/v1/participants/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void illegalStatusChangeIs409WithTheAllowedTransitions() {
        UUID id = register(Tokens.of(Roles.COORDINATOR), centreA, "孙桂芝", "13800138004");
        given().auth().oauth2(Tokens.of(Roles.COORDINATOR)).contentType(ContentType.JSON)
                .body("{\"status\":\"ENROLLED\"}")
                .when().post("/api/v1/participants/" + id + "/status")
                .then().statusCode(409).contentType("application/problem+json")
                .body("currentStatus", equalTo("REFERRED"))
                .body("allowedTransitions", hasItems("SCREENING", "WITHDRAWN"));
    }
}
