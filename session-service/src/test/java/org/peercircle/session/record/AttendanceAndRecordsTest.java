package org.peercircle.session.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.peercircle.session.Api.as;
import static org.peercircle.session.Api.assertProblem;
import static org.peercircle.session.Api.awaitEvents;
import static org.peercircle.session.Api.createGroup;
import static org.peercircle.session.Api.enrol;
import static org.peercircle.session.Api.eventsOf;
import static org.peercircle.session.Api.templateGroupBody;
import static org.peercircle.session.Api.unique;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.peercircle.contracts.EventJson;
import org.peercircle.contracts.session.AttendanceRecorded;
import org.peercircle.contracts.session.MemberAtRisk;
import org.peercircle.contracts.session.SessionCompleted;
import org.peercircle.platform.participants.ParticipantDirectory;
import org.peercircle.platform.security.Roles;
import org.peercircle.session.Api;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** Attendance, the at-risk signal, process records, completion and programme adjustments, through REST and the broker. */
@QuarkusTest
class AttendanceAndRecordsTest {

    @Inject
    ParticipantDirectory directory;

    @Test
    void twoAbsencesInARowFlagAMemberOncePerRunAndExcusedAbsencesDoNotBreakTheRun() {
        UUID centre = UUID.randomUUID();
        String wang = unique("wang");
        String token = Tokens.forSubject(wang, Roles.FACILITATOR, centre);
        UUID group = createGroup(Api.worker(centre), templateGroupBody(centre, "ADJUSTMENT_6", "2027-10-04", unique("室"), wang, ""));
        List<UUID> p = Api.eligibleParticipants(directory, centre, 3);
        p.forEach(person -> enrol(Api.worker(centre), group, person).statusCode(201));
        List<String> s = Api.sessionIds(token, group);

        record(token, s.get(0), "PRESENT", "ABSENT", "ABSENT");
        record(token, s.get(1), "PRESENT", "ABSENT", "EXCUSED");   // p1: second absence in a row
        record(token, s.get(2), "LATE", "ABSENT", "ABSENT");       // p1: third (same run); p2: absent, excused, absent
        record(token, s.get(2), "LATE", "ABSENT", "ABSENT");       // recorded again: replaces, nothing new
        record(token, s.get(3), "PRESENT", "PRESENT", "PRESENT");  // both come back
        record(token, s.get(4), "PRESENT", "ABSENT", "PRESENT");
        record(token, s.get(5), "PRESENT", "ABSENT", "PRESENT");   // p1: a new run

        // completing the last session fences the stream: every event before it has been relayed by then
        int version = as(token).when().get("/api/v1/sessions/" + s.get(5)).then().extract().path("version");
        as(token).body("{\"version\":" + version + "}").when().post("/api/v1/sessions/" + s.get(5) + "/complete")
                .then().statusCode(200);
        awaitEvents(group, "session.completed.v1", 1);
        List<MemberAtRisk> alerts = eventsOf(group, "member.at-risk.v1", r -> true).stream()
                .map(r -> read(r.value(), MemberAtRisk.class)).toList();
        assertThat(alerts).extracting(MemberAtRisk::participantId, MemberAtRisk::consecutiveAbsences, MemberAtRisk::lastSessionId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(p.get(1), 2, UUID.fromString(s.get(1))),
                        org.assertj.core.groups.Tuple.tuple(p.get(2), 2, UUID.fromString(s.get(2))),
                        org.assertj.core.groups.Tuple.tuple(p.get(1), 2, UUID.fromString(s.get(5))));
        assertThat(alerts).extracting(MemberAtRisk::centreId).containsOnly(centre);

        AttendanceRecorded last = read(awaitEvents(group, "attendance.recorded.v1", 7).get(6).value(), AttendanceRecorded.class);
        assertThat(last.sequence()).isEqualTo(6);
        assertThat(last.attendance()).extracting(AttendanceRecorded.Entry::status).containsExactly("PRESENT", "ABSENT", "PRESENT");
    }

