package org.peercircle.participant.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.PeerCircleInfra;
import org.peercircle.testing.TokenSigner;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * 401 without a valid token, 403 for a wrong role: both as problem+json. A verified token is remembered until it
 * expires (platform's VerifiedTokens): the same token is accepted again without being verified again, an altered
 * copy is still refused, and an expired one too.
 */
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

    @Test
    void anAcceptedTokenIsAcceptedAgainButNoAlteredCopyOfIt() {
        String token = Tokens.forSubject("sw-" + UUID.randomUUID(), Roles.SOCIAL_WORKER);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/v1/centres").then().statusCode(200);
        }
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"social-worker\"", "\"coordinator\"");
        String otherClaims = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String otherSignature = token.substring(0, token.length() - 4) + "AAAA";
        for (String altered : new String[] { otherClaims, otherSignature, token + "A", " " + token }) {
            given().auth().oauth2(altered).when().get("/api/v1/centres")
                    .then().statusCode(401).contentType("application/problem+json");
        }
        given().auth().oauth2(token).when().get("/api/v1/centres").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"X\",\"district\":\"Y\"}")
                .when().post("/api/v1/centres").then().statusCode(403);
    }

    @Test
    void aRepeatedTokenIsNotVerifiedAgain() {
        String token = Tokens.forSubject("repeat-" + UUID.randomUUID(), Roles.COORDINATOR);
        given().auth().oauth2(token).when().get("/api/v1/centres").then().statusCode(200);
        double before = rememberedTokenHits();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/v1/centres").then().statusCode(200);
        }
        assertThat(rememberedTokenHits() - before).isGreaterThanOrEqualTo(3);
    }

    private static double rememberedTokenHits() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("peercircle_verified_tokens_hits_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void anAcceptedTokenIsRefusedOnceItExpires() throws Exception {
        Instant expiry = Instant.now().plusSeconds(3);
        String token = signer().token("short-" + UUID.randomUUID(), Roles.COORDINATOR, expiry);
        given().auth().oauth2(token).when().get("/api/v1/centres").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/centres").then().statusCode(200);
        while (!Instant.now().isAfter(expiry.plusSeconds(1))) {
            Thread.sleep(200);
        }
        given().auth().oauth2(token).when().get("/api/v1/centres")
                .then().statusCode(401).contentType("application/problem+json");
    }

    private static TokenSigner signer() throws Exception {
        byte[] key = Base64.getDecoder().decode(System.getProperty("peercircle.test.private-key"));
        return new TokenSigner(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(key)),
                PeerCircleInfra.ISSUER);
    }
}
