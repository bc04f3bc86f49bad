package org.peercircle.participant.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.peercircle.participant.Fixtures.createCentre;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peercircle.participant.Fixtures;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Every read of personal data leaves an audit row in the same request; coordinators query them. */
@QuarkusTest
class AuditLogTest {

    private final String coordinator = Tokens.of(Roles.COORDINATOR);
    private UUID centre;
    private String li;
    private String subject;
    private UUID first;
    private UUID second;

    @BeforeEach
    void twoParticipants() {
        centre = createCentre("Audit " + UUID.randomUUID());
        subject = "li.socialworker." + UUID.randomUUID();
        li = Tokens.forSubject(subject, Roles.SOCIAL_WORKER, centre);
        first = Fixtures.newParticipant(coordinator, centre);
        second = Fixtures.newParticipant(coordinator, centre);
    }

    private JsonPath log(Object... params) {
        var request = given().auth().oauth2(coordinator);
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam((String) params[i], params[i + 1]);
        }
        return request.when().get("/api/v1/audit-log").then().log().ifValidationFails().statusCode(200).extract().jsonPath();
    }

    @Test
    void aViewIsLoggedWithWhoWhenWhatAndWhichRecord() {
        given().auth().oauth2(li).when().get("/api/v1/participants/" + first).then().statusCode(200);

        JsonPath entries = log("participantId", first, "subject", subject);
        assertThat(entries.getList("items")).hasSize(1);
        assertThat(entries.getString("items[0].operation")).isEqualTo("VIEW");
        assertThat(entries.getString("items[0].role")).isEqualTo("social-worker");
        assertThat(entries.getString("items[0].centreId")).isEqualTo(centre.toString());
        assertThat(entries.getString("items[0].occurredAt")).startsWith(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
    }

    @Test
    void aListLogsEveryPersonItShowed() {
        given().auth().oauth2(li).queryParam("centreId", centre).when().get("/api/v1/participants").then().statusCode(200);
        given().auth().oauth2(coordinator).queryParam("subject", subject).queryParam("operation", "LIST")
                .when().get("/api/v1/audit-log")
                .then().statusCode(200)
                .body("items.participantId", containsInAnyOrder(first.toString(), second.toString()))
                .body("items.operation", everyItem(equalTo("LIST")));
    }

    @Test
    void everyPersonalDataReadIsLogged() {
        String p = "/api/v1/participants/" + first;
        given().auth().oauth2(li).when().get(p + "/peer-matches").then().statusCode(200);
        given().auth().oauth2(li).when().get(p + "/network-snapshots").then().statusCode(200);
        given().auth().oauth2(li).when().get(p + "/consents").then().statusCode(200);
        given().auth().oauth2(li).when().get(p + "/screening-decisions").then().statusCode(200);
        given().auth().oauth2(li).when().get(p + "/status-history").then().statusCode(200);

        List<String> operations = log("participantId", first, "subject", subject).getList("items.operation");
        assertThat(operations).containsExactly("STATUS_HISTORY", "SCREENING_VIEW", "CONSENT_VIEW", "NETWORK_VIEW",
                "PEER_MATCH");
        assertThat(log("participantId", second, "subject", subject).getList("items.operation"))
                .as("the peer match showed the second person").containsExactly("PEER_MATCH");
    }

    @Test
    void aRefusedReadIsNotLoggedAsARead() {
        String other = Tokens.forSubject(subject, Roles.SOCIAL_WORKER, createCentre("Audit other " + UUID.randomUUID()));
        given().auth().oauth2(other).when().get("/api/v1/participants/" + first).then().statusCode(404);
        assertThat(log("participantId", first, "subject", subject).getList("items")).isEmpty();
    }

    @Test
    void filtersByDateAndPages() {
        given().auth().oauth2(li).when().get("/api/v1/participants/" + first).then().statusCode(200);
        given().auth().oauth2(li).when().get("/api/v1/participants/" + first).then().statusCode(200);
        given().auth().oauth2(li).when().get("/api/v1/participants/" + first).then().statusCode(200);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonPath page = log("subject", subject, "from", today.toString(), "to", today.toString(), "size", 2);
        assertThat(page.getInt("totalItems")).isEqualTo(3);
        assertThat(page.getInt("totalPages")).isEqualTo(2);
        assertThat(page.getList("items")).hasSize(2);
        assertThat(log("subject", subject, "to", today.minusDays(1).toString()).getList("items")).isEmpty();
    }

    @Test
    void badFiltersAre400AndOnlyCoordinatorsMayRead() {
        given().auth().oauth2(coordinator).queryParam("operation", "PEEK").queryParam("from", "last week")
                .when().get("/api/v1/audit-log")
                .then().statusCode(400).body("violations.field", hasItem("operation"));
        given().auth().oauth2(coordinator).queryParam("from", "2026-02-30")
                .when().get("/api/v1/audit-log")
                .then().statusCode(400).body("violations.field", contains("from"));
        given().auth().oauth2(li).when().get("/api/v1/audit-log").then().statusCode(403);
        given().auth().oauth2(Tokens.of(Roles.ANALYST)).when().get("/api/v1/audit-log").then().statusCode(403)
                .body("status", equalTo(403));
        assertThat(log("subject", "nobody-" + UUID.randomUUID()).getList("items")).hasSize(0);
    }
}