    @Test
    void attendanceMustListEveryMemberOnce() {
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        UUID group = createGroup(token, templateGroupBody(centre, "ADJUSTMENT_6", "2027-11-01", unique("室"), unique("wang"), ""));
        List<UUID> p = Api.eligibleParticipants(directory, centre, 2);
        p.forEach(person -> enrol(token, group, person).statusCode(201));
        String session = Api.sessionIds(token, group).get(0);

        assertProblem(as(token).body("{\"entries\":[{\"participantId\":\"" + p.get(0) + "\",\"status\":\"PRESENT\"}]}")
                .when().put("/api/v1/sessions/" + session + "/attendance").then(), 400)
                .body("violations.field", contains("entries"));
        assertProblem(as(token).body("""
                {"entries":[{"participantId":"%1$s","status":"PRESENT"},{"participantId":"%1$s","status":"LATE"},
                 {"participantId":"%2$s","status":"PRESENT"}]}""".formatted(p.get(0), p.get(1)))
                .when().put("/api/v1/sessions/" + session + "/attendance").then(), 400)
                .body("violations.field", contains("entries[1].participantId"));
        assertProblem(as(token).body("{\"entries\":[{\"participantId\":\"" + p.get(0) + "\",\"status\":\"ASLEEP\"}]}")
                .when().put("/api/v1/sessions/" + session + "/attendance").then(), 400);
    }

    @Test
    void aProcessRecordAndCompletionPublishCountsTagsAndObjectivesMet() {
        UUID centre = UUID.randomUUID();
        String wang = unique("wang");
        String facilitator = Tokens.forSubject(wang, Roles.FACILITATOR, centre);
        UUID group = createGroup(Api.worker(centre), templateGroupBody(centre, "ADJUSTMENT_6", "2027-12-06", unique("室"), wang, ""));
        List<UUID> p = Api.eligibleParticipants(directory, centre, 4);
        p.subList(0, 3).forEach(person -> enrol(Api.worker(centre), group, person).statusCode(201));
        UUID outsider = p.get(3);
        String session = Api.sessionIds(facilitator, group).get(1); // cognitive adjustment: two objectives

        assertProblem(as(facilitator).body("{\"version\":0}").when().post("/api/v1/sessions/" + session + "/complete").then(), 409);

        String record = """
                {"objectiveRatings":[{"objective":1,"rating":4},{"objective":2,"rating":3}],
                 "members":[{"participantId":"%s","participation":"ACTIVE","mood":"CHEERFUL","note":"第一次主动发言"},
                            {"participantId":"%s","participation":"PASSIVE","mood":"LOW"}],
                 "themeTags":["loneliness","technology","loneliness"],"notes":"组员分享了独居的感受"}"""
                .formatted(p.get(0), p.get(1));
        as(facilitator).body(record).when().put("/api/v1/sessions/" + session + "/process-record").then()
                .statusCode(200).body("objectivesMet", equalTo(3.5f)).body("themeTags", contains("loneliness", "technology"))
                .body("members[0].note", equalTo("第一次主动发言")).body("version", equalTo(0));

        assertProblem(as(facilitator).body("{\"objectiveRatings\":[{\"objective\":3,\"rating\":4}],\"version\":0}")
                .when().put("/api/v1/sessions/" + session + "/process-record").then(), 400)
                .body("violations.field", contains("objectiveRatings[0].objective"));
        assertProblem(as(facilitator).body("{\"objectiveRatings\":[{\"objective\":1,\"rating\":6}],\"version\":0}")
                .when().put("/api/v1/sessions/" + session + "/process-record").then(), 400);
        assertProblem(as(facilitator).body("{\"themeTags\":[\"gardening\"],\"version\":0}")
                .when().put("/api/v1/sessions/" + session + "/process-record").then(), 400);
        assertProblem(as(facilitator).body("""
                {"members":[{"participantId":"%s","participation":"ACTIVE","mood":"CALM"}],"version":0}""".formatted(outsider))
                .when().put("/api/v1/sessions/" + session + "/process-record").then(), 400)
                .body("violations.field", contains("members[0].participantId"));
        assertProblem(as(facilitator).body("{\"notes\":\"x\",\"version\":7}")
                .when().put("/api/v1/sessions/" + session + "/process-record").then(), 409);
        as(facilitator).when().get("/api/v1/sessions/" + session + "/process-record").then().statusCode(200)
                .body("notes", equalTo("组员分享了独居的感受")).body("members.size()", equalTo(2));

        record(facilitator, session, "PRESENT", "LATE", "EXCUSED");
        int version = as(facilitator).when().get("/api/v1/sessions/" + session).then().extract().path("version");
        as(facilitator).body("{\"version\":" + version + "}").when().post("/api/v1/sessions/" + session + "/complete")
                .then().statusCode(200).body("status", equalTo("COMPLETED"));

        SessionCompleted completed = read(awaitEvents(group, "session.completed.v1", 1).get(0).value(), SessionCompleted.class);
        assertThat(completed.sessionId()).isEqualTo(UUID.fromString(session));
        assertThat(completed.sequence()).isEqualTo(2);
        assertThat(completed.theme()).isEqualTo("认知调适");
        assertThat(List.of(completed.present(), completed.late(), completed.absent(), completed.excused()))
                .containsExactly(1, 1, 0, 1);
        assertThat(completed.themeTags()).containsExactly("loneliness", "technology");
        assertThat(completed.objectivesMet()).isEqualTo(3.5);

        // once completed, the session's record is final
        assertProblem(as(facilitator).body("{\"entries\":[]}").when().put("/api/v1/sessions/" + session + "/attendance").then(), 409);
        assertProblem(as(facilitator).body("{\"notes\":\"late addition\",\"version\":0}")
                .when().put("/api/v1/sessions/" + session + "/process-record").then(), 409);
        assertProblem(as(facilitator).body("{\"version\":" + (version + 1) + "}")
                .when().post("/api/v1/sessions/" + session + "/complete").then(), 409);
    }

