package org.peercircle.reporting.readmodel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.peercircle.reporting.Fixtures.T0;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.peercircle.platform.security.Roles;
import org.peercircle.reporting.Fixtures;
import org.peercircle.testing.Tokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A read that cannot finish in time answers 503 figures-unavailable with Retry-After (never a 500, never a hung
 * request), and while it waits the consumers go on applying events: requests read through a pool of their own.
 */
@QuarkusTest
class SlowReadTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBlockedReadAnswers503WhileEventsAreStillApplied() throws Exception {
        UUID centre = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        Fixtures.group(group, centre, "慢查询小组");
        String worker = Tokens.of(Roles.SOCIAL_WORKER, centre);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(worker)
                .get("/api/v1/groups/" + group + "/outcomes").statusCode() == 200);

        UUID person = UUID.randomUUID();
        try (Connection lock = dataSource.getConnection()) {
            // an administrator's long maintenance on the groups table: every read of a group waits behind it
            lock.setAutoCommit(false);
            lock.createStatement().execute("LOCK TABLE support_group IN ACCESS EXCLUSIVE MODE");
            CompletableFuture<Response> blocked = CompletableFuture.supplyAsync(() -> given().auth().oauth2(worker)
                    .get("/api/v1/groups/" + group + "/outcomes"));

            // a screening score (no group) is applied by its consumer meanwhile
            Fixtures.completed(Fixtures.scored(UUID.randomUUID(), 0, person, centre, null, "UCLA-LS3", "SCREENING",
                    T0, 44.0, null, true, 0.9, 8.0));
            await().atMost(Duration.ofSeconds(30)).until(() -> scores(person) == 1);
            assertThat(blocked).as("the read is still waiting for the lock").isNotDone();

            Response answer = blocked.get();
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.header("Retry-After")).isEqualTo("5");
            assertThat(answer.jsonPath().getString("type")).endsWith("figures-unavailable");
            lock.rollback();
        }
        given().auth().oauth2(worker).get("/api/v1/groups/" + group + "/outcomes").then().statusCode(200)
                .body("groupId", equalTo(group.toString()));
    }

    private long scores(UUID person) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM assessment_score WHERE participant_id = ?")) {
            s.setObject(1, person);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
