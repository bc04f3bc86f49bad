package org.peercircle.reporting.rebuild;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.peercircle.reporting.Fixtures.T0;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.peercircle.contracts.Cohort.AgeBand;
import org.peercircle.contracts.Cohort.LivingSituation;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.Topics;
import org.peercircle.contracts.participant.ParticipantErased;
import org.peercircle.contracts.session.MemberAtRisk;
import org.peercircle.platform.security.Roles;
import org.peercircle.reporting.Fixtures;
import org.peercircle.reporting.readmodel.ReadModelTables;
import org.peercircle.testing.Broker;
import org.peercircle.testing.Tokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A rebuild replays all three topics into fresh tables and swaps them in: the result equals the live read model
 * row for row, and anything in the live tables that no event says (here: a tampered score and an invented person)
 * is gone.
 */
@QuarkusTest
class RebuildTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theRebuiltReadModelEqualsTheLiveOne() throws Exception {
        UUID centre = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Fixtures.register(a, centre, AgeBand.AGE_70_79, LivingSituation.ALONE, false);
        Fixtures.register(b, centre, AgeBand.AGE_60_69, LivingSituation.WITH_GRANDCHILDREN, true);
        Fixtures.group(group, centre, "重建测试小组");
        Fixtures.enrol(group, centre, a);
        Fixtures.enrol(group, centre, b);
        Fixtures.publish(EventTypes.MEMBER_AT_RISK, group, new MemberAtRisk(group, centre, a, 2, UUID.randomUUID(), T0));
        UUID administration = UUID.randomUUID();
        Fixtures.completed(Fixtures.scored(administration, 0, a, centre, group, "UCLA-LS3", "PRE", T0, 44.0,
                Map.of("EMOTIONAL", 20.0), true, 0.9, 8.0));
        Fixtures.consent(b, centre, false);
        UUID gone = UUID.randomUUID();
        Fixtures.register(gone, centre, AgeBand.AGE_80_89, LivingSituation.ALONE, false);
        Fixtures.publish(EventTypes.PARTICIPANT_ERASED, gone, new ParticipantErased(gone, centre, T0));

        awaitLiveModelHasConsumedEveryRecord();
        // the erased person is in no read model: only the bare id remains as a tombstone
        for (String table : ReadModelTables.PER_PARTICIPANT) {
            assertThat(count("SELECT count(*) FROM " + table + " WHERE participant_id = '" + gone + "'")).as(table).isZero();
        }
        assertThat(count("SELECT count(*) FROM erased_participant WHERE participant_id = '" + gone + "'")).isEqualTo(1);
        Map<String, List<String>> live = snapshot();
        assertThat(live.get("assessment_score")).isNotEmpty();
        assertThat(live.get("erased_participant")).isNotEmpty();

        execute("UPDATE assessment_score SET total_score = 999 WHERE administration_id = ?", administration);
        execute("INSERT INTO participant_cohort (participant_id, centre_id, age_band, gender, living_situation, migrant, "
                + "status, registered_at) VALUES (?, ?, 'AGE_60_69', 'MALE', 'ALONE', false, 'REFERRED', now())",
                UUID.randomUUID(), centre);
        assertThat(snapshot()).isNotEqualTo(live);

        String id = given().auth().oauth2(Tokens.of(Roles.COORDINATOR))
                .when().post("/api/v1/rebuilds")
                .then().statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/api/v1/rebuilds/"))
                .extract().path("id");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> given()
                .auth().oauth2(Tokens.of(Roles.COORDINATOR)).when().get("/api/v1/rebuilds/" + id)
                .then().statusCode(200).extract().path("status"), s -> !"RUNNING".equals(s));
        var run = given().auth().oauth2(Tokens.of(Roles.COORDINATOR)).when().get("/api/v1/rebuilds/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(run.getString("status")).as(run.getString("failure")).isEqualTo("COMPLETED");
        assertThat(run.getLong("eventsReplayed")).isGreaterThanOrEqualTo(live.get("processed_event").size());

        Map<String, List<String>> rebuilt = snapshot();
        for (String table : ReadModelTables.ALL) {
            assertThat(rebuilt.get(table)).as(table).isEqualTo(live.get(table));
        }
        assertThat(indexNames()).contains("participant_cohort_centre", "assessment_score_group",
                "session_attendance_group", "assessment_score_pkey");

        // the live consumers carry on with the swapped-in tables
        UUID after = UUID.randomUUID();
        Fixtures.register(after, centre, AgeBand.AGE_60_69, LivingSituation.ALONE, false);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.of(Roles.COORDINATOR))
                .when().get("/api/v1/centres/" + centre + "/dashboard")
                .then().statusCode(200).body("peopleServed", org.hamcrest.Matchers.equalTo(2))); // a and after
    }

    @Test
    void onlyCoordinatorsRebuild() {
        given().auth().oauth2(Tokens.of(Roles.ANALYST)).when().post("/api/v1/rebuilds").then().statusCode(403);
        given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, UUID.randomUUID())).when().post("/api/v1/rebuilds")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.of(Roles.COORDINATOR)).when().get("/api/v1/rebuilds/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    private void awaitLiveModelHasConsumedEveryRecord() {
        // scores keep no inbox row (their projection is idempotent), so the inbox cannot tell: the consumers' offsets can
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Broker.lag("reporting-service", Topics.ALL) == 0);
    }

    private Map<String, List<String>> snapshot() throws Exception {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String table : ReadModelTables.ALL) {
            String query = "processed_event".equals(table)
                    ? "SELECT event_id::text || ' ' || event_type FROM processed_event ORDER BY 1"
                    : "SELECT t::text FROM " + table + " t ORDER BY 1";
            List<String> rows = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(query)) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            result.put(table, rows);
        }
        return result;
    }

    private List<String> indexNames() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private long count(String query) throws Exception {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String statement, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
