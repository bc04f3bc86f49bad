package org.peercircle.participant.matching;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.peercircle.participant.Fixtures.createCentre;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peercircle.participant.Fixtures;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Peer matches through REST: same centre only, active and not erased, ranked with reasons. */
@QuarkusTest
class PeerMatchTest {

    private UUID centre;
    private String worker;
    private String subject;
    private String townswoman;
    private String neighbour;
    private String withdrawn;

    @BeforeEach
    void people() {
        centre = createCentre("Matching " + UUID.randomUUID());
        worker = Tokens.of(Roles.SOCIAL_WORKER, centre);
        subject = register(centre, "王秀英", LocalDate.of(1955, 6, 1), b -> b);
        townswoman = register(centre, "陈美华", LocalDate.of(1957, 2, 1), b -> b.replace("\"interests\":[\"广场舞\",\"书法\"]",
                "\"interests\":[\"书法\"]"));
        neighbour = register(centre, "刘玉兰", LocalDate.of(1965, 3, 1), b -> b
                .replace("\"hometown\":{\"province\":\"湖南省\",\"city\":\"衡阳市\"}", "\"hometown\":{\"province\":\"河南省\",\"city\":\"郑州市\"}")
                .replace("[\"湘语\",\"普通话\"]", "[\"普通话\"]").replace("[\"广场舞\",\"书法\"]", "[]"));
        register(centre, "孙丽", LocalDate.of(1940, 3, 1), b -> b
                .replace("\"hometown\":{\"province\":\"湖南省\",\"city\":\"衡阳市\"}", "\"hometown\":{\"province\":\"广东省\",\"city\":\"广州市\"}")
                .replace("[\"湘语\",\"普通话\"]", "[\"粤语\"]").replace("[\"广场舞\",\"书法\"]", "[\"象棋\"]")
                .replace("天河北社区", "石牌社区"));
        withdrawn = register(centre, "赵淑珍", LocalDate.of(1956, 1, 1), b -> b);
        given().auth().oauth2(worker).contentType(ContentType.JSON).body("{\"status\":\"WITHDRAWN\",\"reason\":\"MOVED_AWAY\"}")
                .when().post("/api/v1/participants/" + withdrawn + "/status").then().statusCode(200);
        UUID elsewhere = createCentre("Matching elsewhere " + UUID.randomUUID());
        register(elsewhere, "王秀芳", LocalDate.of(1955, 6, 2), b -> b);
    }

    private String register(UUID centreId, String name, LocalDate born, UnaryOperator<String> edit) {
        return given().auth().oauth2(Tokens.of(Roles.COORDINATOR)).contentType(ContentType.JSON)
                .body(edit.apply(Fixtures.registration(centreId, name, Fixtures.uniquePhone(), born)))
                .when().post("/api/v1/participants").then().statusCode(201).extract().path("id");
    }

    @Test
    void rankedByWhatTheyShareWithReasons() {
        given().auth().oauth2(worker).when().get("/api/v1/participants/" + subject + "/peer-matches")
                .then().statusCode(200)
                .body("participantId", equalTo(subject))
                .body("matches.participantId", contains(townswoman, neighbour))
                .body("matches[0].fullName", equalTo("陈美华"))
                .body("matches[0].reasons.code", contains("SAME_HOMETOWN_CITY", "SHARED_DIALECT", "SHARED_INTERESTS",
                        "SAME_NEIGHBOURHOOD", "SIMILAR_AGE"))
                .body("matches[0].reasons[0].label", equalTo("同乡"))
                .body("matches[0].reasons[2].detail", equalTo("书法"))
                .body("matches[0].score", equalTo(90))
                .body("matches[1].reasons.code", contains("SAME_NEIGHBOURHOOD"))
                .body("matches.score", everyItem(greaterThan(0)))
                .body("matches.participantId", not(hasItem(withdrawn)));
    }

    @Test
    void theLimitIsHonouredAndChecked() {
        given().auth().oauth2(worker).queryParam("limit", 1).when().get("/api/v1/participants/" + subject + "/peer-matches")
                .then().statusCode(200).body("matches", hasSize(1));
        given().auth().oauth2(worker).queryParam("limit", 0).when().get("/api/v1/participants/" + subject + "/peer-matches")
                .then().statusCode(400).body("violations.field", hasItem("limit"));
    }

    @Test
    void erasedPeopleAreNoLongerMatched() {
        given().auth().oauth2(Tokens.of(Roles.COORDINATOR)).when().delete("/api/v1/participants/" + townswoman)
                .then().statusCode(204);
        given().auth().oauth2(worker).when().get("/api/v1/participants/" + subject + "/peer-matches")
                .then().statusCode(200).body("matches.participantId", contains(neighbour));
    }
}
