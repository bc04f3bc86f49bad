package org.peercircle.assessment.group;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.peercircle.assessment.Fixtures.form;
import static org.peercircle.assessment.Fixtures.participant;
import static org.peercircle.assessment.Fixtures.socialWorker;
import static org.peercircle.assessment.Fixtures.submitted;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peercircle.assessment.Fixtures;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The to-do list of a group, with its members learnt from session-events. */
@QuarkusTest
class GroupStatusTest {

    private final UUID centre = UUID.randomUUID();
    private final String worker = socialWorker(centre);

    JsonPath status(UUID group, String... instruments) {
        var request = given().auth().oauth2(worker);
        if (instruments.length > 0) {
            request.queryParam("instrument", (Object[]) instruments);
        }
        return request.get("/api/v1/groups/" + group + "/assessment-status").then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void listsWhoStillLacksAPreOrPostScore() {
        UUID group = Fixtures.group(centre);
        UUID wang = participant(centre);
        UUID li = participant(centre);
        UUID zhao = participant(centre);
        UUID chen = participant(centre);
        // one partition per group keeps these in order: once wang and li show, zhao has come and gone
        Fixtures.enrol(group, centre, zhao);
        Fixtures.withdraw(group, centre, zhao);
        Fixtures.enrol(group, centre, wang);
        Fixtures.enrol(group, centre, li);
        await().atMost(Duration.ofSeconds(60)).until(() -> status(group).getList("members.participantId")
                .equals(sorted(wang, li)));
        assertStatus(status(group), List.of(), sorted(wang, li), sorted(wang, li));

        submitted(worker, form(wang, group, "UCLA-3", "PRE", "{\"1\": 3, \"2\": 2, \"3\": 2}"));
        submitted(worker, form(li, group, "UCLA-3", "PRE", "{\"1\": 2, \"2\": 2, \"3\": 2}"));
        submitted(worker, form(wang, group, "UCLA-3", "POST", "{\"1\": 1, \"2\": 2, \"3\": 1}"));
        submitted(worker, form(wang, group, "UCLA-3", "MID", "{\"1\": 1, \"2\": 2, \"3\": 1}"));
        // someone assessed in the group before their enrolment reached us still counts as a member
        submitted(worker, form(chen, group, "UCLA-3", "PRE", "{\"1\": 2, \"2\": 2, \"3\": 2}"));

        JsonPath s = status(group);
        assertStatus(s, List.of("UCLA-3"), List.of(), sorted(li, chen));
        given().auth().oauth2(worker).get("/api/v1/groups/" + group + "/assessment-status").then()
                .body("members.find { it.participantId == '" + chen + "' }.enrolled", equalTo(false))
                .body("members.find { it.participantId == '" + wang + "' }.enrolled", equalTo(true))
                .body("members.find { it.participantId == '" + wang + "' }.post", contains("UCLA-3"));

        JsonPath two = status(group, "UCLA-3", "GSE-10");
        assertStatus(two, List.of("GSE-10", "UCLA-3"), sorted(wang, li, chen), sorted(wang, li, chen));
        given().auth().oauth2(worker).queryParam("instrument", "UCLA-3", "GSE-10")
                .get("/api/v1/groups/" + group + "/assessment-status").then()
                .body("members.find { it.participantId == '" + wang + "' }.missingPre", contains("GSE-10"))
                .body("members.find { it.participantId == '" + li + "' }.missingPost", contains("GSE-10", "UCLA-3"));
    }

    @Test
    void anotherCentresGroupOrAnUnknownOneIs404() {
        UUID group = Fixtures.group(centre);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(worker)
                .get("/api/v1/groups/" + group + "/assessment-status").statusCode() == 200);
        given().auth().oauth2(socialWorker(UUID.randomUUID())).get("/api/v1/groups/" + group + "/assessment-status")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of(Roles.COORDINATOR)).get("/api/v1/groups/" + UUID.randomUUID()
                + "/assessment-status").then().statusCode(404);
        given().auth().oauth2(worker).get("/api/v1/groups/" + group + "/assessment-status")
                .then().body("members", empty()).body("lackingPre", empty());
    }

    private static void assertStatus(JsonPath s, List<String> instruments, List<String> lackingPre,
            List<String> lackingPost) {
        org.assertj.core.api.Assertions.assertThat(s.getList("instruments", String.class))
                .containsExactlyElementsOf(instruments);
        org.assertj.core.api.Assertions.assertThat(s.getList("lackingPre", String.class))
                .containsExactlyInAnyOrderElementsOf(lackingPre);
        org.assertj.core.api.Assertions.assertThat(s.getList("lackingPost", String.class))
                .containsExactlyInAnyOrderElementsOf(lackingPost);
    }

    private static List<String> sorted(UUID... ids) {
        return java.util.Arrays.stream(ids).map(UUID::toString).sorted().toList();
    }
}
