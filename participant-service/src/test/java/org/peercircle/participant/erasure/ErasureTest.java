package org.peercircle.participant.erasure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.peercircle.participant.Fixtures.createCentre;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peercircle.participant.Database;
import org.peercircle.participant.Events;
import org.peercircle.participant.Fixtures;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * Erasure: every piece of personal data goes, in every table; the pseudonymous id stays as a tombstone that
 * answers 410 Gone; participant.erased.v1 tells the other services.
 */
@QuarkusTest
class ErasureTest {

    @Inject
    DataSource dataSource;

    private final String coordinator = Tokens.of(Roles.COORDINATOR);
    private UUID centre;
    private String worker;
    private UUID id;

    @BeforeEach
    void aParticipantWithAHistory() {
        centre = createCentre("Erasure " + UUID.randomUUID());
        worker = Tokens.of(Roles.SOCIAL_WORKER, centre);
        id = Fixtures.newParticipant(worker, centre);
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"outcome\":\"ELIGIBLE\",\"reason\":\"独居，丧偶三个月\"}")
                .when().post("/api/v1/participants/" + id + "/screening-decisions").then().statusCode(201);
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"givenBy\":\"PROXY\",\"date\":\"" + LocalDate.now()
                        + "\",\"proxy\":{\"name\":\"李娟\",\"relation\":\"女儿\"},\"note\":\"女儿代签\"}")
                .when().put("/api/v1/participants/" + id + "/consents/SERVICE").then().statusCode(200);
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"recordedOn\":\"" + LocalDate.now() + "\",\"occasion\":\"BASELINE\",\"note\":\"家访\",\"ties\":["
                        + "{\"name\":\"邻居王阿姨\",\"type\":\"NEIGHBOUR\",\"supportKinds\":[\"EXPRESSIVE\"],"
                        + "\"contactFrequency\":\"WEEKLY\",\"closeness\":3,\"note\":\"常一起买菜\"}]}")
                .when().post("/api/v1/participants/" + id + "/network-snapshots").then().statusCode(201);
    }

    @Test
    void personalDataIsGoneEverywhereAndTheTombstoneAnswers410() {
        given().auth().oauth2(coordinator).when().delete("/api/v1/participants/" + id).then().statusCode(204);

        Database db = new Database(dataSource);
        Map<String, Object> row = db.rows("SELECT * FROM participant WHERE id = ?", id).get(0);
        for (String column : new String[] { "full_name", "birth_date", "phone", "neighbourhood", "hometown_province",
                "hometown_city", "moved_to_city_year", "mobility_notes", "health_notes", "emergency_contact_name",
                "emergency_contact_relation", "emergency_contact_phone" }) {
            assertThat(row.get(column)).as(column).isNull();
        }
        assertThat(row.get("dialects").toString()).isEqualTo("{}");
        assertThat(row.get("interests").toString()).isEqualTo("{}");
        assertThat(row.get("erased_by")).isEqualTo("user-coordinator");
        assertThat(row.get("centre_id")).isEqualTo(centre);
        assertThat(row.get("status")).isEqualTo("ELIGIBLE");
        assertThat(db.count("SELECT count(*) FROM status_change WHERE participant_id = ? AND note IS NOT NULL", id)).isZero();
        assertThat(db.count("SELECT count(*) FROM screening_decision WHERE participant_id = ? AND reason IS NOT NULL", id)).isZero();
        assertThat(db.count("SELECT count(*) FROM consent_record WHERE participant_id = ? AND (proxy_name IS NOT NULL "
                + "OR proxy_relation IS NOT NULL OR note IS NOT NULL)", id)).isZero();
        assertThat(db.count("SELECT count(*) FROM network_snapshot WHERE participant_id = ? AND note IS NOT NULL", id)).isZero();
        assertThat(db.count("SELECT count(*) FROM network_tie t JOIN network_snapshot s ON s.id = t.snapshot_id "
                + "WHERE s.participant_id = ? AND (t.name IS NOT NULL OR t.note IS NOT NULL)", id)).isZero();
        assertThat(db.count("SELECT count(*) FROM network_tie t JOIN network_snapshot s ON s.id = t.snapshot_id "
                + "WHERE s.participant_id = ?", id)).as("tie types and counts stay").isEqualTo(1);

        given().auth().oauth2(worker).when().get("/api/v1/participants/" + id)
                .then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("urn:peercircle:problem:gone"));
        given().auth().oauth2(coordinator).when().get("/api/v1/participants/" + id + "/network-snapshots").then().statusCode(410);
        given().auth().oauth2(worker).contentType("application/merge-patch+json; charset=UTF-8").body("{\"version\":5}")
                .when().patch("/api/v1/participants/" + id).then().statusCode(410);
        given().auth().oauth2(coordinator).when().delete("/api/v1/participants/" + id).then().statusCode(410);
        given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, createCentre("Erasure other " + UUID.randomUUID())))
                .when().get("/api/v1/participants/" + id).then().statusCode(404);
        given().auth().oauth2(worker).when().get("/api/v1/participants")
                .then().statusCode(200).body("items.id", not(hasItem(id.toString())));

        String erased = Events.awaitFor(id, "participant.erased.v1", 1).get(0).value();
        assertThat(erased).contains("\"participantId\":\"" + id + "\"", "\"centreId\":\"" + centre + "\"", "\"erasedAt\"");
    }

    @Test
    void onlyCoordinatorsErase() {
        given().auth().oauth2(worker).when().delete("/api/v1/participants/" + id).then().statusCode(403);
        given().auth().oauth2(worker).when().get("/api/v1/participants/" + id).then().statusCode(200)
                .body("fullName", not(equalTo(null)));
    }

    @Test
    void erasingAnUnknownIdIs404() {
        given().auth().oauth2(coordinator).when().delete("/api/v1/participants/" + UUID.randomUUID()).then().statusCode(404);
    }
}
