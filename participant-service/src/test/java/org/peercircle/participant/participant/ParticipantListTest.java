package org.peercircle.participant.participant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.peercircle.participant.Fixtures.createCentre;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peercircle.participant.Fixtures;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The participant list: filters, search, paging, and never another centre's people. */
@QuarkusTest
class ParticipantListTest {

    private UUID centreA;
    private UUID centreB;
    private String workerA;

    @BeforeEach
    void people() {
        centreA = createCentre("List A " + UUID.randomUUID());
        centreB = createCentre("List B " + UUID.randomUUID());
        workerA = Tokens.of(Roles.SOCIAL_WORKER, centreA);
        // a migrant grandmother (moved at 63), a villager living alone who never moved, a late mover nearby
        register(centreA, "王秀英", "13800001001", LocalDate.of(1955, 1, 1), body -> body);
        String alone = register(centreA, "陈美华", "13800001002", LocalDate.of(1950, 2, 2), body -> body
                .replace("WITH_GRANDCHILDREN", "ALONE").replace("\"movedToCityYear\":2018,", "")
                .replace("天河北社区", "石牌社区"));
        register(centreA, "张桂兰", "02087654321", LocalDate.of(1948, 3, 3), body -> body
                .replace("\"movedToCityYear\":2018", "\"movedToCityYear\":1990"));
        register(centreB, "王美玲", "13800001004", LocalDate.of(1956, 4, 4), body -> body);
        Fixtures.changeStatus(workerA, UUID.fromString(alone), "SCREENING");
    }

    private String register(UUID centre, String name, String phone, LocalDate born,
            java.util.function.UnaryOperator<String> edit) {
        return given().auth().oauth2(Tokens.of(Roles.COORDINATOR)).contentType(ContentType.JSON)
                .body(edit.apply(Fixtures.registration(centre, name, phone, born)))
                .when().post("/api/v1/participants").then().statusCode(201).extract().path("id");
    }

    private RequestSpecification asWorkerA() {
        return given().auth().oauth2(workerA);
    }

    @Test
    void aSocialWorkerSeesOnlyTheirCentre() {
        asWorkerA().when().get("/api/v1/participants")
                .then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.centreId", everyItem(equalTo(centreA.toString())))
                .body("items.fullName", containsInAnyOrder("王秀英", "陈美华", "张桂兰"));
        asWorkerA().queryParam("centreId", centreB).when().get("/api/v1/participants")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER)).when().get("/api/v1/participants")
                .then().statusCode(200).body("items", empty()).body("totalItems", equalTo(0));
    }

    @Test
    void aCoordinatorSeesEveryCentreAndCanNarrowToOne() {
        given().auth().oauth2(Tokens.of(Roles.COORDINATOR)).queryParam("centreId", centreB)
                .when().get("/api/v1/participants")
                .then().statusCode(200).body("items.fullName", containsInAnyOrder("王美玲"));
    }

    @Test
    void filtersCombine() {
        asWorkerA().queryParam("status", "SCREENING").when().get("/api/v1/participants")
                .then().body("items.fullName", containsInAnyOrder("陈美华"));
        asWorkerA().queryParam("livingSituation", "WITH_GRANDCHILDREN").when().get("/api/v1/participants")
                .then().body("items.fullName", containsInAnyOrder("王秀英", "张桂兰"));
        asWorkerA().queryParam("migrant", "true").when().get("/api/v1/participants")
                .then().body("items.fullName", containsInAnyOrder("王秀英"));
        asWorkerA().queryParam("migrant", "false").queryParam("neighbourhood", "天河北社区")
                .when().get("/api/v1/participants")
                .then().body("items.fullName", containsInAnyOrder("张桂兰"));
    }

    @Test
    void searchFindsPartOfANameOrPhoneNumber() {
        asWorkerA().queryParam("q", "秀英").when().get("/api/v1/participants")
                .then().body("items.fullName", containsInAnyOrder("王秀英"));
        asWorkerA().queryParam("q", "王").when().get("/api/v1/participants")
                .then().body("items.fullName", containsInAnyOrder("王秀英"));
        asWorkerA().queryParam("q", "0001002").when().get("/api/v1/participants")
                .then().body("items.fullName", containsInAnyOrder("陈美华"));
        asWorkerA().queryParam("q", "020-8765").when().get("/api/v1/participants")
                .then().body("items.fullName", containsInAnyOrder("张桂兰"));
        asWorkerA().queryParam("q", "%").when().get("/api/v1/participants")
                .then().body("items", empty());
    }

    @Test
    void pagesAreCountedAndOrderedNewestFirst() {
        asWorkerA().queryParam("size", 2).when().get("/api/v1/participants")
                .then().body("items", hasSize(2)).body("totalItems", equalTo(3)).body("totalPages", equalTo(2))
                .body("items[0].fullName", equalTo("张桂兰"));
        asWorkerA().queryParam("size", 2).queryParam("page", 1).when().get("/api/v1/participants")
                .then().body("items.fullName", containsInAnyOrder("王秀英")).body("page", equalTo(1));
    }

    @Test
    void badFiltersAre400NamingTheParameter() {
        asWorkerA().queryParam("status", "HAPPY").when().get("/api/v1/participants")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("status"));
        asWorkerA().queryParam("migrant", "yes").when().get("/api/v1/participants")
                .then().statusCode(400).body("violations.field", hasItem("migrant"));
        asWorkerA().queryParam("size", 0).queryParam("page", -1).when().get("/api/v1/participants")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("page", "size"));
        asWorkerA().queryParam("centreId", "not-a-uuid").when().get("/api/v1/participants")
                .then().statusCode(400).body("violations.field", hasItem("centreId"));
    }
}
