package org.peercircle.participant.screening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.peercircle.participant.Fixtures.createCentre;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.assessment.AssessmentScored;
import org.peercircle.participant.Database;
import org.peercircle.participant.Events;
import org.peercircle.participant.Fixtures;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Broker;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Screening end to end: a centre's rule, SCREENING-phase assessments arriving on assessment-events through the
 * real broker, the automatic decision with its basis and each lifecycle step published, and manual decisions.
 */
@QuarkusTest
class ScreeningTest {

    private static final String RULE = """
            {"combinator":"ANY","conditions":[
              {"instrumentCode":"ALIENATION-7","operator":"GTE","threshold":20},
              {"instrumentCode":"UCLA-LS3","operator":"GTE","threshold":45}]}""";

    @Inject
    DataSource dataSource;

    private final String coordinator = Tokens.of(Roles.COORDINATOR);
    private UUID centre;
    private String worker;

    @BeforeEach
    void centreWithRule() {
        centre = createCentre("Screening " + UUID.randomUUID());
        worker = Tokens.of(Roles.SOCIAL_WORKER, centre);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(RULE)
                .when().put("/api/v1/centres/" + centre + "/eligibility-rule")
                .then().statusCode(200).body("version", equalTo(0));
    }

    private AssessmentScored scored(UUID participant, String instrument, String phase, double total, UUID administration,
            int revision) {
        return new AssessmentScored(administration, revision, participant, centre, null, instrument, 1, phase,
                OffsetDateTime.now().minusMinutes(5), total, Map.of(), null, false, true, 0.85, 5.0, Map.of(), null, null);
    }

    private void completed(UUID eventId, AssessmentScored payload) {
        Broker.publish(EventTypes.ASSESSMENT_COMPLETED, eventId, payload.participantId(), payload);
    }

