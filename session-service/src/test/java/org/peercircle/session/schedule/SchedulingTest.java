package org.peercircle.session.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.peercircle.session.Api.addSession;
import static org.peercircle.session.Api.as;
import static org.peercircle.session.Api.assertProblem;
import static org.peercircle.session.Api.awaitEvents;
import static org.peercircle.session.Api.createGroup;
import static org.peercircle.session.Api.enrol;
import static org.peercircle.session.Api.groupBody;
import static org.peercircle.session.Api.templateGroupBody;
import static org.peercircle.session.Api.unique;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.peercircle.contracts.EventJson;
import org.peercircle.contracts.session.SessionScheduled;
import org.peercircle.platform.participants.ParticipantDirectory;
import org.peercircle.session.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Clashes of venue, facilitator and member answer 409 listing each clash; reschedules and cancellations. */
@QuarkusTest
class SchedulingTest {

    @Inject
    ParticipantDirectory directory;

    @Test
    void aSecondProgrammeInTheSameRoomAtTheSameTimesIsRefusedWithEveryClashListed() {
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        String room = unique("活动室");
        UUID first = createGroup(token, templateGroupBody(centre, "ADJUSTMENT_6", "2027-01-04", room, unique("wang"), ""));
        List<String> booked = Api.sessionIds(token, first);

        var response = as(token).body(templateGroupBody(centre, "ADJUSTMENT_6", "2027-01-04", room, unique("li"), ""))
                .when().post("/api/v1/groups").then();
        assertProblem(response, 409);
        JsonPath problem = response.extract().jsonPath();
        assertThat(problem.getList("clashes.kind", String.class)).hasSize(6).containsOnly("VENUE");
        assertThat(problem.getList("clashes.resource", String.class)).containsOnly(room);
        assertThat(problem.getList("clashes.otherSessionId", String.class)).containsExactlyElementsOf(booked);
        assertThat(problem.getList("clashes.sequence", Integer.class)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(as(token).when().get("/api/v1/groups?centreId=" + centre).then().extract().jsonPath().getInt("total"))
                .isEqualTo(1);

        // the same times in a room of the same name in another centre are fine
        UUID otherCentre = UUID.randomUUID();
        createGroup(Api.worker(otherCentre), templateGroupBody(otherCentre, "ADJUSTMENT_6", "2027-01-04", room, unique("li"), ""));
    }

    @Test
    void aFacilitatorCannotLeadTwoOverlappingSessions() {
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        String wang = unique("wang");
        UUID first = createGroup(token, groupBody(centre, 1, 5, wang));
        UUID second = createGroup(token, groupBody(centre, 1, 5, wang));
        String booked = addSession(token, first, "2027-02-01T09:30:00+08:00", "2027-02-01T11:00:00+08:00", unique("室"), wang);

        var response = as(token).body("""
                {"theme":{"zh":"加场","en":"Extra"},"startsAt":"2027-02-01T10:30:00+08:00",
                 "endsAt":"2027-02-01T12:00:00+08:00","venue":"%s","facilitator":"%s"}""".formatted(unique("室"), wang))
                .when().post("/api/v1/groups/" + second + "/sessions").then();
        assertProblem(response, 409);
        response.body("clashes.size()", equalTo(1)).body("clashes[0].kind", equalTo("FACILITATOR"))
                .body("clashes[0].resource", equalTo(wang)).body("clashes[0].otherSessionId", equalTo(booked))
                .body("clashes[0].otherGroupId", equalTo(first.toString()));
        assertThat(Api.sessionIds(token, second)).isEmpty();
    }

    @Test
    void aMemberCannotBeInOverlappingSessionsOfTwoGroups() {
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        UUID morning = createGroup(token, groupBody(centre, 1, 5));
        UUID other = createGroup(token, groupBody(centre, 1, 5));
        addSession(token, morning, "2027-03-01T09:30:00+08:00", "2027-03-01T11:00:00+08:00", unique("室"), null);
        String later = addSession(token, other, "2027-03-01T14:00:00+08:00", "2027-03-01T15:30:00+08:00", unique("室"), null);
        List<UUID> people = Api.eligibleParticipants(directory, centre, 2);
        UUID both = people.get(0);
        enrol(token, morning, both).statusCode(201);
        enrol(token, other, both).statusCode(201);
        enrol(token, other, people.get(1)).statusCode(201);

        // moving the afternoon session onto the morning one would put `both` in two places at once
        var moved = as(token).body("""
                {"startsAt":"2027-03-01T10:00:00+08:00","endsAt":"2027-03-01T11:30:00+08:00","reason":"改到上午","version":0}""")
                .when().post("/api/v1/sessions/" + later + "/reschedule").then();
        assertProblem(moved, 409);
        moved.body("clashes.kind", org.hamcrest.Matchers.contains("MEMBER"))
                .body("clashes[0].resource", equalTo(both.toString()));
        as(token).when().get("/api/v1/sessions/" + later).then().body("startsAt", equalTo("2027-03-01T14:00:00+08:00"));

        // and joining a third group whose session overlaps is refused as well
        UUID third = createGroup(token, groupBody(centre, 1, 5));
        addSession(token, third, "2027-03-01T10:45:00+08:00", "2027-03-01T12:00:00+08:00", unique("室"), null);
        assertProblem(enrol(token, third, both), 409).body("clashes[0].kind", equalTo("MEMBER"));
        as(token).when().get("/api/v1/groups/" + third + "/members").then().body("enrolled.size()", equalTo(0));
    }

    @Test
    void rescheduleAndCancelKeepTheirReasonsAndTheLatestEventIsTheSessionsState() {
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        UUID group = createGroup(token, groupBody(centre, 1, 5));
        String session = addSession(token, group, "2027-05-03T09:30:00+08:00", "2027-05-03T11:00:00+08:00", unique("室"), null);

        as(token).body("""
                {"startsAt":"2027-05-10T14:00:00+08:00","endsAt":"2027-05-10T15:30:00+08:00","venue":"礼堂",
                 "reason":"活动室维修","version":0}""").when().post("/api/v1/sessions/" + session + "/reschedule")
                .then().statusCode(200).body("startsAt", equalTo("2027-05-10T14:00:00+08:00"))
                .body("venue", equalTo("礼堂")).body("changes[0].kind", equalTo("RESCHEDULED"))
                .body("changes[0].reason", equalTo("活动室维修"))
                .body("changes[0].previousStartsAt", equalTo("2027-05-03T09:30:00+08:00")).body("version", equalTo(1));
        assertProblem(as(token).body("{\"reason\":\"下雨\",\"version\":0}").when()
                .post("/api/v1/sessions/" + session + "/cancel").then(), 409).body("currentVersion", equalTo(1));
        as(token).body("{\"reason\":\"台风停课\",\"version\":1}").when().post("/api/v1/sessions/" + session + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("changes[1].reason", equalTo("台风停课"));
        assertProblem(as(token).body("""
                {"startsAt":"2027-05-17T14:00:00+08:00","endsAt":"2027-05-17T15:30:00+08:00","reason":"补课","version":2}""")
                .when().post("/api/v1/sessions/" + session + "/reschedule").then(), 409).body("sessionStatus", equalTo("CANCELLED"));

        List<SessionScheduled> events = awaitEvents(group, "session.scheduled.v1", 3).stream()
                .map(r -> read(r.value())).filter(e -> e.sessionId().toString().equals(session)).toList();
        assertThat(events).extracting(SessionScheduled::status).containsExactly("SCHEDULED", "SCHEDULED", "CANCELLED");
        assertThat(events.get(1).startsAt()).isEqualTo(OffsetDateTime.parse("2027-05-10T14:00:00+08:00"));
        assertThat(events.get(2).startsAt()).isEqualTo(events.get(1).startsAt());
    }

    @Test
    void aCancelledSessionFreesItsRoom() {
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        String room = unique("活动室");
        UUID first = createGroup(token, groupBody(centre, 1, 5));
        String s = addSession(token, first, "2027-06-07T09:30:00+08:00", "2027-06-07T11:00:00+08:00", room, null);
        UUID second = createGroup(token, groupBody(centre, 1, 5));
        as(token).body(Map.of("theme", Map.of("zh", "加场"), "startsAt", "2027-06-07T10:00:00+08:00",
                "endsAt", "2027-06-07T11:00:00+08:00", "venue", room)).when().post("/api/v1/groups/" + second + "/sessions")
                .then().statusCode(409);
        as(token).body("{\"reason\":\"取消\",\"version\":0}").when().post("/api/v1/sessions/" + s + "/cancel").then().statusCode(200);
        as(token).body(Map.of("theme", Map.of("zh", "加场"), "startsAt", "2027-06-07T10:00:00+08:00",
                "endsAt", "2027-06-07T11:00:00+08:00", "venue", room)).when().post("/api/v1/groups/" + second + "/sessions")
                .then().statusCode(201);
    }

    @Test
    void closingAGroupCancelsItsRemainingSessionsAndFreesTheirRoom() {
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        String room = unique("活动室");
        UUID group = createGroup(token, templateGroupBody(centre, "ADJUSTMENT_6", "2028-07-03", room, unique("wang"), ""));

        as(token).body("{\"status\":\"CLOSED\",\"version\":0}").when().post("/api/v1/groups/" + group + "/status")
                .then().statusCode(200).body("status", equalTo("CLOSED"));

        JsonPath sessions = as(token).when().get("/api/v1/groups/" + group + "/sessions").then().extract().jsonPath();
        assertThat(sessions.getList("status", String.class)).hasSize(6).containsOnly("CANCELLED");
        assertThat(sessions.getList("changes.reason.flatten()", String.class)).hasSize(6).containsOnly("小组已结束 / group closed");
        List<SessionScheduled> events = awaitEvents(group, "session.scheduled.v1", 12).stream().map(r -> read(r.value())).toList();
        assertThat(events.subList(6, 12)).extracting(SessionScheduled::status).containsOnly("CANCELLED");
        createGroup(token, templateGroupBody(centre, "ADJUSTMENT_6", "2028-07-03", room, unique("li"), ""));
    }

    private static SessionScheduled read(String json) {
        try {
            return EventJson.MAPPER.readValue(json, SessionScheduled.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
