package org.peercircle.assessment.administration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.peercircle.assessment.Fixtures.form;
import static org.peercircle.assessment.Fixtures.participant;
import static org.peercircle.assessment.Fixtures.socialWorker;
import static org.peercircle.assessment.Fixtures.submit;
import static org.peercircle.assessment.Fixtures.submitted;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peercircle.assessment.Fixtures;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Submitting, reading and amending forms through REST against the real database. */
@QuarkusTest
class AdministrationTest {

    static final String GDS_FIVE_SYMPTOMS = """
            {"1": 0, "2": 1, "3": 1, "4": 1, "5": 1, "6": 1, "7": 1, "8": 0, "9": 0, "10": 0,
             "11": 1, "12": 0, "13": 1, "14": 0, "15": 0}""";

    private final UUID centre = UUID.randomUUID();
    private final String worker = socialWorker(centre);

    @Test
    void aFormIsValidatedAndScoredOnTheServer() {
        UUID p = participant(centre);
        String id = submit(worker, form(p, null, "GDS-15", "SCREENING", GDS_FIVE_SYMPTOMS))
                .statusCode(201)
                .header("Location", containsString("/api/v1/administrations/"))
                .body("participantId", equalTo(p.toString()))
                .body("centreId", equalTo(centre.toString()))
                .body("instrumentCode", equalTo("GDS-15"))
                .body("instrumentVersion", equalTo(1))
                .body("totalScore", equalTo(5))
                .body("band", equalTo("MILD"))
                .body("bandLabel.en", equalTo("Mild depressive symptoms"))
                .body("prorated", equalTo(false))
                .body("revision", equalTo(0))
                .body("answers.'13'", equalTo(1))
                .body("administeredAt", containsString("+08:00"))
                .extract().path("id");

        given().auth().oauth2(worker).get("/api/v1/administrations/" + id)
                .then().statusCode(200).body("totalScore", equalTo(5)).body("history.revision", contains(0));
        given().auth().oauth2(worker).get("/api/v1/participants/" + p + "/scores")
                .then().statusCode(200)
                .body("instruments.instrumentCode", contains("GDS-15"))
                .body("instruments[0].higherIsWorse", equalTo(true))
                .body("instruments[0].scores[0].band", equalTo("MILD"))
                .body("instruments[0].scores[0].phase", equalTo("SCREENING"));
    }

    @Test
    void subscalesAndMissingItemRulesShowInTheResult() {
        UUID p = participant(centre);
        submit(worker, form(p, null, "DJG-6", "PRE", "{\"1\": 2, \"2\": 2, \"3\": 2, \"5\": 2, \"6\": 2}"))
                .statusCode(201)
                .body("totalScore", equalTo(5))
                .body("subscaleScores.social", equalTo(3))
                .body("subscaleScores", not(hasKey("emotional")))
                .body("band", equalTo("SEVERELY_LONELY"))
                .body("prorated", equalTo(false));
        submit(worker, form(p, null, "GSE-10", "PRE", "{\"1\": 3, \"2\": 3, \"3\": 3, \"4\": 3, \"5\": 3, \"6\": 3, "
                + "\"7\": 3, \"8\": 3, \"9\": 3}"))
                .statusCode(201).body("totalScore", equalTo(30)).body("prorated", equalTo(true))
                .body("band", nullValue());
        submit(worker, form(p, null, "SSRS", "PRE", """
                {"1": 3, "2": 4, "3": 2, "4": 3, "5A": 4, "5B": 1, "5C": 3, "5D": 2, "5E": 1,
                 "6": [1, 2, 3], "7": [1, 4], "8": 2, "9": 3, "10": 1}"""))
                .statusCode(201).body("totalScore", equalTo(34)).body("subscaleScores.objective", equalTo(9))
                .body("subscaleScores.subjective", equalTo(19)).body("subscaleScores.utilisation", equalTo(6))
                .body("answers.'6'", contains(1, 2, 3));
        submit(worker, form(p, null, "NEEDS-GROUP", "NEEDS", "{\"interests\": [2, 5], \"barriers\": [1, 2], "
                + "\"willingness\": 3}"))
                .statusCode(201).body("totalScore", nullValue()).body("subscaleScores.size()", equalTo(0));
    }

