package org.peercircle.participant;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Tokens;

import io.restassured.http.ContentType;

/** Requests the tests share: a centre and a valid registration body. */
public final class Fixtures {

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
        return """
                {"centreId":"%s","fullName":"%s","gender":"FEMALE","birthDate":"1955-06-01","phone":"%s",
                 "neighbourhood":"天河北社区","livingSituation":"WITH_GRANDCHILDREN",
                 "hometown":{"province":"湖南省","city":"衡阳市"},"movedToCityYear":2018,
                 "moveReason":"CARING_FOR_GRANDCHILDREN","referralSource":"COMMUNITY_WORKER"}
                """.formatted(centreId, fullName, phone);
    }

    public static UUID register(String token, UUID centreId, String fullName, String phone) {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(registration(centreId, fullName, phone))
                .when().post("/api/v1/participants")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static void changeStatus(String token, UUID participantId, String status) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"status\":\"" + status + "\"}")
                .when().post("/api/v1/participants/" + participantId + "/status")
                .then().statusCode(200);
    }
}
