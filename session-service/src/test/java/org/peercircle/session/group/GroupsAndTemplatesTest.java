package org.peercircle.session.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.peercircle.session.Api.as;
import static org.peercircle.session.Api.assertProblem;
import static org.peercircle.session.Api.awaitEvents;
import static org.peercircle.session.Api.coordinator;
import static org.peercircle.session.Api.createGroup;
import static org.peercircle.session.Api.enrol;
import static org.peercircle.session.Api.groupBody;
import static org.peercircle.session.Api.templateGroupBody;
import static org.peercircle.session.Api.unique;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.peercircle.contracts.EventJson;
import org.peercircle.contracts.session.GroupCreated;
import org.peercircle.contracts.session.GroupUpdated;
import org.peercircle.contracts.session.SessionScheduled;
import org.peercircle.platform.participants.ParticipantDirectory;
import org.peercircle.session.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Programme templates as data, groups planned from them, and the group lifecycle, through REST and the broker. */
@QuarkusTest
class GroupsAndTemplatesTest {

    @Inject
    ParticipantDirectory directory;

    @Test
    void theTwoBuiltInProgrammesAreShippedInChineseAndEnglish() {
        JsonPath six = as(coordinator()).when().get("/api/v1/programme-templates/ADJUSTMENT_6").then().statusCode(200)
                .extract().jsonPath();
        assertThat(six.getString("name.zh")).isEqualTo("独居老人六节调适小组");
        assertThat(six.getList("sessions.theme.en", String.class)).containsExactly(
                "Opening: getting to know each other", "Cognitive adjustment", "Enjoyment adjustment",
                "Technological adjustment", "Communication adjustment", "Consolidation and farewell");
        assertThat(six.getList("sessions.theme.zh", String.class)).contains("认知调适", "巩固与告别");
        assertThat(six.getList("sessions.phase", String.class))
                .containsExactly("CHANGE", "CHANGE", "CHANGE", "CHANGE", "CHANGE", "CONSOLIDATION");
        assertThat(six.getList("sessions.sequence", Integer.class)).containsExactly(1, 2, 3, 4, 5, 6);

        JsonPath eight = as(Api.worker(UUID.randomUUID())).when().get("/api/v1/programme-templates/SPIRITUAL_COMFORT_8")
                .then().statusCode(200).extract().jsonPath();
        assertThat(eight.getInt("plannedSessions")).isEqualTo(8);
        assertThat(eight.getString("groupKind")).isEqualTo("MUTUAL_AID_GROUP");
        assertThat(eight.getList("sessions.phase", String.class)).endsWith("CONSOLIDATION").startsWith("CHANGE");

        as(coordinator()).when().get("/api/v1/programme-templates").then().statusCode(200)
                .body("code", hasItems("ADJUSTMENT_6", "SPIRITUAL_COMFORT_8"));
    }

    @Test
    void aNewTemplateIsNumberedInOrderAndChangeMustComeBeforeConsolidation() {
        String code = "MEMORY_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', '_');
        String plan = """
                {"phase":"%s","theme":{"zh":"%s","en":"%s"},"objectives":[{"zh":"回忆","en":"Remember"}],
                 "activities":[],"defaultDurationMinutes":60}""";
        as(coordinator()).body("""
                {"code":"%s","name":{"zh":"记忆咖啡馆","en":"Memory café"},"groupKind":"INTEREST_GROUP",
                 "sessions":[%s,%s]}""".formatted(code, plan.formatted("CHANGE", "老歌", "Old songs"),
                plan.formatted("CONSOLIDATION", "告别", "Farewell")))
                .when().post("/api/v1/programme-templates")
                .then().statusCode(201).body("sessions.sequence", contains(1, 2)).body("builtIn", equalTo(false));
        assertProblem(as(coordinator()).body("""
                {"code":"%s","name":{"zh":"x","en":"x"},"groupKind":"INTEREST_GROUP","sessions":[%s]}"""
                .formatted(code, plan.formatted("CHANGE", "a", "a"))).when().post("/api/v1/programme-templates").then(), 409);

        var backwards = as(coordinator()).body("""
                {"code":"%s_B","name":{"zh":"x","en":"x"},"groupKind":"INTEREST_GROUP","sessions":[%s,%s]}"""
                .formatted(code, plan.formatted("CONSOLIDATION", "a", "a"), plan.formatted("CHANGE", "b", "b")))
                .when().post("/api/v1/programme-templates").then();
        assertProblem(backwards, 400);
        backwards.body("violations.field", contains("sessions[1].phase"));
        as(coordinator()).when().get("/api/v1/programme-templates/" + code + "_B").then().statusCode(404);
    }

