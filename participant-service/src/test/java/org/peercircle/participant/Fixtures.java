package org.peercircle.participant;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Tokens;

import io.restassured.http.ContentType;

/** Requests the tests share: a centre, a valid registration body, participants. */
public final class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Fixtures() {
    }

    public static UUID createCentre(String name) {
        String id = given().auth().oauth2(Tokens.of(Roles.COORDINATOR)).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"district\":\"天河区\",\"address\":\"天河路 1 号\"}")
                .when().post("/api/v1/centres")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static String registration(UUID centreId, String fullName, String phone) {
        return registration(centreId, fullName, phone, LocalDate.of(1955, 6, 1));
    }

    /** A complete registration: every field of the form, personal data included. */
    public static String registration(UUID centreId, String fullName, String phone, LocalDate birthDate) {
        return """
                {"centreId":"%s","fullName":"%s","gender":"FEMALE","birthDate":"%s","phone":"%s",
                 "neighbourhood":"天河北社区","livingSituation":"WITH_GRANDCHILDREN",
                 "hometown":{"province":"湖南省","city":"衡阳市"},"movedToCityYear":2018,
                 "moveReason":"CARING_FOR_GRANDCHILDREN","dialects":["湘语","普通话"],"interests":["广场舞","书法"],
                 "mobilityNotes":"膝关节不好","healthNotes":"高血压","referralSource":"COMMUNITY_WORKER",
                 "emergencyContact":{"name":"李娟","relation":"女儿","phone":"13900139000"}}
                """.formatted(centreId, fullName, birthDate, phone);
    }

    public static UUID register(String token, UUID centreId, String fullName, String phone) {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(registration(centreId, fullName, phone))
                .when().post("/api/v1/participants")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** A participant with a phone number no other test uses (registered as a confirmed non-duplicate). */
    public static UUID newParticipant(String token, UUID centreId) {
        int n = SEQUENCE.incrementAndGet();
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .queryParam("confirmDuplicate", true)
                .body(registration(centreId, "测试" + n, uniquePhone(), LocalDate.of(1950, 1, 1).plusDays(n)))
                .when().post("/api/v1/participants")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** An 11-digit mobile number, different on every call within the run. */
    public static String uniquePhone() {
        return "166" + String.format("%08d", (System.nanoTime() / 1000 + SEQUENCE.incrementAndGet()) % 100_000_000L);
    }

    public static void changeStatus(String token, UUID participantId, String status) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"status\":\"" + status + "\"}")
                .when().post("/api/v1/participants/" + participantId + "/status")
                .then().statusCode(200);
    }
}
