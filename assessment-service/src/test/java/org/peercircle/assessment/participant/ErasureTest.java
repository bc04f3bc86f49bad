package org.peercircle.assessment.participant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.peercircle.assessment.Fixtures.form;
import static org.peercircle.assessment.Fixtures.participant;
import static org.peercircle.assessment.Fixtures.socialWorker;
import static org.peercircle.assessment.Fixtures.submitted;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.peercircle.assessment.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** participant.erased.v1 removes the person's forms, answers and memberships here; nothing new can be recorded. */
@QuarkusTest
class ErasureTest {

    @Inject
    EntityManager em;

    private final UUID centre = UUID.randomUUID();
    private final String worker = socialWorker(centre);

    @Test
    void erasureDeletesAnswersScoresAndMemberships() {
        UUID group = Fixtures.group(centre);
        UUID p = participant(centre);
        UUID other = participant(centre);
        Fixtures.enrol(group, centre, p);
        Fixtures.enrol(group, centre, other);
        UUID pre = submitted(worker, form(p, group, "UCLA-3", "PRE", "{\"1\": 3, \"2\": 3, \"3\": 2}"));
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"version\": 0, \"answers\": {\"1\": 3, \"2\": 3, \"3\": 3}, \"reason\": \"录入错误\"}")
                .post("/api/v1/administrations/" + pre + "/amendments").then().statusCode(200);
        UUID needs = submitted(worker, form(p, null, "NEEDS-GROUP", "NEEDS", "{\"barriers\": [2], \"willingness\": 4}"));
        UUID kept = submitted(worker, form(other, group, "UCLA-3", "PRE", "{\"1\": 1, \"2\": 1, \"3\": 1}"));
        Fixtures.events(p, 3);
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "SELECT count(*) FROM group_member WHERE participant_id = ?1", p) == 1);

        Fixtures.erase(p, centre);

        given().auth().oauth2(worker).get("/api/v1/administrations/" + pre).then().statusCode(404);
        given().auth().oauth2(worker).get("/api/v1/administrations/" + needs).then().statusCode(404);
        given().auth().oauth2(worker).get("/api/v1/participants/" + p + "/scores").then().statusCode(410);
        given().auth().oauth2(worker).get("/api/v1/administrations/" + kept).then().statusCode(200);
        given().auth().oauth2(worker).get("/api/v1/groups/" + group + "/assessment-status").then().statusCode(200)
                .body("members.participantId", contains(other.toString()));

        assertThat(count("SELECT count(*) FROM administration WHERE participant_id = ?1", p)).isZero();
        assertThat(count("SELECT count(*) FROM administration_revision WHERE administration_id IN (?1, ?2)", pre,
                needs)).isZero();
        assertThat(count("SELECT count(*) FROM group_member WHERE participant_id = ?1", p)).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(count(
                "SELECT count(*) FROM outbox_event WHERE subject = ?1", p.toString())).as("relayed rows are gone").isZero());
        assertThat(count("SELECT count(*) FROM participant_directory WHERE participant_id = ?1 AND erased", p))
                .isEqualTo(1);
    }

    long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
