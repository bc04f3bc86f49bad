package org.peercircle.session.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.peercircle.session.Api.addSession;
import static org.peercircle.session.Api.as;
import static org.peercircle.session.Api.assertProblem;
import static org.peercircle.session.Api.createGroup;
import static org.peercircle.session.Api.enrol;
import static org.peercircle.session.Api.groupBody;
import static org.peercircle.session.Api.unique;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.peercircle.platform.participants.ParticipantDirectory;
import org.peercircle.platform.security.Roles;
import org.peercircle.session.Api;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Roles × endpoints, and who may see which group (facilitators their own only). */
@QuarkusTest
class AccessTest {

    static final List<String> ROLES = List.of(Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.ANALYST,
            Roles.INTEGRATION);
    static final Set<String> STAFF = Set.of(Roles.COORDINATOR, Roles.SOCIAL_WORKER);
    static final Set<String> STAFF_AND_FACILITATORS = Set.of(Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR);
    static final Set<String> READERS = Set.of(Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR, Roles.INTEGRATION);

    @Inject
    ParticipantDirectory directory;

    record Call(String method, String path, String body, Set<String> allowed) {
    }

    @Test
    void eachEndpointAdmitsExactlyItsRoles() {
        UUID centre = UUID.randomUUID();
        String facilitator = "matrix-facilitator-" + UUID.randomUUID();
        UUID group = createGroup(Api.worker(centre), groupBody(centre, 1, 5, facilitator));
        String session = addSession(Api.worker(centre), group, "2028-03-06T09:30:00+08:00", "2028-03-06T11:00:00+08:00",
                unique("室"), facilitator);
        String g = "/api/v1/groups/" + group;
        String s = "/api/v1/sessions/" + session;
        // bodies are deliberately empty or incomplete: an admitted role gets 400/404/409, never 401/403
        List<Call> calls = List.of(
                new Call("POST", "/api/v1/groups", "{}", STAFF),
                new Call("GET", "/api/v1/groups", null, READERS),
                new Call("GET", g, null, READERS),
                new Call("POST", g + "/status", "{}", STAFF),
                new Call("PUT", g, "{}", STAFF),
                new Call("GET", "/api/v1/programme-templates", null, READERS),
                new Call("GET", "/api/v1/programme-templates/ADJUSTMENT_6", null, READERS),
                new Call("POST", "/api/v1/programme-templates", "{}", STAFF),
                new Call("POST", g + "/members", "{}", STAFF),
                new Call("GET", g + "/members", null, STAFF_AND_FACILITATORS),
                new Call("DELETE", g + "/members/" + UUID.randomUUID() + "?reason=HEALTH", null, STAFF),
                new Call("GET", g + "/sessions", null, READERS),
                new Call("POST", g + "/sessions", "{}", STAFF),
                new Call("GET", s, null, READERS),
                new Call("POST", s + "/reschedule", "{}", STAFF),
                new Call("POST", s + "/cancel", "{}", STAFF),
                new Call("PUT", s + "/attendance", "{}", STAFF_AND_FACILITATORS),
                new Call("GET", s + "/attendance", null, STAFF_AND_FACILITATORS),
                new Call("PUT", s + "/process-record", "{\"themeTags\":[\"nope\"]}", STAFF_AND_FACILITATORS),
                new Call("GET", s + "/process-record", null, STAFF_AND_FACILITATORS),
                new Call("POST", s + "/complete", "{}", STAFF_AND_FACILITATORS),
                new Call("POST", g + "/adjustments", "{}", STAFF_AND_FACILITATORS),
                new Call("GET", g + "/adjustments", null, STAFF_AND_FACILITATORS),
                new Call("GET", g + "/calendar.ics", null, READERS),
                new Call("GET", "/api/v1/facilitators/" + facilitator + "/calendar.ics", null, READERS),
                new Call("GET", "/api/v1/theme-tags", null, READERS));

        List<String> wrong = new ArrayList<>();
        for (Call call : calls) {
            for (String role : ROLES) {
                String token = Tokens.forSubject(facilitator, role, centre);
                int status = send(call, token);
                boolean admitted = status != 401 && status != 403;
                if (admitted != call.allowed().contains(role) || status >= 500) {
                    wrong.add(call.method() + " " + call.path() + " as " + role + " → " + status);
                }
            }
            if (send(call, null) != 401) {
                wrong.add(call.method() + " " + call.path() + " without a token is not 401");
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static int send(Call call, String token) {
        var request = token == null ? given() : given().auth().oauth2(token);
        if (call.body() != null) {
            request = request.contentType(ContentType.JSON).body(call.body());
        }
        return request.when().request(call.method(), call.path()).then().extract().statusCode();
    }

    @Test
    void aFacilitatorSeesOnlyTheGroupsTheyFacilitateWithinTheirCentres() {
        UUID centre = UUID.randomUUID();
        String wang = unique("wang");
        String li = unique("li");
        UUID wangs = createGroup(Api.worker(centre), groupBody(centre, 1, 5, wang));
        UUID lis = createGroup(Api.worker(centre), groupBody(centre, 1, 5, li));
        UUID member = Api.eligibleParticipants(directory, centre, 1).get(0);
        enrol(Api.worker(centre), lis, member).statusCode(201);
        String lisSession = addSession(Api.worker(centre), lis, "2028-04-03T09:30:00+08:00", "2028-04-03T11:00:00+08:00",
                unique("室"), li);

        String wangsToken = Tokens.forSubject(wang, Roles.FACILITATOR, centre);
        as(wangsToken).when().get("/api/v1/groups/" + wangs).then().statusCode(200);
        assertProblem(as(wangsToken).when().get("/api/v1/groups/" + lis).then(), 404);
        as(wangsToken).when().get("/api/v1/groups").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(wangs.toString()));
        assertProblem(as(wangsToken).body("{\"entries\":[{\"participantId\":\"" + member + "\",\"status\":\"PRESENT\"}]}")
                .when().put("/api/v1/sessions/" + lisSession + "/attendance").then(), 404);

        String lisToken = Tokens.forSubject(li, Roles.FACILITATOR, centre);
        as(lisToken).body("{\"entries\":[{\"participantId\":\"" + member + "\",\"status\":\"PRESENT\"}]}")
                .when().put("/api/v1/sessions/" + lisSession + "/attendance").then().statusCode(200);
        // the same subject outside its centres sees nothing
        assertProblem(as(Tokens.forSubject(li, Roles.FACILITATOR, UUID.randomUUID())).when()
                .get("/api/v1/groups/" + lis).then(), 404);

        as(Api.worker(centre)).when().get("/api/v1/groups").then().body("total", equalTo(2));
        as(Tokens.of(Roles.INTEGRATION)).when().get("/api/v1/groups/" + lis).then().statusCode(200);
        assertProblem(as(Tokens.of(Roles.ANALYST)).when().get("/api/v1/groups").then(), 403);
    }
}