    @Test
    void programmeAdjustmentsAreLoggedAgainstTheGroup() {
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        UUID group = createGroup(token, templateGroupBody(centre, "ADJUSTMENT_6", "2028-01-03", unique("室"), unique("wang"), ""));
        UUID other = createGroup(token, templateGroupBody(centre, "ADJUSTMENT_6", "2028-01-04", unique("室"), unique("li"), ""));
        String session = Api.sessionIds(token, group).get(3);

        as(token).body("""
                {"sessionId":"%s","what":"手机教学拆成两次，每次 60 分钟","why":"组员视力不好，一次学不完"}""".formatted(session))
                .when().post("/api/v1/groups/" + group + "/adjustments").then().statusCode(201);
        as(token).body("{\"what\":\"增加一次家属参与的活动\",\"why\":\"子女希望了解小组\"}")
                .when().post("/api/v1/groups/" + group + "/adjustments").then().statusCode(201);
        assertProblem(as(token).body("{\"sessionId\":\"%s\",\"what\":\"x\",\"why\":\"y\"}".formatted(Api.sessionIds(token, other).get(0)))
                .when().post("/api/v1/groups/" + group + "/adjustments").then(), 400);
        assertProblem(as(token).body("{\"what\":\"\",\"why\":\"y\"}")
                .when().post("/api/v1/groups/" + group + "/adjustments").then(), 400);

        as(token).when().get("/api/v1/groups/" + group + "/adjustments").then().statusCode(200)
                .body("size()", equalTo(2)).body("[0].sessionId", equalTo(session))
                .body("[1].why", equalTo("子女希望了解小组"));
        as(token).when().get("/api/v1/groups/" + other + "/adjustments").then().statusCode(200).body("size()", equalTo(0));
    }

    /** Records the statuses for the first members in enrolment order. */
    private void record(String token, String session, String... statuses) {
        List<String> members = as(token).when().get("/api/v1/groups/" + groupOf(token, session) + "/members").then()
                .extract().jsonPath().getList("enrolled.participantId", String.class);
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < statuses.length; i++) {
            entries.append(i == 0 ? "" : ",").append("{\"participantId\":\"").append(members.get(i))
                    .append("\",\"status\":\"").append(statuses[i]).append("\"}");
        }
        as(token).body("{\"entries\":[" + entries + "]}").when().put("/api/v1/sessions/" + session + "/attendance")
                .then().statusCode(200).body("recorded", equalTo(true));
    }

    private static String groupOf(String token, String session) {
        return as(token).when().get("/api/v1/sessions/" + session).then().statusCode(200).extract().path("groupId");
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.MAPPER.readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