    @Test
    void badInputNamesTheFieldAndStoresNothing() {
        UUID p = participant(centre);
        submit(worker, form(p, null, "NO-SUCH-SCALE", "PRE", "{\"1\": 1}"))
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("instrumentCode"));
        submit(worker, form(p, null, "UCLA-3", "PRE", "{\"1\": 1, \"2\": 1, \"3\": 1, \"99\": 1}"))
                .statusCode(400).body("violations.field", contains("answers.99"));
        submit(worker, form(p, null, "UCLA-3", "PRE", "{\"1\": 1, \"2\": 7, \"3\": 1}"))
                .statusCode(400).body("violations.field", contains("answers.2"))
                .body("violations.message", hasItem(containsString("not one of its options")));
        submit(worker, form(p, null, "UCLA-3", "PRE", "{\"1\": 1, \"2\": 2}"))
                .statusCode(400).body("violations.field", contains("answers.3"));
        submit(worker, form(p, null, "UCLA-3", "PRE", "{\"1\": \"often\", \"2\": 2, \"3\": 2}"))
                .statusCode(400).body("violations.field", contains("answers.1"));
        submit(worker, form(p, null, "UCLA-3", "LATER", "{\"1\": 1, \"2\": 2, \"3\": 2}"))
                .statusCode(400).body("violations.field", contains("phase"));
        submit(worker, form(p, null, "UCLA-3", "PRE", "{\"1\": 1, \"2\": 2, \"3\": 2}")
                .replace(Fixtures.YESTERDAY.toString(), Fixtures.YESTERDAY.plusDays(3).toString()))
                .statusCode(400).body("violations.field", contains("administeredAt"));
        submit(worker, form(p, null, "UCLA-3", "PRE", "{\"1\": 1, \"2\": 2, \"3\": 2}")
                .replace("\"instrumentCode\"", "\"instrumentVersion\": 7, \"instrumentCode\""))
                .statusCode(400).body("violations.field", contains("instrumentVersion"));

