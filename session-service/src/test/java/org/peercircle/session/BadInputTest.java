package org.peercircle.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.peercircle.session.Api.addSession;
import static org.peercircle.session.Api.as;
import static org.peercircle.session.Api.assertProblem;
import static org.peercircle.session.Api.createGroup;
import static org.peercircle.session.Api.enrol;
import static org.peercircle.session.Api.groupBody;
import static org.peercircle.session.Api.unique;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.peercircle.platform.participants.ParticipantDirectory;

import io.quarkus.test.junit.QuarkusTest;

/** Each kind of bad input the issue names answers problem+json and leaves nothing half-written. */
@QuarkusTest
class BadInputTest {

    @Inject
    ParticipantDirectory directory;

    private long groupsIn(UUID centre) {
        return as(Api.coordinator()).when().get("/api/v1/groups?centreId=" + centre).then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    @Test
    void anEndBeforeTheStartIsRefusedAndNoSessionIsWritten() {
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        UUID group = createGroup(token, groupBody(centre, 1, 5));

        var response = as(token).body("""
                {"theme":{"zh":"加场","en":"Extra"},"startsAt":"2027-03-01T11:00:00+08:00",
                 "endsAt":"2027-03-01T09:30:00+08:00"}""").when().post("/api/v1/groups/" + group + "/sessions").then();
        assertProblem(response, 400);
        response.body("violations.field", contains("endsAt"));
        assertThat(Api.sessionIds(token, group)).isEmpty();

        String session = addSession(token, group, "2027-03-01T09:30:00+08:00", "2027-03-01T11:00:00+08:00", unique("室"), null);
        var moved = as(token).body("""
                {"startsAt":"2027-03-08T11:00:00+08:00","endsAt":"2027-03-08T10:00:00+08:00","reason":"调整","version":0}""")
                .when().post("/api/v1/sessions/" + session + "/reschedule").then();
        assertProblem(moved, 400);
        moved.body("violations.field", contains("endsAt"));
        as(token).when().get("/api/v1/sessions/" + session).then().statusCode(200)
                .body("startsAt", equalTo("2027-03-01T09:30:00+08:00")).body("changes.size()", equalTo(0));
    }

    @Test
    void aCapacityWhoseMaximumIsBelowItsMinimumIsRefused() {
        UUID centre = UUID.randomUUID();
        var response = as(Api.worker(centre)).body(groupBody(centre, 8, 5)).when().post("/api/v1/groups").then();
        assertProblem(response, 400);
        response.body("violations.field", contains("capacity.max"));
        assertThat(groupsIn(centre)).isZero();
    }

    @Test
    void anUnknownTemplateIsRefusedAndNoGroupIsCreated() {
        UUID centre = UUID.randomUUID();
        var response = as(Api.worker(centre)).body(Api.templateGroupBody(centre, "NO_SUCH_PROGRAMME", "2027-03-01",
                unique("室"), unique("wang"), "")).when().post("/api/v1/groups").then();
        assertProblem(response, 400);
        response.body("violations.field", contains("templateCode"))
                .body("violations.message", hasItem(containsString("NO_SUCH_PROGRAMME")));
        assertThat(groupsIn(centre)).isZero();
    }

    @Test
    void otherMistakesInAGroupAreEachNamed() {
        UUID centre = UUID.randomUUID();
        // 2027-03-02 is a Tuesday
        var response = as(Api.worker(centre)).body("""
                {"centreId":"%s","name":"","kind":"SUPPORT_GROUP","capacity":{"min":2,"max":6},"timeZone":"Mars/Olympus",
                 "templateCode":"ADJUSTMENT_6","schedule":{"firstDate":"2027-03-02","weekday":"MONDAY","startTime":"09:30",
                 "facilitator":"nobody"}}""".formatted(centre)).when().post("/api/v1/groups").then();
        assertProblem(response, 400);
        response.body("violations.field", contains("name"));
        var semantic = as(Api.worker(centre)).body("""
                {"centreId":"%s","name":"小组","kind":"SUPPORT_GROUP","capacity":{"min":2,"max":6},"timeZone":"Mars/Olympus",
                 "templateCode":"ADJUSTMENT_6","schedule":{"firstDate":"2027-03-02","weekday":"MONDAY","startTime":"09:30",
                 "facilitator":"nobody"}}""".formatted(centre)).when().post("/api/v1/groups").then();
        assertProblem(semantic, 400);
        assertThat(semantic.extract().jsonPath().getList("violations.field", String.class))
                .containsExactlyInAnyOrder("timeZone", "schedule.weekday", "schedule.facilitator");
        assertThat(groupsIn(centre)).isZero();
    }

    @Test
    void attendanceForSomeoneWhoIsNotAMemberNamesThatPersonAndRecordsNothing() {
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        UUID group = createGroup(token, groupBody(centre, 1, 5));
        List<UUID> people = Api.eligibleParticipants(directory, centre, 3);
        enrol(token, group, people.get(0)).statusCode(201);
        enrol(token, group, people.get(1)).statusCode(201);
        UUID stranger = people.get(2);
        String session = addSession(token, group, "2027-04-05T09:30:00+08:00", "2027-04-05T11:00:00+08:00", unique("室"), null);

        var response = as(token).body("""
                {"entries":[{"participantId":"%s","status":"PRESENT"},{"participantId":"%s","status":"ABSENT"},
                 {"participantId":"%s","status":"PRESENT"}]}""".formatted(people.get(0), people.get(1), stranger))
                .when().put("/api/v1/sessions/" + session + "/attendance").then();
        assertProblem(response, 400);
        response.body("violations.field", contains("entries[2].participantId"))
                .body("violations[0].message", containsString(stranger.toString()))
                .body("nonMembers", contains(stranger.toString()));
        as(token).when().get("/api/v1/sessions/" + session + "/attendance").then().statusCode(200)
                .body("recorded", equalTo(false)).body("entries.size()", equalTo(0));
    }

    @Test
    void attendanceOnACancelledSessionIsAConflictAndRecordsNothing() {
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        UUID group = createGroup(token, groupBody(centre, 1, 5));
        UUID member = Api.eligibleParticipants(directory, centre, 1).get(0);
        enrol(token, group, member).statusCode(201);
        String session = addSession(token, group, "2027-04-12T09:30:00+08:00", "2027-04-12T11:00:00+08:00", unique("室"), null);
        as(token).body("{\"reason\":\"台风停课\",\"version\":0}").when().post("/api/v1/sessions/" + session + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));

        var response = as(token).body("{\"entries\":[{\"participantId\":\"" + member + "\",\"status\":\"PRESENT\"}]}")
                .when().put("/api/v1/sessions/" + session + "/attendance").then();
        assertProblem(response, 409);
        response.body("sessionStatus", equalTo("CANCELLED"));
        as(token).when().get("/api/v1/sessions/" + session + "/attendance").then().statusCode(200)
                .body("recorded", equalTo(false));
    }

