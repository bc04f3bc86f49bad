package org.peercircle.reporting.outcome;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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
import org.peercircle.reporting.Fixtures;
import org.peercircle.testing.Broker;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Outcomes computed from assessment events published through the real broker: the latest PRE and POST count,
 * amendments replace scores, redelivered events change nothing, and people who withdrew analytics consent or were
 * erased are left out. The scores are Student's sleep data (R datasets::sleep) so the figures are the published ones.
 */
@QuarkusTest
class GroupOutcomesTest {

    // R datasets::sleep; here drug 2 is "before" and drug 1 "after", so scores fall (a loneliness scale improves)
    private static final double[] PRE = { 1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4 };
    private static final double[] POST = { 0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0 };

    private final UUID centre = UUID.randomUUID();
    private final UUID group = UUID.randomUUID();

    @Test
    void pairedOutcomesMatchPublishedValuesAndIgnoreDuplicates() {
        Fixtures.group(group, centre, "老漂族互助小组");
        List<UUID> members = Fixtures.ids(10);
        for (int i = 0; i < members.size(); i++) {
            UUID m = members.get(i);
            Map<String, Double> preSub = Map.of("EMOTIONAL", PRE[i] * 2, "SOCIAL", 1.0);
            Map<String, Double> postSub = Map.of("EMOTIONAL", POST[i] * 2);
            AssessmentScored pre = score(m, "PRE", T0, PRE[i], preSub);
            UUID preEvent = Fixtures.completed(pre);
            Broker.publish(EventTypes.ASSESSMENT_COMPLETED, preEvent, m, pre); // redelivery
            Fixtures.completed(score(m, "POST", T0.plusDays(42), POST[i], postSub));
        }
        UUID first = members.get(0);
        // an older PRE does not count: the latest one does
        Fixtures.completed(score(first, "PRE", T0.minusDays(7), 99.0, null));
        // a POST entered wrongly and then amended: revision 1 replaces revision 0, and a redelivered revision 0
        // (same event id) changes nothing
        UUID second = members.get(1);
        UUID amendedAdministration = UUID.randomUUID();
        AssessmentScored wrong = Fixtures.scored(amendedAdministration, 0, second, centre, group, "UCLA-LS3", "POST",
                T0.plusDays(50), 77.0, null, true, 0.875, 2.0);
        UUID wrongEvent = Fixtures.completed(wrong);
        AssessmentScored corrected = Fixtures.scored(amendedAdministration, 1, second, centre, group, "UCLA-LS3",
                "POST", T0.plusDays(50), POST[1], Map.of("EMOTIONAL", POST[1] * 2), true, 0.875, 2.0);
        Fixtures.publish(EventTypes.ASSESSMENT_AMENDED, second, corrected);
        Broker.publish(EventTypes.ASSESSMENT_COMPLETED, wrongEvent, second, wrong);
        // only a PRE: not paired
        Fixtures.completed(score(UUID.randomUUID(), "PRE", T0, 3.0, null));
        // withdrew analytics consent, and was erased: both left out
        UUID withdrew = UUID.randomUUID();
        Fixtures.completed(score(withdrew, "PRE", T0, 10.0, null));
        Fixtures.completed(score(withdrew, "POST", T0.plusDays(42), 0.0, null));
        Fixtures.consent(withdrew, centre, false);
        UUID erased = UUID.randomUUID();
        Fixtures.publish(EventTypes.PARTICIPANT_ERASED, erased, new ParticipantErased(erased, centre, T0));
        Fixtures.completed(score(erased, "PRE", T0, 10.0, null));
        Fixtures.completed(score(erased, "POST", T0.plusDays(42), 20.0, null));
        // a self-efficacy scale (higher is better) without a normative SD: the group's pre-test SD is used
        // its PERSISTENCE subscale declares a reliability of its own (no normative SD), AGENCY declares none
        double[] sePre = { 10, 12, 14 };
        double[] sePost = { 11, 14, 20 };
        double[] persistencePre = { 4, 6, 8 };
        double[] persistencePost = { 4, 9, 8 };
        Map<String, Double> subscaleReliability = Map.of("PERSISTENCE", 0.8);
        for (int i = 0; i < 3; i++) {
            UUID m = members.get(i);
            Fixtures.completed(new AssessmentScored(UUID.randomUUID(), 0, m, centre, group, "GSES", 1, "PRE", T0,
                    sePre[i], Map.of("PERSISTENCE", persistencePre[i], "AGENCY", 1.0 + i), null, false, false, 0.9,
                    null, Map.of(), subscaleReliability, null));
            Fixtures.completed(new AssessmentScored(UUID.randomUUID(), 0, m, centre, group, "GSES", 1, "POST",
                    T0.plusDays(42), sePost[i], Map.of("PERSISTENCE", persistencePost[i], "AGENCY", 2.0 + i), null,
                    false, false, 0.9, null, Map.of(), subscaleReliability, null));
        }

        JsonNode outcomes = await().atMost(Duration.ofSeconds(60)).until(this::outcomes,
                json -> json.path("instruments").size() == 2
                        && instrument(json, "UCLA-LS3").path("total").path("nPaired").asInt() == 10
                        && instrument(json, "UCLA-LS3").path("total").path("postMean").asDouble() < 1.0);

        JsonNode ucla = instrument(outcomes, "UCLA-LS3");
        JsonNode total = ucla.path("total");
        assertThat(total.path("nPaired").asInt()).isEqualTo(10);
        // scipy.stats.ttest_rel on the sleep data: |t| = 4.062127683382037, p = 0.00283289019738427
        assertThat(total.at("/tTest/t").asDouble()).isCloseTo(-4.062127683382037, within(1e-9));
        assertThat(total.at("/tTest/p").asDouble()).isCloseTo(0.00283289019738427, within(1e-9));
        assertThat(total.at("/tTest/df").asInt()).isEqualTo(9);
        assertThat(total.path("meanChange").asDouble()).isCloseTo(-1.58, within(1e-9));
        // R: 95 percent confidence interval -2.4598858 -0.7001142
        assertThat(total.at("/ci95/lower").asDouble()).isCloseTo(-2.4598858, within(5e-8));
        assertThat(total.at("/ci95/upper").asDouble()).isCloseTo(-0.7001142, within(5e-8));
        // one zero difference dropped, all nine others negative: exact p = 2/512
        assertThat(total.at("/wilcoxon/w").asDouble()).isEqualTo(0.0);
        assertThat(total.at("/wilcoxon/zeros").asInt()).isEqualTo(1);
        assertThat(total.at("/wilcoxon/method").asText()).isEqualTo("EXACT");
        assertThat(total.at("/wilcoxon/p").asDouble()).isCloseTo(2.0 / 512, within(1e-12));
        assertThat(total.at("/effectSize/cohensDz").asDouble()).isCloseTo(-4.062127683382037 / Math.sqrt(10), within(1e-9));
        assertThat(total.at("/effectSize/magnitude").asText()).isEqualTo("LARGE");
        // normSd 2, reliability 0.875: S_diff = sqrt(2)·2·sqrt(0.125) = 1, so RCI = change; -2.4 and -4.6 are reliable
        assertThat(total.at("/reliableChange/sdSource").asText()).isEqualTo("NORM_SD");
        assertThat(total.at("/reliableChange/sDiff").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(total.path("improved").asInt()).isEqualTo(2);
        assertThat(total.path("unchanged").asInt()).isEqualTo(8);
        assertThat(total.path("worse").asInt()).isEqualTo(0);
        assertThat(total.path("members")).hasSize(10);
        assertThat(member(total, members.get(1)).path("category").asText()).isEqualTo("RELIABLY_IMPROVED");
        assertThat(member(total, first).path("pre").asDouble()).isEqualTo(PRE[0]);
        assertThat(total.path("members").findValuesAsText("participantId"))
                .doesNotContain(withdrew.toString(), erased.toString());

        // subscales: EMOTIONAL is twice the total (same t); SOCIAL has no POST, so it is not an outcome
        JsonNode subscales = ucla.path("subscales");
        assertThat(subscales.findValuesAsText("scale")).containsExactly("EMOTIONAL");
        assertThat(subscales.at("/0/tTest/t").asDouble()).isCloseTo(-4.062127683382037, within(1e-9));
        assertThat(subscales.at("/0/rciUnavailable").asText()).isEqualTo("NO_RELIABILITY");
        assertThat(subscales.at("/0/members/0/category").isNull()).isTrue();
        assertThat(subscales.at("/0/improved").isNull()).isTrue();

        JsonNode gses = instrument(outcomes, "GSES").path("total");
        // changes 1, 2, 6: t = 3·sqrt(3/7), p = 1 - sqrt(27/41) (Student t with 2 df in closed form)
        assertThat(gses.at("/tTest/t").asDouble()).isCloseTo(3 * Math.sqrt(3.0 / 7), within(1e-9));
        assertThat(gses.at("/tTest/p").asDouble()).isCloseTo(1 - Math.sqrt(27.0 / 41), within(1e-9));
        assertThat(gses.at("/reliableChange/sdSource").asText()).isEqualTo("GROUP_PRE_SD");
        // pre SD 2, r = 0.9: S_diff = sqrt(2)·2·sqrt(0.1) = 0.8944; RCI 1.118, 2.236, 6.708; higher is better
        assertThat(gses.at("/reliableChange/sDiff").asDouble()).isCloseTo(Math.sqrt(0.8), within(1e-12));
        assertThat(gses.path("improved").asInt()).isEqualTo(2);
        assertThat(gses.path("unchanged").asInt()).isEqualTo(1);

        // PERSISTENCE: pre SD 2, r = 0.8: S_diff = sqrt(2)·2·sqrt(0.2) = 1.2649; changes 0, 3, 0 → RCI 0, 2.372, 0
        JsonNode gsesSubscales = instrument(outcomes, "GSES").path("subscales");
        assertThat(gsesSubscales.findValuesAsText("scale")).containsExactly("AGENCY", "PERSISTENCE");
        JsonNode persistence = gsesSubscales.get(1);
        assertThat(persistence.at("/reliableChange/reliability").asDouble()).isEqualTo(0.8);
        assertThat(persistence.at("/reliableChange/sdSource").asText()).isEqualTo("GROUP_PRE_SD");
        assertThat(persistence.at("/reliableChange/sDiff").asDouble()).isCloseTo(Math.sqrt(1.6), within(1e-12));
        assertThat(member(persistence, members.get(1)).path("rci").asDouble())
                .isCloseTo(3 / Math.sqrt(1.6), within(1e-12));
        assertThat(member(persistence, members.get(1)).path("category").asText()).isEqualTo("RELIABLY_IMPROVED");
        assertThat(member(persistence, members.get(0)).path("category").asText()).isEqualTo("NO_RELIABLE_CHANGE");
        assertThat(persistence.path("improved").asInt()).isEqualTo(1);
        assertThat(persistence.path("unchanged").asInt()).isEqualTo(2);
        assertThat(persistence.path("worse").asInt()).isEqualTo(0);
        JsonNode agency = gsesSubscales.get(0);
        assertThat(agency.path("rciUnavailable").asText()).isEqualTo("NO_RELIABILITY");
        assertThat(agency.path("improved").isNull()).isTrue();
    }

    @Test
    void anotherCentreAndUnknownGroupsAre404() {
        Fixtures.group(group, centre, "独居长者小组");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(Tokens.of(Roles.FACILITATOR, centre))
                .when().get("/api/v1/groups/" + group + "/outcomes").then().statusCode(200));
        given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, UUID.randomUUID()))
                .when().get("/api/v1/groups/" + group + "/outcomes")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of(Roles.ANALYST))
                .when().get("/api/v1/groups/" + UUID.randomUUID() + "/outcomes")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of(Roles.ANALYST))
                .when().get("/api/v1/groups/not-a-uuid/outcomes")
                .then().statusCode(404);
    }

    private AssessmentScored score(UUID participant, String phase, java.time.OffsetDateTime at, Double total,
            Map<String, Double> subscales) {
        return Fixtures.scored(UUID.randomUUID(), 0, participant, centre, group, "UCLA-LS3", phase, at, total,
                subscales, true, 0.875, 2.0);
    }

    private JsonNode outcomes() throws Exception {
        String body = given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, centre))
                .when().get("/api/v1/groups/" + group + "/outcomes")
                .then().statusCode(200).extract().asString();
        return new ObjectMapper().readTree(body);
    }

    static JsonNode instrument(JsonNode outcomes, String code) {
        for (JsonNode i : outcomes.path("instruments")) {
            if (code.equals(i.path("instrumentCode").asText())) {
                return i;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    static JsonNode member(JsonNode scale, UUID participant) {
        for (JsonNode m : scale.path("members")) {
            if (participant.toString().equals(m.path("participantId").asText())) {
                return m;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