    @Test
    void creatingAGroupFromTheSixSessionProgrammePlansItsWeeklySessionsAroundHolidays() {
        UUID centre = UUID.randomUUID();
        String facilitator = unique("wang");
        // 2026-09-28 is a Monday; 2026-10-05 falls in the National Day holiday
        UUID group = createGroup(Api.worker(centre), templateGroupBody(centre, "ADJUSTMENT_6", "2026-09-28",
                unique("活动室"), facilitator, "\"2026-10-05\""));

        JsonPath sessions = as(Api.worker(centre)).when().get("/api/v1/groups/" + group + "/sessions").then()
                .statusCode(200).extract().jsonPath();
        assertThat(sessions.getList("startsAt", String.class)).containsExactly(
                "2026-09-28T09:30:00+08:00", "2026-10-12T09:30:00+08:00", "2026-10-19T09:30:00+08:00",
                "2026-10-26T09:30:00+08:00", "2026-11-02T09:30:00+08:00", "2026-11-09T09:30:00+08:00");
        // durations come from the plans: the smartphone session is two hours
        assertThat(sessions.getList("endsAt", String.class).get(3)).isEqualTo("2026-10-26T11:30:00+08:00");
        assertThat(sessions.getList("theme.zh", String.class)).containsExactly(
                "相识与开启", "认知调适", "乐趣调适", "科技调适", "沟通调适", "巩固与告别");
        assertThat(sessions.getList("facilitator", String.class)).containsOnly(facilitator);
        assertThat(sessions.getList("timeZone", String.class)).containsOnly("Asia/Shanghai");

        GroupCreated created = EventJson.MAPPER.convertValue(
                json(awaitEvents(group, "group.created.v1", 1).get(0)), GroupCreated.class);
        assertThat(created.plannedSessions()).isEqualTo(6);
        assertThat(created.templateCode()).isEqualTo("ADJUSTMENT_6");
        assertThat(created.centreId()).isEqualTo(centre);
        assertThat(created.facilitators()).containsExactly(facilitator);
        List<SessionScheduled> scheduled = awaitEvents(group, "session.scheduled.v1", 6).stream()
                .map(r -> EventJson.MAPPER.convertValue(json(r), SessionScheduled.class)).toList();
        assertThat(scheduled).extracting(SessionScheduled::sequence).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(scheduled).extracting(SessionScheduled::phase)
                .containsExactly("CHANGE", "CHANGE", "CHANGE", "CHANGE", "CHANGE", "CONSOLIDATION");
        assertThat(scheduled.get(0).startsAt()).isEqualTo(OffsetDateTime.parse("2026-09-28T09:30:00+08:00"));
        assertThat(scheduled).extracting(SessionScheduled::status).containsOnly("SCHEDULED");
    }

    @Test
    void theGroupMovesThroughItsLifecycleAndNeedsEnoughMembersToStart() {
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        UUID group = createGroup(token, groupBody(centre, 2, 5));
        as(token).when().get("/api/v1/groups/" + group).then().statusCode(200)
                .body("status", equalTo("PLANNING")).body("timeZone", equalTo("Asia/Shanghai"))
                .body("capacity.min", equalTo(2)).body("version", equalTo(0));

        var skipping = as(token).body("{\"status\":\"RUNNING\",\"version\":0}").when()
                .post("/api/v1/groups/" + group + "/status").then();
        assertProblem(skipping, 409);
        skipping.body("currentStatus", equalTo("PLANNING")).body("allowedTransitions", hasItems("RECRUITING", "CLOSED"));

        as(token).body("{\"status\":\"RECRUITING\",\"version\":0}").when().post("/api/v1/groups/" + group + "/status")
                .then().statusCode(200).body("status", equalTo("RECRUITING")).body("version", equalTo(1));
        assertProblem(as(token).body("{\"status\":\"RUNNING\",\"version\":0}").when()
                .post("/api/v1/groups/" + group + "/status").then(), 409);

        var tooFew = as(token).body("{\"status\":\"RUNNING\",\"version\":1}").when()
                .post("/api/v1/groups/" + group + "/status").then();
        assertProblem(tooFew, 409);
        tooFew.body("capacityMin", equalTo(2));

        for (UUID p : Api.eligibleParticipants(directory, centre, 2)) {
            enrol(token, group, p).statusCode(201).body("status", equalTo("ENROLLED"));
        }
        as(token).body("{\"status\":\"RUNNING\",\"version\":1}").when().post("/api/v1/groups/" + group + "/status")
                .then().statusCode(200).body("status", equalTo("RUNNING")).body("enrolled", equalTo(2));

        List<ConsumerRecord<String, String>> changes = awaitEvents(group, "group.status-changed.v1", 2);
        assertThat(changes).extracting(r -> json(r).get("to").asText()).containsExactly("RECRUITING", "RUNNING");
    }