    private String awaitStatus(UUID participant, String status) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> given().auth().oauth2(worker).when().get("/api/v1/participants/" + participant)
                        .then().extract().<String>path("status"), status::equals);
    }

    private JsonPath decisions(UUID participant) {
        return given().auth().oauth2(worker).when().get("/api/v1/participants/" + participant + "/screening-decisions")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theRuleIsReadableByTheCentresWorkersInWords() {
        given().auth().oauth2(worker).when().get("/api/v1/centres/" + centre + "/eligibility-rule")
                .then().statusCode(200)
                .body("combinator", equalTo("ANY"))
                .body("conditions.instrumentCode", hasItems("ALIENATION-7", "UCLA-LS3"))
                .body("summary", equalTo("ALIENATION-7 ≥ 20 或 UCLA-LS3 ≥ 45"))
                .body("summaryEn", equalTo("ALIENATION-7 ≥ 20 or UCLA-LS3 ≥ 45"));
    }

    @Test
    void aHighScreeningScoreMakesAReferredPersonEligibleInTwoPublishedSteps() {
        UUID p = Fixtures.newParticipant(worker, centre);
        UUID eventId = UUID.randomUUID();
        completed(eventId, scored(p, "ALIENATION-7", "SCREENING", 24, UUID.randomUUID(), 0));

        awaitStatus(p, "ELIGIBLE");
        JsonPath d = decisions(p);
        assertThat(d.getList("$")).hasSize(1);
        assertThat(d.getString("[0].method")).isEqualTo("AUTOMATIC");
        assertThat(d.getString("[0].outcome")).isEqualTo("ELIGIBLE");
        assertThat(d.getString("[0].statusBefore")).isEqualTo("REFERRED");
        assertThat(d.getString("[0].statusAfter")).isEqualTo("ELIGIBLE");
        assertThat(d.getString("[0].basis.eventId")).isEqualTo(eventId.toString());
        assertThat(d.getString("[0].basis.rule")).isEqualTo("ALIENATION-7 ≥ 20 或 UCLA-LS3 ≥ 45");
        assertThat(d.getDouble("[0].basis.conditions[0].score")).isEqualTo(24.0);
        assertThat(d.getBoolean("[0].basis.conditions[0].met")).isTrue();
        assertThat(d.getString("[0].basis.conditions[1].score")).isNull();
        assertThat(d.getString("[0].decidedBy")).isEqualTo("system:screening");

        List<String> steps = Events.awaitFor(p, "participant.status-changed.v1", 2).stream().map(r -> r.value()).toList();
        assertThat(steps).satisfiesExactly(
                v -> assertThat(v).contains("\"from\":\"REFERRED\"", "\"to\":\"SCREENING\""),
                v -> assertThat(v).contains("\"from\":\"SCREENING\"", "\"to\":\"ELIGIBLE\""));
    }

    @Test
    void aRedeliveredAssessmentChangesNothing() {
        UUID p = Fixtures.newParticipant(worker, centre);
        UUID eventId = UUID.randomUUID();
        AssessmentScored payload = scored(p, "UCLA-LS3", "SCREENING", 50, UUID.randomUUID(), 0);
        completed(eventId, payload);
        awaitStatus(p, "ELIGIBLE");

        completed(eventId, payload);
        awaitHandledAfter(p);

        assertThat(decisions(p).getList("$")).hasSize(1);
        assertThat(Events.awaitFor(p, 3)).hasSize(3); // registered + two steps, and no more
    }

    @Test
    void underAnyALowScoreWaitsForTheOtherInstrumentAndAnAmendmentReversesTheOutcome() {
        UUID p = Fixtures.newParticipant(worker, centre);
        UUID loneliness = UUID.randomUUID();
        completed(UUID.randomUUID(), scored(p, "ALIENATION-7", "SCREENING", 12, UUID.randomUUID(), 0));
        completed(UUID.randomUUID(), scored(p, "UCLA-LS3", "SCREENING", 30, loneliness, 0));

        awaitStatus(p, "INELIGIBLE");
        JsonPath d = decisions(p);
        assertThat(d.getList("$")).as("the first score alone decided nothing").hasSize(1);
        assertThat(d.getList("[0].basis.conditions.score", Double.class)).containsExactly(12.0, 30.0);

        // assessment-service corrects a scoring error: revision 1 of the same administration
        AssessmentScored amended = scored(p, "UCLA-LS3", "SCREENING", 48, loneliness, 1);
        Broker.publish(EventTypes.ASSESSMENT_AMENDED, UUID.randomUUID(), p, amended);
        awaitStatus(p, "ELIGIBLE");
        JsonPath after = decisions(p);
        assertThat(after.getList("$")).hasSize(2);
        assertThat(after.getString("[0].basis.eventType")).isEqualTo("assessment.amended.v1");
        assertThat(after.getInt("[0].basis.revision")).isEqualTo(1);
        assertThat(after.getString("[0].statusBefore")).isEqualTo("INELIGIBLE");
        assertThat(Events.awaitFor(p, "participant.status-changed.v1", 4)).extracting(r -> r.value())
                .as("→SCREENING, →INELIGIBLE, →SCREENING, →ELIGIBLE").satisfiesExactly(
                        v -> assertThat(v).contains("\"to\":\"SCREENING\""),
                        v -> assertThat(v).contains("\"to\":\"INELIGIBLE\""),
                        v -> assertThat(v).contains("\"from\":\"INELIGIBLE\"", "\"to\":\"SCREENING\""),
                        v -> assertThat(v).contains("\"to\":\"ELIGIBLE\""));
    }

    @Test
    void otherPhasesAreNotScreening() {
        UUID p = Fixtures.newParticipant(worker, centre);
        UUID pre = UUID.randomUUID();
        completed(pre, scored(p, "UCLA-LS3", "PRE", 60, UUID.randomUUID(), 0));
        completed(UUID.randomUUID(), scored(p, "ALIENATION-7", "SCREENING", 5, UUID.randomUUID(), 0));
        completed(UUID.randomUUID(), scored(p, "UCLA-LS3", "SCREENING", 10, UUID.randomUUID(), 0));
        awaitStatus(p, "INELIGIBLE");
        assertThat(decisions(p).getList("$")).as("the PRE score of 60 would have decided ELIGIBLE").hasSize(1);
        assertThat(new Database(dataSource).count("SELECT count(*) FROM processed_event WHERE event_id = ?", pre))
                .as("a form of another phase is passed over without a transaction or inbox row").isZero();
    }

    @Test
    void anEnrolledPersonKeepsTheirStatusWhenALateAmendmentArrives() {
        UUID p = Fixtures.newParticipant(worker, centre);
        UUID administration = UUID.randomUUID();
        completed(UUID.randomUUID(), scored(p, "ALIENATION-7", "SCREENING", 25, administration, 0));
        awaitStatus(p, "ELIGIBLE");
        Fixtures.changeStatus(worker, p, "ENROLLED");
        Broker.publish(EventTypes.ASSESSMENT_AMENDED, UUID.randomUUID(), p,
                scored(p, "ALIENATION-7", "SCREENING", 5, administration, 1));
        Broker.publish(EventTypes.ASSESSMENT_AMENDED, UUID.randomUUID(), p,
                scored(p, "UCLA-LS3", "SCREENING", 5, UUID.randomUUID(), 0));
        await().atMost(Duration.ofSeconds(60)).until(() -> decisions(p).getList("$").size() == 2);
        JsonPath d = decisions(p);
        assertThat(d.getString("[0].outcome")).isEqualTo("INELIGIBLE");
        assertThat(d.getString("[0].statusBefore")).isEqualTo("ENROLLED");
        assertThat(d.getString("[0].statusAfter")).isEqualTo("ENROLLED");
        awaitStatus(p, "ENROLLED");
    }

    @Test
    void aSocialWorkerDecidesByHandWithAReason() {
        UUID p = Fixtures.newParticipant(worker, centre);
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"outcome\":\"ELIGIBLE\",\"reason\":\"独居且近期丧偶，社工评估后认为适合\"}")
                .when().post("/api/v1/participants/" + p + "/screening-decisions")
                .then().statusCode(201)
                .body("method", equalTo("MANUAL"))
                .body("statusBefore", equalTo("REFERRED"))
                .body("statusAfter", equalTo("ELIGIBLE"))
                .body("reason", containsString("丧偶"))
                .body("decidedBy", equalTo("user-social-worker"));
        assertThat(Events.awaitFor(p, "participant.status-changed.v1", 2)).hasSize(2);

        Fixtures.changeStatus(worker, p, "ENROLLED");
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"outcome\":\"INELIGIBLE\",\"reason\":\"重新评估\"}")
                .when().post("/api/v1/participants/" + p + "/screening-decisions")
                .then().statusCode(409).body("currentStatus", equalTo("ENROLLED"));
        assertThat(decisions(p).getList("$")).hasSize(1);

        given().auth().oauth2(worker).contentType(ContentType.JSON).body("{\"outcome\":\"ELIGIBLE\",\"reason\":\" \"}")
                .when().post("/api/v1/participants/" + p + "/screening-decisions")
                .then().statusCode(400).body("violations.field", hasItem("reason"));
    }

    @Test
    void withoutARuleScoresWaitForAManualDecision() {
        UUID bare = createCentre("Screening without rule " + UUID.randomUUID());
        String bareWorker = Tokens.of(Roles.SOCIAL_WORKER, bare);
        given().auth().oauth2(bareWorker).when().get("/api/v1/centres/" + bare + "/eligibility-rule")
                .then().statusCode(404);
        UUID p = Fixtures.newParticipant(bareWorker, bare);
        completed(UUID.randomUUID(), new AssessmentScored(UUID.randomUUID(), 0, p, bare, null, "UCLA-LS3", 1,
                "SCREENING", OffsetDateTime.now(), 70.0, Map.of(), null, false, true, null, null, Map.of(), null, null));
        awaitHandledAfter(p);
        given().auth().oauth2(bareWorker).when().get("/api/v1/participants/" + p + "/screening-decisions")
                .then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(bareWorker).when().get("/api/v1/participants/" + p)
                .then().body("status", equalTo("REFERRED"));
    }

    @Test
    void replacingARuleNeedsTheCurrentVersion() {
        String url = "/api/v1/centres/" + centre + "/eligibility-rule";
        String all = RULE.replace("\"ANY\"", "\"ALL\"");
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(all).when().put(url)
                .then().statusCode(400).body("violations.field", hasItem("version"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(all.replace("\"ALL\",", "\"ALL\",\"version\":0,")).when().put(url)
                .then().statusCode(200).body("combinator", equalTo("ALL")).body("version", equalTo(1));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body(all.replace("\"ALL\",", "\"ALL\",\"version\":0,")).when().put(url)
                .then().statusCode(409).body("currentVersion", equalTo(1));
        given().auth().oauth2(worker).contentType(ContentType.JSON).body(all).when().put(url).then().statusCode(403);
    }

    @Test
    void aBadRuleIsRefusedFieldByField() {
        UUID fresh = createCentre("Screening bad rule " + UUID.randomUUID());
        String url = "/api/v1/centres/" + fresh + "/eligibility-rule";
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"combinator\":\"ANY\",\"conditions\":[]}")
                .when().put(url).then().statusCode(400).body("violations.field", hasItem("conditions"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"combinator\":\"SOME\",\"conditions\":[{\"instrumentCode\":\"X\",\"operator\":\"GTE\",\"threshold\":1}]}")
                .when().put(url).then().statusCode(400).body("violations.field", hasItem("combinator"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"combinator\":\"ANY\",\"conditions\":[{\"instrumentCode\":\"bad code!\",\"operator\":\"GTE\"}]}")
                .when().put(url).then().statusCode(400)
                .body("violations.field", hasItems(containsString("instrumentCode"), containsString("threshold")));
        given().auth().oauth2(coordinator).when().get(url).then().statusCode(404);
    }

    /**
     * Publishes a harmless event on the participant's key (a screening of somebody unknown here: other phases are
     * passed over without an inbox row) and waits until it is processed: records of one key share a partition and
     * are consumed in order, so everything published before it for this participant has been handled by then.
     */
    private void awaitHandledAfter(UUID participant) {
        UUID marker = UUID.randomUUID();
        Broker.publish(EventTypes.ASSESSMENT_COMPLETED, marker, participant,
                scored(UUID.randomUUID(), "MARKER", "SCREENING", 0, UUID.randomUUID(), 0));
        Database db = new Database(dataSource);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> db.count("SELECT count(*) FROM processed_event WHERE event_id = ?", marker) == 1);
    }
}