        given().auth().oauth2(worker).get("/api/v1/participants/" + p + "/scores")
                .then().statusCode(200).body("instruments", empty());
        // the relay publishes in commit order: the one valid form's event is the participant's only event
        submitted(worker, form(p, null, "UCLA-3", "PRE", "{\"1\": 1, \"2\": 2, \"3\": 2}"));
        assertThat(Fixtures.events(p, 1)).hasSize(1);
    }

    @Test
    void onlyParticipantsKnownInTheCallersCentresCanBeAssessed() {
        UUID elsewhere = participant(UUID.randomUUID());
        String body = form(elsewhere, null, "UCLA-3", "PRE", "{\"1\": 1, \"2\": 2, \"3\": 2}");
        submit(worker, body).statusCode(404).contentType("application/problem+json");
        submit(worker, form(UUID.randomUUID(), null, "UCLA-3", "PRE", "{\"1\": 1, \"2\": 2, \"3\": 2}"))
                .statusCode(404);
        String id = submit(Tokens.of(Roles.INTEGRATION), body).statusCode(201).extract().path("id");
        given().auth().oauth2(worker).get("/api/v1/administrations/" + id).then().statusCode(404);
        given().auth().oauth2(worker).get("/api/v1/participants/" + elsewhere + "/scores").then().statusCode(404);
        String facilitator = Tokens.forSubject("wang.facilitator", Roles.FACILITATOR, centre);
        submit(facilitator, body).statusCode(404);
        submit(facilitator, form(participant(centre), null, "UCLA-3", "PRE", "{\"1\": 1, \"2\": 2, \"3\": 2}"))
                .statusCode(201);
    }

    @Test
    void erasedParticipantsCannotBeAssessed() {
        UUID p = participant(centre);
        Fixtures.erase(p, centre);
        submit(worker, form(p, null, "UCLA-3", "PRE", "{\"1\": 1, \"2\": 2, \"3\": 2}"))
                .statusCode(410).contentType("application/problem+json");
    }

    @Test
    void aRetriedSubmissionWithTheSameIdempotencyKeyReturnsTheFirstResult() {
        UUID p = participant(centre);
        String body = form(p, null, "UCLA-3", "POST", "{\"1\": 3, \"2\": 2, \"3\": 2}");
        String key = "tablet-7-" + UUID.randomUUID();
        String first = given().auth().oauth2(worker).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/administrations")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        given().auth().oauth2(worker).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/administrations")
                .then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(first)).body("totalScore", equalTo(7));
        given().auth().oauth2(worker).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body.replace("\"1\": 3", "\"1\": 1")).post("/api/v1/administrations")
                .then().statusCode(409).contentType("application/problem+json")
                .body("administrationId", equalTo(first));
        given().auth().oauth2(worker).get("/api/v1/participants/" + p + "/scores")
                .then().body("instruments[0].scores.size()", equalTo(1));
        // keys are scoped to the caller: someone else's key of the same text is a new submission
        given().auth().oauth2(Tokens.forSubject("li.socialworker", Roles.SOCIAL_WORKER, centre))
                .header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/administrations").then().statusCode(201).body("id", not(equalTo(first)));
    }

    @Test
    void anAmendmentKeepsTheHistoryAndRescores() {
        UUID p = participant(centre);
        String id = submit(worker, form(p, null, "UCLA-3", "PRE", "{\"1\": 1, \"2\": 2, \"3\": 2}"))
                .statusCode(201).body("band", equalTo("NOT_LONELY")).body("version", equalTo(0))
                .extract().path("id");
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"version\": 0, \"answers\": {\"1\": 2, \"2\": 2, \"3\": 2}, \"reason\": \"第1题录入错误\"}")
                .post("/api/v1/administrations/" + id + "/amendments")
                .then().statusCode(200)
                .body("revision", equalTo(1)).body("version", equalTo(1))
                .body("totalScore", equalTo(6)).body("band", equalTo("LONELY"))
                .body("history.revision", contains(0, 1))
                .body("history.totalScore", contains(5, 6))
                .body("history[1].reason", equalTo("第1题录入错误"))
                .body("history[0].answers.'1'", equalTo(1));
        // a correction based on what the form looked like before is stale
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"version\": 0, \"answers\": {\"1\": 3, \"2\": 2, \"3\": 2}, \"reason\": \"again\"}")
                .post("/api/v1/administrations/" + id + "/amendments")
                .then().statusCode(409).body("currentVersion", equalTo(1));
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"version\": 1, \"answers\": {\"1\": 3, \"2\": 2}, \"reason\": \"incomplete\"}")
                .post("/api/v1/administrations/" + id + "/amendments")
                .then().statusCode(400).body("violations.field", contains("answers.3"));
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"version\": 1, \"answers\": {\"1\": 3, \"2\": 2, \"3\": 2}}")
                .post("/api/v1/administrations/" + id + "/amendments")
                .then().statusCode(400).body("violations.field", contains("reason"));
        given().auth().oauth2(worker).get("/api/v1/administrations/" + id)
                .then().body("revision", equalTo(1)).body("totalScore", equalTo(6));
        given().auth().oauth2(socialWorker(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"version\": 1, \"answers\": {\"1\": 3, \"2\": 2, \"3\": 2}, \"reason\": \"x\"}")
                .post("/api/v1/administrations/" + id + "/amendments").then().statusCode(404);
    }

    @Test
    void sessionFeedbackBelongsToAGroup() {
        UUID p = participant(centre);
        String answers = "{\"1\": 5, \"2\": 4, \"3\": 4, \"4\": 5, \"5\": 3}";
        submit(worker, form(p, null, "SESSION-FEEDBACK", "SESSION_FEEDBACK", answers))
                .statusCode(400).body("violations.field", contains("groupId"));
        submit(worker, form(p, UUID.randomUUID(), "SESSION-FEEDBACK", "SESSION_FEEDBACK", answers))
                .statusCode(201).body("totalScore", equalTo(4.20f));
    }

    @Test
    void aGroupOfAnotherCentreIsRefused() {
        UUID otherCentre = UUID.randomUUID();
        UUID group = Fixtures.group(otherCentre);
        UUID p = participant(centre);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> given()
                .auth().oauth2(Tokens.of(Roles.COORDINATOR)).get("/api/v1/groups/" + group + "/assessment-status")
                .statusCode() == 200);
        String body = form(p, group, "UCLA-3", "PRE", "{\"1\": 1, \"2\": 2, \"3\": 2}");
        submit(worker, body).statusCode(404);
        submit(Tokens.of(Roles.INTEGRATION), body).statusCode(400).body("violations.field", contains("groupId"));
    }

    @Test
    void scoreHistoryIsGroupedPerInstrumentOldestFirst() {
        UUID p = participant(centre);
        submitted(worker, form(p, null, "UCLA-3", "POST", "{\"1\": 1, \"2\": 1, \"3\": 1}"));
        submitted(worker, form(p, null, "UCLA-3", "PRE", "{\"1\": 3, \"2\": 3, \"3\": 2}")
                .replace(Fixtures.YESTERDAY.toString(), Fixtures.YESTERDAY.minusWeeks(8).toString()));
        submitted(worker, form(p, null, "LSNS-6", "PRE", "{\"1\": 1, \"2\": 1, \"3\": 1, \"4\": 1, \"5\": 1, \"6\": 1}"));
        given().auth().oauth2(worker).get("/api/v1/participants/" + p + "/scores")
                .then().statusCode(200)
                .body("instruments.instrumentCode", contains("LSNS-6", "UCLA-3"))
                .body("instruments[1].scores.phase", contains("PRE", "POST"))
                .body("instruments[1].scores.totalScore", contains(8, 3));
        given().auth().oauth2(worker).queryParam("instrument", "LSNS-6").get("/api/v1/participants/" + p + "/scores")
                .then().body("instruments.instrumentCode", containsInAnyOrder("LSNS-6"))
                .body("instruments[0].scores[0].band", equalTo("AT_RISK_OF_ISOLATION"));
    }
}
