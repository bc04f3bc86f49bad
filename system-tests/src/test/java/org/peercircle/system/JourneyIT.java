package org.peercircle.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.peercircle.contracts.Topics;
import org.peercircle.testing.Broker;
import org.peercircle.testing.TokenSigner;

import io.restassured.http.ContentType;

/**
 * The social worker's journey across the four running services, through REST only and with tokens of the
 * right roles, on the system that {@code deploy/local/up.sh} starts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneyIT {

    static LocalRun system;
    static TokenSigner tokens;
    static UUID centre;
    static UUID otherCentre;
    static final List<UUID> participants = new ArrayList<>();
    static final String FULL_NAME = "王秀英";
    static final String PHONE = "13800138000";

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = LocalRun.shared();
        tokens = system.tokens();
    }

    static String coordinator() {
        return tokens.token("coordinator-li", "coordinator");
    }

    static String socialWorker(UUID... centres) {
        return tokens.token("sw-zhang", "social-worker", centres);
    }

    @Test
    @Order(1)
    void aCoordinatorSetsUpTwoCentres() {
        centre = createCentre("T社区长者服务中心");
        otherCentre = createCentre("L村互助站");
    }

    @Test
    @Order(2)
    void aSocialWorkerRegistersAReferredPerson() {
        String id = given().baseUri(system.url("participant")).auth().oauth2(socialWorker(centre))
                .contentType(ContentType.JSON)
                .body("""
                        {"centreId":"%s","fullName":"%s","gender":"FEMALE","birthDate":"1955-06-01","phone":"%s",
                         "livingSituation":"WITH_GRANDCHILDREN","movedToCityYear":2018,"moveReason":"CARING_FOR_GRANDCHILDREN",
                         "referralSource":"COMMUNITY_WORKER"}""".formatted(centre, FULL_NAME, PHONE))
                .when().post("/api/v1/participants")
                .then().statusCode(201).body("migrant", equalTo(true)).extract().path("id");
        participants.add(UUID.fromString(id));
    }

    @Test
    @Order(3)
    void theCentreDashboardCountsThePersonFromEventsAlone() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(system.url("reporting"))
                .auth().oauth2(tokens.token("analyst-wu", "analyst"))
                .when().get("/api/v1/centres/" + centre + "/dashboard")
                .then().statusCode(200).body("peopleServed", equalTo(1)).body("migrants", equalTo(1)));
    }

    @Test
    @Order(4)
    void aSocialWorkerOfAnotherCentreSeesNoneOfIt() {
        given().baseUri(system.url("participant")).auth().oauth2(socialWorker(otherCentre))
                .when().get("/api/v1/participants/" + participants.get(0))
                .then().statusCode(404).contentType("application/problem+json");
        given().baseUri(system.url("reporting")).auth().oauth2(socialWorker(otherCentre))
                .when().get("/api/v1/centres/" + centre + "/dashboard")
                .then().statusCode(404);
    }

    @Test
    @Order(90)
    void noNameOrPhoneNumberAppearsInAnyTopicOrInTheReportingDatabase() throws Exception {
        for (String topic : Topics.ALL) {
            Broker.readAll(system.kafka(), topic).forEach(r -> assertThat(r.value())
                    .as("record on " + topic).doesNotContain(FULL_NAME, PHONE));
        }
        try (Connection c = DriverManager.getConnection(system.jdbcUrl("reporting"), "postgres", "postgres");
                ResultSet tables = c.getMetaData().getTables(null, "public", "%", new String[] { "TABLE" })) {
            int scanned = 0;
            while (tables.next()) {
                String table = tables.getString("TABLE_NAME");
                try (ResultSet rows = c.createStatement().executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            assertThat(String.valueOf(rows.getObject(i))).as(table).doesNotContain(FULL_NAME, PHONE);
                        }
                    }
                }
                scanned++;
            }
            assertThat(scanned).isPositive();
        }
    }

    private static UUID createCentre(String name) {
        String id = given().baseUri(system.url("participant")).auth().oauth2(coordinator())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"district\":\"天河区\"}")
                .when().post("/api/v1/centres")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }
}