    @Test
    void aLargerCapacitySeatsWaitingPeopleAndFacilitatorsCanChange() {
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        String wang = unique("wang");
        String li = unique("li");
        UUID group = createGroup(token, groupBody(centre, 1, 1, wang));
        String session = Api.addSession(token, group, "2028-06-05T09:30:00+08:00", "2028-06-05T11:00:00+08:00",
                unique("室"), wang);
        List<UUID> p = Api.eligibleParticipants(directory, centre, 3);
        p.forEach(person -> enrol(token, group, person).statusCode(201));
        String update = """
                {"name":"老漂族互助小组（第二期）","facilitators":[%s],"capacity":{"min":1,"max":%d},"version":%d}""";

        var dropsWang = as(token).body(update.formatted("\"" + li + "\"", 2, 0)).when().put("/api/v1/groups/" + group).then();
        assertProblem(dropsWang, 409);
        dropsWang.body("sessions", contains(session));

        as(token).body(update.formatted("\"" + wang + "\",\"" + li + "\"", 2, 0)).when().put("/api/v1/groups/" + group)
                .then().statusCode(200).body("enrolled", equalTo(2)).body("waitListed", equalTo(1))
                .body("capacity.max", equalTo(2)).body("name", equalTo("老漂族互助小组（第二期）")).body("version", equalTo(1))
                .body("facilitators", org.hamcrest.Matchers.containsInAnyOrder(wang, li));
        assertProblem(as(token).body(update.formatted("\"" + wang + "\"", 3, 0)).when().put("/api/v1/groups/" + group).then(), 409);
        assertProblem(as(token).body(update.formatted("\"" + wang + "\"", 1, 1)).when().put("/api/v1/groups/" + group).then(), 409)
                .body("enrolled", equalTo(2));

        List<ConsumerRecord<String, String>> enrolled = awaitEvents(group, "member.enrolled.v1", 2);
        assertThat(json(enrolled.get(1)).get("participantId").asText()).isEqualTo(p.get(1).toString());
        assertThat(json(enrolled.get(1)).get("fromWaitList").asBoolean()).isTrue();
        // only the accepted change is announced, with the whole new state, so reporting scopes facilitators by group
        List<ConsumerRecord<String, String>> updates = awaitEvents(group, "group.updated.v1", 1);
        assertThat(updates).hasSize(1);
        GroupUpdated updated = EventJson.MAPPER.convertValue(json(updates.get(0)), GroupUpdated.class);
        assertThat(updated.facilitators()).containsExactlyInAnyOrder(wang, li);
        assertThat(updated.capacityMax()).isEqualTo(2);
        assertThat(updated.version()).isEqualTo(1);
        // li is now one of the group's facilitators and sees it
        as(org.peercircle.testing.Tokens.forSubject(li, org.peercircle.platform.security.Roles.FACILITATOR, centre))
                .when().get("/api/v1/groups/" + group).then().statusCode(200);
    }

    @Test
    void theListShowsTheCallersGroupsAPageAtATime() {
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        for (int i = 0; i < 3; i++) {
            createGroup(token, groupBody(centre, 1, 5));
        }
        as(token).when().get("/api/v1/groups?size=2&page=0").then().statusCode(200)
                .body("total", equalTo(3)).body("items.size()", equalTo(2));
        as(token).when().get("/api/v1/groups?size=2&page=1").then().statusCode(200).body("items.size()", equalTo(1));
        // a group reads the same whether just created or read back: its own time zone, microseconds
        var created = as(token).body(groupBody(centre, 1, 5)).when().post("/api/v1/groups").then().statusCode(201).extract();
        as(token).when().get("/api/v1/groups/" + created.path("id")).then().statusCode(200)
                .body("createdAt", equalTo(created.path("createdAt"))).body("createdAt", org.hamcrest.Matchers.endsWith("+08:00"));
        // another centre is not the caller's: the same 404 as participant-service gives, not an empty page
        assertProblem(as(token).when().get("/api/v1/groups?centreId=" + UUID.randomUUID()).then(), 404);
        as(Api.worker(UUID.randomUUID())).when().get("/api/v1/groups").then().statusCode(200).body("total", equalTo(0));
        as(coordinator()).when().get("/api/v1/groups?centreId=" + centre).then().statusCode(200).body("total", equalTo(4));
        assertProblem(as(token).when().get("/api/v1/groups?status=SLEEPING").then(), 400);
        assertProblem(as(token).when().get("/api/v1/groups?size=1000").then(), 400);
    }

    static com.fasterxml.jackson.databind.JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return EventJson.MAPPER.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
