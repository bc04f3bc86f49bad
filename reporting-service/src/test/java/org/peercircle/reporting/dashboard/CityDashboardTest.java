package org.peercircle.reporting.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.peercircle.reporting.Fixtures.T0;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peercircle.contracts.Cohort.AgeBand;
import org.peercircle.contracts.Cohort.LivingSituation;
import org.peercircle.contracts.assessment.AssessmentScored;
import org.peercircle.platform.security.Roles;
import org.peercircle.reporting.Fixtures;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * City figures over fewer than five people are withheld. Other tests share the database, so this one asserts on
 * keys only it uses (the 90+ age band, its own instrument codes).
 */
@QuarkusTest
class CityDashboardTest {

    private final UUID centreA = UUID.randomUUID();
    private final UUID centreB = UUID.randomUUID();
    private final UUID group = UUID.randomUUID();

    @Test
    void smallCellsAreSuppressedAtCityLevel() {
        for (int i = 0; i < 3; i++) {
            Fixtures.register(UUID.randomUUID(), i == 0 ? centreA : centreB, AgeBand.AGE_90_PLUS, LivingSituation.ALONE, false);
        }
        // and enough others that the city's head count is shown whatever other tests ran before
        for (int i = 0; i < 5; i++) {
            Fixtures.register(UUID.randomUUID(), centreB, AgeBand.AGE_70_79, LivingSituation.WITH_SPOUSE, false);
        }
        // needs: 3 respondents (all withheld) and 7 respondents (small answer cells withheld)
        for (int i = 0; i < 3; i++) {
            needs("CITY-NEEDS-A", Map.of("Q1", 1.0));
        }
        double[] q1 = { 1, 1, 1, 1, 1, 2, 3 };
        for (double v : q1) {
            needs("CITY-NEEDS-B", Map.of("Q1", v, "Q2", 4.0));
        }
        // outcomes: 3 pairs (withheld), 6 pairs all reliably improved, 6 pairs 4 improved and 2 unchanged
        pairs("CITY-SMALL", new double[] { 20, 22, 24 }, new double[] { 10, 12, 14 });
        pairs("CITY-BIG", new double[] { 30, 31, 32, 33, 34, 35 }, new double[] { 10, 12, 11, 13, 10, 12 });
        pairs("CITY-MIXED", new double[] { 30, 31, 32, 33, 34, 35 }, new double[] { 10, 12, 11, 13, 33, 35 });

        JsonPath city = await().atMost(Duration.ofSeconds(60)).until(this::city,
                j -> j.getList("outcomes.findAll { it.instrumentCode.startsWith('CITY-') }").size() == 3
                        && j.getList("needs.findAll { it.instrumentCode.startsWith('CITY-NEEDS') }").size() == 2
                        && j.getBoolean("byAgeBand.AGE_90_PLUS.suppressed") && !j.getBoolean("peopleServed.suppressed")
                        && j.getInt("needs.find { it.instrumentCode == 'CITY-NEEDS-B' }.respondents.value") == 7
                        && j.getInt("outcomes.find { it.instrumentCode == 'CITY-MIXED' }.nPaired") == 6);

        assertThat(city.getInt("minCellSize")).isEqualTo(5);
        assertThat(city.getString("byAgeBand.AGE_90_PLUS.value")).isNull();
        assertThat(city.getBoolean("peopleServed.suppressed")).isFalse();
        assertThat(city.getInt("peopleServed.value")).isGreaterThanOrEqualTo(3);

        String a = "needs.find { it.instrumentCode == 'CITY-NEEDS-A' }";
        assertThat(city.getBoolean(a + ".respondents.suppressed")).isTrue();
        assertThat(city.getMap(a + ".items")).isEmpty();
        String b = "needs.find { it.instrumentCode == 'CITY-NEEDS-B' }";
        assertThat(city.getInt(b + ".items.Q1.'1'.value")).isEqualTo(5);
        assertThat(city.getBoolean(b + ".items.Q1.'2'.suppressed")).isTrue();
        assertThat(city.getBoolean(b + ".items.Q1.'3'.suppressed")).isTrue();
        assertThat(city.getInt(b + ".items.Q2.'4'.value")).isEqualTo(7);

        String small = "outcomes.find { it.instrumentCode == 'CITY-SMALL' }";
        assertThat(city.getBoolean(small + ".suppressed")).isTrue();
        assertThat(city.getString(small + ".total")).isNull();
        assertThat(city.getString(small + ".nPaired")).as("the pair count is as small as the statistics").isNull();
        String big = "outcomes.find { it.instrumentCode == 'CITY-BIG' }";
        assertThat(city.getBoolean(big + ".suppressed")).isFalse();
        assertThat(city.getInt(big + ".total.improved")).isEqualTo(6);
        assertThat(city.getInt(big + ".total.worse")).isZero();
        assertThat(city.getString(big + ".total.members")).isNull();
        String mixed = "outcomes.find { it.instrumentCode == 'CITY-MIXED' }";
        assertThat(city.getDouble(mixed + ".total.meanChange")).isNotNull();
        assertThat(city.getString(mixed + ".total.improved")).isNull();
        assertThat(city.getString(mixed + ".total.rciUnavailable")).isEqualTo("SUPPRESSED_SMALL_CELLS");

        // the centre dashboard shows its own small figures as they are
        given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, centreA))
                .when().get("/api/v1/centres/" + centreA + "/dashboard")
                .then().statusCode(200).body("byAgeBand.AGE_90_PLUS", org.hamcrest.Matchers.equalTo(1));
        assertThat(city.getList("centres.centreId")).contains(centreA.toString(), centreB.toString());
        assertThat(city.getBoolean("centres.find { it.centreId == '" + centreA + "' }.peopleServed.suppressed")).isTrue();
    }

    @Test
    void onlyCityWideRolesReadTheCityDashboard() {
        given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, centreA)).when().get("/api/v1/city/dashboard")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of(Roles.FACILITATOR, centreA)).when().get("/api/v1/city/dashboard")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.of(Roles.INTEGRATION)).when().get("/api/v1/city/dashboard").then().statusCode(200);
        given().auth().oauth2(Tokens.of(Roles.COORDINATOR)).when().get("/api/v1/city/dashboard").then().statusCode(200);
    }

    private JsonPath city() {
        return given().auth().oauth2(Tokens.of(Roles.ANALYST)).when().get("/api/v1/city/dashboard")
                .then().statusCode(200).extract().jsonPath();
    }

    private void needs(String instrument, Map<String, Double> items) {
        UUID p = UUID.randomUUID();
        Fixtures.completed(new AssessmentScored(UUID.randomUUID(), 0, p, centreB, null, instrument, 1, "NEEDS",
                T0.minusDays(30), null, null, null, false, true, null, null, new HashMap<>(items), null, null));
    }

    private void pairs(String instrument, double[] pre, double[] post) {
        for (int i = 0; i < pre.length; i++) {
            UUID p = UUID.randomUUID();
            // SD 10, reliability 0.875 -> S_diff = 5: a fall of more than 9.8 is reliable
            Fixtures.completed(Fixtures.scored(UUID.randomUUID(), 0, p, centreA, group, instrument, "PRE", T0, pre[i],
                    null, true, 0.875, 10.0));
            Fixtures.completed(Fixtures.scored(UUID.randomUUID(), 0, p, centreA, group, instrument, "POST",
                    T0.plusDays(42), post[i], null, true, 0.875, 10.0));
        }
    }
}