    @Test
    void anotherCentresGroupIsNotFoundAndCannotBeChanged() {
        UUID centreA = UUID.randomUUID();
        UUID centreB = UUID.randomUUID();
        String a = Api.worker(centreA);
        String b = Api.worker(centreB);
        UUID group = createGroup(a, groupBody(centreA, 1, 5));
        UUID member = Api.eligibleParticipants(directory, centreA, 1).get(0);
        String session = addSession(a, group, "2027-04-19T09:30:00+08:00", "2027-04-19T11:00:00+08:00", unique("室"), null);

        assertProblem(as(b).when().get("/api/v1/groups/" + group).then(), 404);
        assertProblem(as(b).when().get("/api/v1/groups/" + group + "/members").then(), 404);
        assertProblem(enrol(b, group, member), 404);
        assertProblem(as(b).when().get("/api/v1/groups/" + group + "/sessions").then(), 404);
        assertProblem(as(b).body("{\"status\":\"RECRUITING\",\"version\":0}").when()
                .post("/api/v1/groups/" + group + "/status").then(), 404);
        assertProblem(as(b).when().get("/api/v1/sessions/" + session).then(), 404);
        assertProblem(as(b).body("{\"reason\":\"x\",\"version\":0}").when()
                .post("/api/v1/sessions/" + session + "/cancel").then(), 404);
        assertProblem(as(b).body("{\"entries\":[]}").when().put("/api/v1/sessions/" + session + "/attendance").then(), 404);
        assertProblem(as(b).when().get("/api/v1/groups/" + group + "/calendar.ics").then(), 404);
        assertProblem(as(b).body(groupBody(centreA, 1, 5)).when().post("/api/v1/groups").then(), 404);

        as(a).when().get("/api/v1/groups/" + group + "/members").then().statusCode(200).body("enrolled.size()", equalTo(0));
        as(a).when().get("/api/v1/groups/" + group).then().statusCode(200).body("status", equalTo("PLANNING"));
        as(a).when().get("/api/v1/sessions/" + session).then().statusCode(200).body("status", equalTo("SCHEDULED"));
        assertThat(groupsIn(centreA)).isEqualTo(1);
    }
}
