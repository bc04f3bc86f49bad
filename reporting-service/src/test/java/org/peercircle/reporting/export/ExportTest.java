package org.peercircle.reporting.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.peercircle.reporting.Fixtures.T0;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.assessment.AssessmentScored;
import org.peercircle.contracts.participant.ParticipantErased;
import org.peercircle.platform.security.Roles;
import org.peercircle.reporting.Csv;
import org.peercircle.reporting.Fixtures;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** The CSV exports, parsed as R or SPSS would: long format, scoped, without withdrawn or erased people. */
@QuarkusTest
class ExportTest {

    private final UUID centre = UUID.randomUUID();
    private final UUID otherCentre = UUID.randomUUID();
    private final UUID group = UUID.randomUUID();

    @Test
    void assessmentsAndOutcomesInLongFormat() {
        Fixtures.group(group, centre, "互助小组第一期");
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID withdrew = UUID.randomUUID();
        UUID erased = UUID.randomUUID();
        UUID preA = UUID.randomUUID();
        Fixtures.completed(scored(preA, 0, a, "PRE", T0, 40.0, Map.of("EMOTIONAL", 22.0, "SOCIAL", 18.0)));
        Fixtures.publish(EventTypes.ASSESSMENT_AMENDED, a,
                scored(preA, 1, a, "PRE", T0, 41.5, Map.of("EMOTIONAL", 23.5, "SOCIAL", 18.0)));
        Fixtures.completed(scored(UUID.randomUUID(), 0, a, "POST", T0.plusDays(42).withHour(23), 30.0,
                Map.of("EMOTIONAL", 15.0, "SOCIAL", 15.0)));
        Fixtures.completed(scored(UUID.randomUUID(), 0, b, "PRE", T0, 35.0, null));
        Fixtures.completed(scored(UUID.randomUUID(), 0, b, "POST", T0.plusDays(42), 36.0, null));
        Fixtures.completed(scored(UUID.randomUUID(), 0, withdrew, "PRE", T0, 50.0, null));
        Fixtures.consent(withdrew, centre, false);
        Fixtures.publish(EventTypes.PARTICIPANT_ERASED, erased, new ParticipantErased(erased, centre, T0));
        Fixtures.completed(scored(UUID.randomUUID(), 0, erased, "PRE", T0, 50.0, null));
        // another centre's score: not in a social worker's export
        Fixtures.completed(new AssessmentScored(UUID.randomUUID(), 0, UUID.randomUUID(), otherCentre, null, "UCLA-LS3",
                1, "SCREENING", T0, 44.0, null, null, false, true, 0.9, 8.0, Map.of(), null, null));

        String token = Tokens.of(Roles.SOCIAL_WORKER, centre);
        List<Map<String, String>> rows = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(
                () -> Csv.parse(csv(token, "/api/v1/exports/assessments.csv?groupId=" + group)),
                r -> r.size() == 8 && r.stream().anyMatch(x -> "41.5".equals(x.get("score"))));
        String text = csv(token, "/api/v1/exports/assessments.csv");
        assertThat(Csv.header(text)).containsExactly("participant_id", "centre_id", "group_id", "administration_id",
                "revision", "instrument_code", "instrument_version", "phase", "administered_on", "administered_at",
                "scale", "score");
        // a: PRE (amended) and POST, each TOTAL + 2 subscales = 6 rows; b: 2 rows; withdrew and erased: none
        assertThat(rows).extracting(r -> r.get("participant_id")).containsOnly(a.toString(), b.toString());
        Map<String, String> preTotal = rows.stream().filter(r -> r.get("participant_id").equals(a.toString())
                && r.get("phase").equals("PRE") && r.get("scale").equals("TOTAL")).findFirst().orElseThrow();
        assertThat(preTotal).containsEntry("score", "41.5").containsEntry("revision", "1")
                .containsEntry("group_id", group.toString()).containsEntry("centre_id", centre.toString())
                .containsEntry("instrument_code", "UCLA-LS3").containsEntry("administered_on", "2026-03-02");
        assertThat(rows).filteredOn(r -> r.get("participant_id").equals(a.toString()) && r.get("phase").equals("POST"))
                .extracting(r -> r.get("scale") + "=" + r.get("score"))
                .containsExactly("TOTAL=30", "EMOTIONAL=15", "SOCIAL=15");
        // the centre's whole export has the same rows and nothing of the other centre
        assertThat(Csv.parse(text)).extracting(r -> r.get("centre_id")).containsOnly(centre.toString());

        List<Map<String, String>> outcomes = Csv.parse(csv(Tokens.of(Roles.ANALYST),
                "/api/v1/exports/outcomes.csv?groupId=" + group));
        assertThat(outcomes).extracting(r -> r.get("participant_id") + " " + r.get("scale") + " " + r.get("change"))
                .containsExactlyInAnyOrder(a + " TOTAL -11.5", b + " TOTAL 1", a + " EMOTIONAL -8.5", a + " SOCIAL -3");
        Map<String, String> aTotal = outcomes.stream().filter(r -> r.get("participant_id").equals(a.toString())
                && r.get("scale").equals("TOTAL")).findFirst().orElseThrow();
        // normSd 8, reliability 0.9: S_diff = sqrt(2)·8·sqrt(0.1) = 3.5777; RCI = -11.5 / 3.5777 = -3.214
        assertThat(Double.parseDouble(aTotal.get("rci"))).isCloseTo(-11.5 / (Math.sqrt(2) * 8 * Math.sqrt(0.1)),
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(aTotal).containsEntry("category", "RELIABLY_IMPROVED").containsEntry("rci_sd_source", "NORM_SD")
                .containsEntry("higher_is_worse", "true").containsEntry("pre", "41.5").containsEntry("post", "30");
    }

    @Test
    void exportsAreScopedAndChecked() {
        given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, centre))
                .when().get("/api/v1/exports/assessments.csv?centreId=" + otherCentre)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, centre))
                .when().get("/api/v1/exports/outcomes.csv?groupId=" + UUID.randomUUID())
                .then().statusCode(404);
        given().when().get("/api/v1/exports/outcomes.csv").then().statusCode(401);
        String header = given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, UUID.randomUUID()))
                .when().get("/api/v1/exports/assessments.csv").then().statusCode(200)
                .contentType("text/csv").header("Content-Disposition", "attachment; filename=\"assessments.csv\"")
                .extract().asString();
        assertThat(Csv.parse(header)).isEmpty();
    }

    private static String csv(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then().statusCode(200).extract().asString();
    }

    private AssessmentScored scored(UUID administration, int revision, UUID participant, String phase,
            java.time.OffsetDateTime at, Double total, Map<String, Double> subscales) {
        return Fixtures.scored(administration, revision, participant, centre, group, "UCLA-LS3", phase, at, total,
                subscales, true, 0.9, 8.0);
    }
}
