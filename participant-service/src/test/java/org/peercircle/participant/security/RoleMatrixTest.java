package org.peercircle.participant.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peercircle.participant.Fixtures;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint × the five roles: the allowed roles get the success status, the others 403. Then a social
 * worker (and a facilitator) of centre B get 404 for everything of centre A they could otherwise reach, and
 * their attempted writes change nothing. The matrix must cover every operation in the OpenAPI document.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final List<String> ROLES = List.of(Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR,
            Roles.ANALYST, Roles.INTEGRATION);
    private static final Set<String> ALL = Set.copyOf(ROLES);
    private static final String COORD = Roles.COORDINATOR;
    private static final String SW = Roles.SOCIAL_WORKER;
    private static final String FAC = Roles.FACILITATOR;
    private static final String INT = Roles.INTEGRATION;

    private final String coordinator = Tokens.of(Roles.COORDINATOR);
    private UUID centreA;
    private UUID shared;
    private UUID withSnapshot;

    /** One operation: how to call it against centre A, who may, and what success looks like. */
    private record Endpoint(String method, String template, Set<String> allowed, int success,
            Function<RoleMatrixTest, String> path, Function<RoleMatrixTest, String> body, String contentType) {
    }

    private List<Endpoint> endpoints() {
        String json = ContentType.JSON.toString();
        String p = "/api/v1/participants/";
        return List.of(
                new Endpoint("POST", "/api/v1/centres", Set.of(COORD), 201, t -> "/api/v1/centres",
                        t -> "{\"name\":\"Matrix " + UUID.randomUUID() + "\",\"district\":\"天河区\"}", json),
                new Endpoint("GET", "/api/v1/centres", ALL, 200, t -> "/api/v1/centres", null, null),
                new Endpoint("GET", "/api/v1/centres/{id}", ALL, 200, t -> "/api/v1/centres/" + t.centreA, null, null),
                new Endpoint("PUT", "/api/v1/centres/{id}/eligibility-rule", Set.of(COORD), 200,
                        t -> "/api/v1/centres/" + Fixtures.createCentre("Matrix rule " + UUID.randomUUID()) + "/eligibility-rule",
                        t -> RULE, json),
                new Endpoint("GET", "/api/v1/centres/{id}/eligibility-rule", Set.of(COORD, SW), 200,
                        t -> "/api/v1/centres/" + t.centreA + "/eligibility-rule", null, null),
                new Endpoint("POST", "/api/v1/participants", Set.of(COORD, SW, INT), 201, t -> "/api/v1/participants",
                        t -> Fixtures.registration(t.centreA, "矩阵" + UUID.randomUUID().toString().substring(0, 4),
                                Fixtures.uniquePhone(), LocalDate.of(1930, 1, 1).plusDays(t.counter++)), json),
                new Endpoint("GET", "/api/v1/participants", Set.of(COORD, SW, INT), 200, t -> "/api/v1/participants",
                        null, null),
                new Endpoint("GET", "/api/v1/participants/{id}", Set.of(COORD, SW, FAC, INT), 200, t -> p + t.shared,
                        null, null),
                new Endpoint("PATCH", "/api/v1/participants/{id}", Set.of(COORD, SW), 200, t -> p + t.fresh(),
                        t -> "{\"version\":0,\"neighbourhood\":\"石牌社区\"}", json),
                new Endpoint("DELETE", "/api/v1/participants/{id}", Set.of(COORD), 204, t -> p + t.fresh(), null, null),
                new Endpoint("POST", "/api/v1/participants/{id}/status", Set.of(COORD, SW), 200,
                        t -> p + t.fresh() + "/status", t -> "{\"status\":\"SCREENING\"}", json),
                new Endpoint("GET", "/api/v1/participants/{id}/status-history", Set.of(COORD, SW), 200,
                        t -> p + t.shared + "/status-history", null, null),
                new Endpoint("POST", "/api/v1/participants/{id}/screening-decisions", Set.of(COORD, SW), 201,
                        t -> p + t.fresh() + "/screening-decisions", t -> "{\"outcome\":\"ELIGIBLE\",\"reason\":\"评估\"}", json),
                new Endpoint("GET", "/api/v1/participants/{id}/screening-decisions", Set.of(COORD, SW), 200,
                        t -> p + t.shared + "/screening-decisions", null, null),
                new Endpoint("GET", "/api/v1/participants/{id}/consents", Set.of(COORD, SW), 200,
                        t -> p + t.shared + "/consents", null, null),
                new Endpoint("PUT", "/api/v1/participants/{id}/consents/{type}", Set.of(COORD, SW), 200,
                        t -> p + t.shared + "/consents/SERVICE", t -> GRANT, json),
                new Endpoint("POST", "/api/v1/participants/{id}/consents/{type}/withdrawal", Set.of(COORD, SW), 200,
                        t -> p + t.freshWithConsent() + "/consents/SERVICE/withdrawal", t -> GRANT, json),
                new Endpoint("POST", "/api/v1/participants/{id}/network-snapshots", Set.of(COORD, SW, FAC), 201,
                        t -> p + t.shared + "/network-snapshots", t -> SNAPSHOT, json),
                new Endpoint("GET", "/api/v1/participants/{id}/network-snapshots", Set.of(COORD, SW, FAC), 200,
                        t -> p + t.shared + "/network-snapshots", null, null),
                new Endpoint("GET", "/api/v1/participants/{id}/network-snapshots/compare", Set.of(COORD, SW, FAC), 200,
                        t -> p + t.withSnapshot + "/network-snapshots/compare", null, null),
                new Endpoint("GET", "/api/v1/participants/{id}/peer-matches", Set.of(COORD, SW, FAC), 200,
                        t -> p + t.shared + "/peer-matches", null, null),
                new Endpoint("GET", "/api/v1/audit-log", Set.of(COORD), 200, t -> "/api/v1/audit-log", null, null));
    }

    private static final String RULE = "{\"combinator\":\"ANY\",\"conditions\":[{\"instrumentCode\":\"UCLA-LS3\","
            + "\"operator\":\"GTE\",\"threshold\":45}]}";
    private static final String GRANT = "{\"givenBy\":\"SELF\",\"date\":\"" + LocalDate.now().minusDays(1) + "\"}";
    private static final String SNAPSHOT = "{\"recordedOn\":\"" + LocalDate.now() + "\",\"occasion\":\"BASELINE\","
            + "\"ties\":[{\"name\":\"女儿\",\"type\":\"FAMILY\",\"supportKinds\":[\"EXPRESSIVE\"],"
            + "\"contactFrequency\":\"WEEKLY\",\"closeness\":4}]}";

    private int counter;

    @BeforeEach
    void centreA() {
        centreA = Fixtures.createCentre("Matrix A " + UUID.randomUUID());
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(RULE)
                .when().put("/api/v1/centres/" + centreA + "/eligibility-rule").then().statusCode(200);
        shared = fresh();
        withSnapshot = fresh();
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(SNAPSHOT)
                .when().post("/api/v1/participants/" + withSnapshot + "/network-snapshots").then().statusCode(201);
    }

    private UUID fresh() {
        return Fixtures.newParticipant(coordinator, centreA);
    }

    private UUID freshWithConsent() {
        UUID id = fresh();
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(GRANT)
                .when().put("/api/v1/participants/" + id + "/consents/SERVICE").then().statusCode(200);
        return id;
    }

    private Response call(Endpoint e, String token) {
        RequestSpecification request = given().auth().oauth2(token);
        if (e.body() != null) {
            request = request.contentType(e.contentType()).body(e.body().apply(this));
        }
        return request.when().request(e.method(), e.path().apply(this));
    }

    @Test
    void everyEndpointAnswersEachRoleAsDesigned() {
        SoftAssertions softly = new SoftAssertions();
        for (Endpoint e : endpoints()) {
            for (String role : ROLES) {
                Response r = call(e, Tokens.of(role, centreA));
                int expected = e.allowed().contains(role) ? e.success() : 403;
                softly.assertThat(r.statusCode()).as("%s %s as %s: %s", e.method(), e.template(), role,
                        r.asString()).isEqualTo(expected);
            }
        }
        softly.assertAll();
    }

    @Test
    void aWorkerOfCentreBSeesNothingOfCentreA() {
        UUID centreB = Fixtures.createCentre("Matrix B " + UUID.randomUUID());
        SoftAssertions softly = new SoftAssertions();
        for (Endpoint e : endpoints()) {
            boolean centreScoped = e.template().contains("{id}") || e.method().equals("POST")
                    && e.template().equals("/api/v1/participants");
            if (!centreScoped) {
                continue;
            }
            for (String role : List.of(SW, FAC)) {
                if (!e.allowed().contains(role)) {
                    continue;
                }
                Response r = call(e, Tokens.of(role, centreB));
                softly.assertThat(r.statusCode()).as("%s %s as %s of centre B: %s", e.method(), e.template(), role,
                        r.asString()).isEqualTo(404);
                softly.assertThat(r.contentType()).startsWith("application/problem+json");
            }
        }
        softly.assertThat(given().auth().oauth2(Tokens.of(SW, centreB)).queryParam("centreId", centreA)
                .when().get("/api/v1/participants").statusCode()).as("list narrowed to centre A").isEqualTo(404);
        softly.assertAll();

        // the attempted writes changed nothing
        given().auth().oauth2(coordinator).when().get("/api/v1/participants/" + shared)
                .then().statusCode(200).body("version", org.hamcrest.Matchers.equalTo(0))
                .body("status", org.hamcrest.Matchers.equalTo("REFERRED"));
        given().auth().oauth2(coordinator).when().get("/api/v1/participants/" + shared + "/network-snapshots")
                .then().body("$", org.hamcrest.Matchers.hasSize(0));
        given().auth().oauth2(coordinator).when().get("/api/v1/participants/" + shared + "/consents")
                .then().body("history", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void theMatrixCoversEveryOperationOfTheOpenApiDocument() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey()));
        }
        List<String> covered = new ArrayList<>();
        endpoints().forEach(e -> covered.add(e.method() + " " + e.template()));
        assertThat(covered).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(covered)).isEqualTo(documented);
    }
}
