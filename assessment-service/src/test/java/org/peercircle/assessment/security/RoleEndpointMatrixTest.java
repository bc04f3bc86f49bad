package org.peercircle.assessment.security;

import static io.restassured.RestAssured.given;
import static org.peercircle.assessment.Fixtures.form;
import static org.peercircle.assessment.Fixtures.participant;
import static org.peercircle.assessment.Fixtures.socialWorker;
import static org.peercircle.assessment.Fixtures.submitted;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.peercircle.assessment.Fixtures;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint against every role: allowed roles get past security (whatever the answer then is), the others get
 * 403, and no token gets 401. Coordinators define instruments and load wording; social workers, facilitators
 * (limited to their centres: a facilitator's groups are not known here) and the city platform submit and amend
 * forms; analysts see nothing here.
 */
@QuarkusTest
class RoleEndpointMatrixTest {

    static final List<String> ROLES = List.of(Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR,
            Roles.ANALYST, Roles.INTEGRATION);
    static final Set<String> READERS = Set.of(Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR,
            Roles.INTEGRATION);
    static final Set<String> RECORDERS = Set.of(Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.INTEGRATION);

    record Endpoint(String name, Set<String> allowed, BiFunction<RequestSpecification, String, Response> call) {
    }

    @Test
    void rolesMeetEndpoints() {
        UUID centre = UUID.randomUUID();
        UUID p = participant(centre);
        UUID group = Fixtures.group(centre);
        UUID administration = submitted(socialWorker(centre), form(p, group, "UCLA-3", "PRE",
                "{\"1\": 1, \"2\": 2, \"3\": 2}"));
        String uclaForm = form(p, group, "UCLA-3", "POST", "{\"1\": 1, \"2\": 1, \"3\": 1}");
        String amendment = "{\"version\": 0, \"answers\": {\"1\": 2, \"2\": 2, \"3\": 2}, \"reason\": \"矩阵测试\"}";
        String texts = "{\"items\": {\"1\": {\"text\": \"wording\"}}}";

        List<Endpoint> endpoints = List.of(
                new Endpoint("GET /instruments", READERS, (r, role) -> r.get("/api/v1/instruments")),
                new Endpoint("GET /instruments/{code}", READERS, (r, role) -> r.get("/api/v1/instruments/GDS-15")),
                new Endpoint("GET /instruments/{code}/fhir", READERS,
                        (r, role) -> r.get("/api/v1/instruments/GDS-15/fhir")),
                new Endpoint("POST /instruments", Set.of(Roles.COORDINATOR), (r, role) -> r.contentType(ContentType.JSON)
                        .body(definition()).post("/api/v1/instruments")),
                new Endpoint("PUT /instruments/{code}/versions/{v}/texts/{locale}", Set.of(Roles.COORDINATOR),
                        (r, role) -> r.contentType(ContentType.JSON).body(texts)
                                .put("/api/v1/instruments/ALIENATION-7/versions/1/texts/en")),
                new Endpoint("POST /administrations", RECORDERS, (r, role) -> r.contentType(ContentType.JSON)
                        .body(uclaForm).post("/api/v1/administrations")),
                new Endpoint("GET /administrations/{id}", READERS,
                        (r, role) -> r.get("/api/v1/administrations/" + administration)),
                new Endpoint("GET /administrations/{id}/fhir", READERS,
                        (r, role) -> r.get("/api/v1/administrations/" + administration + "/fhir")),
                new Endpoint("POST /administrations/{id}/amendments", RECORDERS,
                        (r, role) -> r.contentType(ContentType.JSON).body(amendment)
                                .post("/api/v1/administrations/" + administration + "/amendments")),
                new Endpoint("GET /participants/{id}/scores", READERS,
                        (r, role) -> r.get("/api/v1/participants/" + p + "/scores")),
                new Endpoint("GET /groups/{id}/assessment-status",
                        Set.of(Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR),
                        (r, role) -> r.get("/api/v1/groups/" + group + "/assessment-status")));

        SoftAssertions soft = new SoftAssertions();
        for (Endpoint endpoint : endpoints) {
            int anonymous = endpoint.call().apply(given(), "none").statusCode();
            soft.assertThat(anonymous).as("%s without a token", endpoint.name()).isEqualTo(401);
            for (String role : ROLES) {
                int status = endpoint.call().apply(given().auth().oauth2(Tokens.of(role, centre)), role).statusCode();
                if (endpoint.allowed().contains(role)) {
                    soft.assertThat(status).as("%s as %s", endpoint.name(), role).isBetween(200, 499)
                            .isNotIn(401, 403);
                } else {
                    soft.assertThat(status).as("%s as %s", endpoint.name(), role).isEqualTo(403);
                }
            }
        }
        soft.assertAll();
    }

    static String definition() {
        return """
                {"code": "MATRIX-%d", "version": 1, "name": {"zh-CN": "矩阵", "en": "Matrix"}, "source": "test",
                 "licence": "test",
                 "items": [{"id": "1", "options": [{"value": 0, "label": {"en": "no"}}, {"value": 1, "label": {"en": "yes"}}]}],
                 "scoring": {"total": {"code": "total", "method": "SUM", "range": {"min": 0, "max": 1}}},
                 "higherIsWorse": false}
                """.formatted(ThreadLocalRandom.current().nextInt(1_000_000));
    }
}
