package org.peercircle.participant.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** 401 without a valid token, 403 for a wrong role: both as problem+json. */
@QuarkusTest
class AuthenticationTest {

    @Test
    void noTokenIs401Problem() {
        given().when().get("/api/v1/centres")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    @Test
    void expiredTokenIs401() {
        given().auth().oauth2(Tokens.expired(Roles.COORDINATOR)).when().get("/api/v1/centres")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void tamperedTokenIs401() {
        String token = Tokens.of(Roles.SOCIAL_WORKER);
        String tampered = token.substring(0, token.length() - 4) + "AAAA";
        given().auth().oauth2(tampered).when().get("/api/v1/centres")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void wrongRoleIs403Problem() {
        given().auth().oauth2(Tokens.of(Roles.ANALYST)).contentType(ContentType.JSON)
                .body("{\"name\":\"X\",\"district\":\"Y\"}")
                .when().post("/api/v1/centres")
                .then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
    }
}
