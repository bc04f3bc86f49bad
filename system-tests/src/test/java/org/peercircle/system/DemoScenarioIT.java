package org.peercircle.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.peercircle.testing.TokenSigner;

import io.restassured.path.json.JsonPath;

/**
 * The demo scenario, loaded into the running system by {@code deploy/local/demo.sh} through the services' APIs:
 * reporting then shows the three groups with their outcomes, every participant status appears, T Community's
 * members gained peer ties, and loading it again changes nothing. The seed fixes every answer, so the outcome
 * means below are the numbers every demo shows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoScenarioIT {

    static final String T = "T社区长者服务站";
    static final String L = "L村长者互助站";
    static final String S = "S街道长者服务中心";

    static LocalRun system;
    static TokenSigner tokens;
    static final Map<String, UUID> centres = new HashMap<>();
    static final Map<String, JsonPath> dashboards = new HashMap<>();

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = LocalRun.shared();
        tokens = system.tokens();
    }

    @Test
    @Order(1)
    void demoShLoadsTheScenarioAndPrintsTheDashboard() throws Exception {
        String output = demo();
        assertThat(output).contains("Demo loaded", "Dashboard: " + system.url("reporting") + "/dashboard");
        List<Map<String, String>> list = given().baseUri(system.url("participant")).auth().oauth2(coordinator())
                .when().get("/api/v1/centres").then().statusCode(200).extract().jsonPath().getList("$");
        list.forEach(centre -> centres.put(centre.get("name"), UUID.fromString(centre.get("id"))));
        assertThat(centres).containsKeys(T, L, S);
        // reporting reads three topics independently: wait until it has every session and seat of the demo
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (String name : List.of(T, L, S)) {
                dashboards.put(name, dashboard(centres.get(name)));
            }
            assertThat(dashboards.get(T).getInt("groups[0].sessionsHeld")).isEqualTo(6);
            assertThat(dashboards.get(L).getInt("groups[0].sessionsHeld")).isEqualTo(6);
            assertThat(dashboards.get(S).getInt("groups[0].sessionsHeld")).isEqualTo(8);
            assertThat(dashboards.get(T).getInt("membership.completed")).isEqualTo(7);
            assertThat(dashboards.get(L).getInt("membership.completed")).isEqualTo(7);
            assertThat(dashboards.get(S).getInt("membership.waitListed")).isEqualTo(1);
        });
    }

    @Test
    @Order(2)
    void reportingShowsTheThreeGroupsWithTheirOutcomes() {
        JsonPath t = dashboards.get(T);
        assertThat(t.getString("groups[0].title")).isEqualTo("T社区老漂族同伴支持小组");
        assertThat(t.getString("groups[0].status")).isEqualTo("CLOSED");
        assertThat(t.getInt("groups[0].sessionsHeld")).isEqualTo(6);
        JsonPath tOutcomes = outcomes(t.getString("groups[0].groupId"));
        assertOutcome(tOutcomes, "ALIENATION-7", 7, 191 / 7.0, 156 / 7.0);
        assertOutcome(tOutcomes, "UCLA-3", 7, 54 / 7.0, 45 / 7.0);

        JsonPath l = dashboards.get(L);
        assertThat(l.getString("groups[0].title")).isEqualTo("L村独居长者六节调适小组");
        assertThat(l.getString("groups[0].status")).isEqualTo("CLOSED");
        assertThat(l.getInt("groups[0].sessionsHeld")).isEqualTo(6);
        assertThat(l.getInt("groups[0].membership.completed")).isEqualTo(7);
        assertThat(l.getInt("groups[0].membership.withdrawn")).isEqualTo(1);
        JsonPath lOutcomes = outcomes(l.getString("groups[0].groupId"));
        assertOutcome(lOutcomes, "DJG-6", 7, 33 / 7.0, 23 / 7.0);
        assertOutcome(lOutcomes, "GSE-10", 7, 141 / 7.0, 161 / 7.0);

        JsonPath s = dashboards.get(S);
        assertThat(s.getString("groups[0].title")).isEqualTo("S街道独居长者精神慰藉互助小组");
        assertThat(s.getString("groups[0].status")).isEqualTo("RUNNING");
        assertThat(s.getInt("groups[0].sessionsHeld")).isEqualTo(8);
        JsonPath sOutcomes = outcomes(s.getString("groups[0].groupId"));
        assertOutcome(sOutcomes, "UCLA-3", 8, 58 / 8.0, 48 / 8.0);
        assertOutcome(sOutcomes, "GDS-15", 8, 57 / 8.0, 38 / 8.0);
        assertThat(s.getInt("needs[0].respondents")).isEqualTo(10);
    }

    @Test
    @Order(3)
    void everyStatusAppears() {
        Set<String> statuses = new HashSet<>();
        dashboards.values().forEach(d -> statuses.addAll(d.<String, Object>getMap("byStatus").keySet()));
        assertThat(statuses).containsExactlyInAnyOrder("REFERRED", "SCREENING", "ELIGIBLE", "INELIGIBLE", "ENROLLED",
                "COMPLETED", "WITHDRAWN");
        assertThat(dashboards.get(T).getInt("membership.waitListed")).isEqualTo(2);
        assertThat(dashboards.get(S).getInt("membership.waitListed")).isEqualTo(1);
        assertThat(dashboards.get(S).getInt("membership.enrolled")).isEqualTo(8);
        assertThat(dashboards.get(L).getInt("withdrawalReasons.HEALTH")).isEqualTo(1);
    }

    @Test
    @Order(4)
    void tCommunitysMembersEndWithNewPeerTies() {
        UUID centre = centres.get(T);
        String socialWorker = tokens.token("sw-t", "social-worker", centre);
        List<String> members = given().baseUri(system.url("participant")).auth().oauth2(socialWorker)
                .queryParam("centreId", centre).queryParam("status", "COMPLETED")
                .when().get("/api/v1/participants").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(members).hasSize(7);
        for (String member : members) {
            JsonPath change = given().baseUri(system.url("participant")).auth().oauth2(socialWorker)
                    .when().get("/api/v1/participants/" + member + "/network-snapshots/compare")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(change.getString("from.occasion")).isEqualTo("BASELINE");
            assertThat(change.getString("to.occasion")).isEqualTo("END_OF_GROUP");
            List<String> gainedPeers = change.getList("comparison.byType.find { it.type == 'PEER' }.gained");
            assertThat(gainedPeers).as("peer ties %s gained", member).isNotEmpty();
        }
    }

    @Test
    @Order(5)
    void loadingItAgainChangesNothing() throws Exception {
        assertThat(demo()).contains("already loaded");
        for (String name : List.of(T, L, S)) {
            assertThat(dashboard(centres.get(name)).prettify()).isEqualTo(dashboards.get(name).prettify());
        }
    }

    private static void assertOutcome(JsonPath outcomes, String instrument, int pairs, double pre, double post) {
        String at = "instruments.find { it.instrumentCode == '" + instrument + "' }.total.";
        assertThat(outcomes.getInt(at + "nPaired")).as(instrument).isEqualTo(pairs);
        assertThat(outcomes.getDouble(at + "preMean")).as(instrument).isCloseTo(pre, within(1e-6));
        assertThat(outcomes.getDouble(at + "postMean")).as(instrument).isCloseTo(post, within(1e-6));
    }

    private static JsonPath outcomes(String group) {
        return given().baseUri(system.url("reporting")).auth().oauth2(analyst())
                .when().get("/api/v1/groups/" + group + "/outcomes").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath dashboard(UUID centre) {
        return given().baseUri(system.url("reporting")).auth().oauth2(analyst())
                .when().get("/api/v1/centres/" + centre + "/dashboard").then().statusCode(200).extract().jsonPath();
    }

    private static String coordinator() {
        return tokens.token("coordinator-demo-check", "coordinator");
    }

    private static String analyst() {
        return tokens.token("analyst-demo-check", "analyst");
    }

    /** Runs deploy/local/demo.sh against the shared run and answers its output. */
    private static String demo() throws Exception {
        Path log = Files.createTempFile(system.home, "demo", ".log");
        ProcessBuilder pb = new ProcessBuilder(LocalRun.ROOT.resolve("deploy/local/demo.sh").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PEERCIRCLE_HOME", system.home.toString());
        pb.environment().put("PEERCIRCLE_PORT_BASE", String.valueOf(system.portBase));
        Process p = pb.start();
        boolean finished = p.waitFor(5, TimeUnit.MINUTES);
        String output = Files.readString(log);
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished && p.exitValue() == 0).as("deploy/local/demo.sh failed:%n%s", output).isTrue();
        return output;
    }
}
