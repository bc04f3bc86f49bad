package org.peercircle.participant.validation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.peercircle.participant.Fixtures.createCentre;

import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peercircle.participant.Database;
import org.peercircle.participant.Events;
import org.peercircle.participant.Fixtures;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * Each kind of bad input the issue names, sent as a client would: 400 (or 404 for another centre) as
 * problem+json naming the field, and afterwards nothing of the request in the database or the outbox.
 */
@QuarkusTest
class BadInputTest {

    @Inject
    DataSource dataSource;

    private UUID centre;
    private String worker;

    @BeforeEach
    void emptyCentre() {
        centre = createCentre("Bad input " + UUID.randomUUID());
        worker = Tokens.of(Roles.SOCIAL_WORKER, centre);
    }

    /** Every test leaves the centre as it found it: no participant, no event, no audit row. */
    @AfterEach
    void nothingWasWritten() {
        Database db = new Database(dataSource);
        assertThat(db.count("SELECT count(*) FROM participant WHERE centre_id = ?", centre)).as("participants").isZero();
        assertThat(Events.written(db, "payload::text LIKE ?", "%" + centre + "%",
                r -> r.value().contains(centre.toString()))).as("events").isZero();
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE centre_id = ?", centre)).as("audit rows").isZero();
    }

    private ValidatableResponse register(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/participants").then();
    }

    private String valid() {
        return Fixtures.registration(centre, "周桂英", "13800002001");
    }

    @Test
    void aFutureBirthDate() {
        register(worker, valid().replace("1955-06-01", LocalDate.now().plusDays(1).toString()))
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:peercircle:problem:validation"))
                .body("violations.field", containsInAnyOrder("birthDate"));
    }

    @Test
    void aBirthDateThatIsNoDate() {
        register(worker, valid().replace("1955-06-01", "1955-02-30"))
                .statusCode(400).body("violations.field", containsInAnyOrder("birthDate"));
    }

    @Test
    void malformedPhoneNumbers() {
        register(worker, valid().replace("13800002001", "1380000200"))
                .statusCode(400).body("violations.field", containsInAnyOrder("phone"));
        register(worker, valid().replace("13900139000", "call my daughter"))
                .statusCode(400).body("violations.field", containsInAnyOrder("emergencyContact.phone"));
    }

    @Test
    void unknownEnumValues() {
        register(worker, valid().replace("\"FEMALE\"", "\"ROBOT\""))
                .statusCode(400).body("violations.field", hasItem("gender"))
                .body("violations.message", hasItem(containsString("ROBOT")));
        register(worker, valid().replace("CARING_FOR_GRANDCHILDREN", "ADVENTURE"))
                .statusCode(400).body("violations.field", hasItem("moveReason"));
        register(worker, valid().replace("\"referralSource\":\"COMMUNITY_WORKER\"", "\"referralSource\":\"RADIO\""))
                .statusCode(400).body("violations.field", hasItem("referralSource"));
    }

    @Test
    void missingRequiredFields() {
        register(worker, "{\"centreId\":\"" + centre + "\"}")
                .statusCode(400).contentType("application/problem+json")
                .body("type", startsWith("urn:peercircle:problem:"))
                .body("violations.field", containsInAnyOrder("birthDate", "fullName", "gender", "livingSituation",
                        "phone", "referralSource"));
        register(worker, valid().replace("\"emergencyContact\":{\"name\":\"李娟\",", "\"emergencyContact\":{"))
                .statusCode(400).body("violations.field", containsInAnyOrder("emergencyContact.name"));
        register(worker, "").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void inconsistentAndOversizedValues() {
        register(worker, valid().replace("\"movedToCityYear\":2018", "\"movedToCityYear\":1950"))
                .statusCode(400).body("violations.field", containsInAnyOrder("movedToCityYear"));
        register(worker, valid().replace("[\"湘语\",\"普通话\"]", "[\"湘语\",\" \"]"))
                .statusCode(400).body("violations.field", hasItem(containsString("dialects")));
        register(worker, valid().replace("高血压", "高".repeat(2001)))
                .statusCode(400).body("violations.field", containsInAnyOrder("healthNotes"));
    }

    @Test
    void anotherCentresIdIs404NotForbidden() {
        UUID other = createCentre("Bad input other " + UUID.randomUUID());
        register(Tokens.of(Roles.SOCIAL_WORKER, other), valid())
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        register(Tokens.of(Roles.COORDINATOR), valid().replace(centre.toString(), UUID.randomUUID().toString()))
                .statusCode(404);
    }

    @Test
    void badStatusChangeAndScreeningInputLeaveTheParticipantAsItWas() {
        UUID elsewhere = createCentre("Bad input status " + UUID.randomUUID());
        String elsewhereWorker = Tokens.of(Roles.SOCIAL_WORKER, elsewhere);
        UUID p = Fixtures.newParticipant(elsewhereWorker, elsewhere);
        Database db = new Database(dataSource);

        given().auth().oauth2(elsewhereWorker).contentType(ContentType.JSON).body("{\"status\":\"WITHDRAWN\"}")
                .when().post("/api/v1/participants/" + p + "/status")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("reason"));
        given().auth().oauth2(elsewhereWorker).contentType(ContentType.JSON).body("{\"status\":\"ASLEEP\"}")
                .when().post("/api/v1/participants/" + p + "/status")
                .then().statusCode(400).body("violations.field", hasItem("status"));
        given().auth().oauth2(elsewhereWorker).contentType(ContentType.JSON).body("{\"outcome\":\"MAYBE\",\"reason\":\"x\"}")
                .when().post("/api/v1/participants/" + p + "/screening-decisions")
                .then().statusCode(400).body("violations.field", hasItem("outcome"));

        given().auth().oauth2(elsewhereWorker).when().get("/api/v1/participants/" + p)
                .then().body("status", equalTo("REFERRED")).body("version", equalTo(0));
        assertThat(Events.written(db, "subject = ? AND event_type <> 'participant.registered.v1'", p.toString(),
                r -> r.key().equals(p.toString()) && !"participant.registered.v1".equals(Events.type(r))))
                .as("events besides the registration").isZero();
        assertThat(db.count("SELECT count(*) FROM status_change WHERE participant_id = ?", p)).isZero();
        assertThat(db.count("SELECT count(*) FROM screening_decision WHERE participant_id = ?", p)).isZero();
    }
}
