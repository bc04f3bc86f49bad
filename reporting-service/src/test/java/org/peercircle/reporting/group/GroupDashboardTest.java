package org.peercircle.reporting.group;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.peercircle.reporting.Fixtures.T0;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peercircle.contracts.Cohort.AgeBand;
import org.peercircle.contracts.Cohort.Gender;
import org.peercircle.contracts.Cohort.LivingSituation;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.assessment.AssessmentScored;
import org.peercircle.contracts.participant.CohortChanged;
import org.peercircle.contracts.participant.ParticipantErased;
import org.peercircle.contracts.participant.WithdrawalReason;
import org.peercircle.contracts.session.AttendanceRecorded;
import org.peercircle.contracts.session.MemberAtRisk;
import org.peercircle.contracts.session.MemberEnrolled;
import org.peercircle.contracts.session.MemberWaitListed;
import org.peercircle.contracts.session.MemberWithdrawn;
import org.peercircle.contracts.session.SessionCompleted;
import org.peercircle.contracts.session.SessionScheduled;
import org.peercircle.platform.security.Roles;
import org.peercircle.reporting.Fixtures;
import org.peercircle.testing.Broker;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A group's process figures and its centre's dashboard, built from session, participant and assessment events
 * through the real broker; redelivered events (same event id) change nothing, consent withdrawn and granted again
 * counts the person again, an erased person disappears.
 */
@QuarkusTest
class GroupDashboardTest {

    private final UUID centre = UUID.randomUUID();
    private final UUID group = UUID.randomUUID();

    @Test
    void attendanceRetentionAndAtRiskFromEvents() {
        List<UUID> m = Fixtures.ids(7); // m[1]..m[6]; m[0] unused
        UUID w1 = UUID.randomUUID();
        UUID w2 = UUID.randomUUID();
        Fixtures.register(m.get(1), centre, AgeBand.AGE_60_69, LivingSituation.ALONE, false);
        Fixtures.register(m.get(2), centre, AgeBand.AGE_60_69, LivingSituation.ALONE, false);
        Fixtures.register(m.get(3), centre, AgeBand.AGE_60_69, LivingSituation.ALONE, false);
        Fixtures.register(m.get(4), centre, AgeBand.AGE_70_79, LivingSituation.WITH_GRANDCHILDREN, true);
        Fixtures.register(m.get(5), centre, AgeBand.AGE_60_69, LivingSituation.WITH_GRANDCHILDREN, true);
        Fixtures.register(m.get(6), centre, AgeBand.AGE_70_79, LivingSituation.ALONE, false);

        Fixtures.group(group, centre, "老漂族互助小组");
        Fixtures.groupStatus(group, centre, "PLANNING", "RECRUITING");
        Fixtures.groupStatus(group, centre, "RECRUITING", "RUNNING");
        for (int i = 1; i <= 5; i++) {
            Fixtures.enrol(group, centre, m.get(i));
        }
        UUID enrolSix = Fixtures.publish(EventTypes.MEMBER_ENROLLED, group,
                new MemberEnrolled(group, centre, m.get(6), false, T0.minusDays(10)));
        Fixtures.publish(EventTypes.MEMBER_WITHDRAWN, group,
                new MemberWithdrawn(group, centre, m.get(6), WithdrawalReason.TRANSPORT, false, T0.plusDays(8)));
        Broker.publish(EventTypes.MEMBER_ENROLLED, enrolSix, group,
                new MemberEnrolled(group, centre, m.get(6), false, T0.minusDays(10))); // redelivery
        Fixtures.publish(EventTypes.MEMBER_WAIT_LISTED, group, new MemberWaitListed(group, centre, w1, 1, T0.minusDays(9)));
        Fixtures.publish(EventTypes.MEMBER_WAIT_LISTED, group, new MemberWaitListed(group, centre, w2, 2, T0.minusDays(9)));
        Fixtures.publish(EventTypes.MEMBER_WITHDRAWN, group,
                new MemberWithdrawn(group, centre, w2, WithdrawalReason.LOST_INTEREST, true, T0));

        UUID s1 = UUID.randomUUID();
        UUID s2 = UUID.randomUUID();
        UUID s3 = UUID.randomUUID();
        UUID s4 = UUID.randomUUID();
        schedule(s1, 1, "认知调适", 0, "SCHEDULED");
        schedule(s2, 2, "娱乐调适", 7, "SCHEDULED");
        schedule(s3, 3, "科技调适", 14, "SCHEDULED");
        schedule(s3, 3, "科技调适", 15, "SCHEDULED"); // rescheduled: the latest counts
        schedule(s4, 4, "沟通调适", 21, "CANCELLED");

        // session 1 first recorded wrongly (all absent), then corrected; the wrong record is then redelivered
        Map<UUID, String> wrong = new LinkedHashMap<>();
        for (int i = 1; i <= 6; i++) {
            wrong.put(m.get(i), "ABSENT");
        }
        AttendanceRecorded wrongRecord = Fixtures.attendance(group, centre, s1, 1, wrong);
        UUID wrongId = Fixtures.publish(EventTypes.ATTENDANCE_RECORDED, group, wrongRecord);
        Map<UUID, String> right = new LinkedHashMap<>();
        for (int i = 1; i <= 5; i++) {
            right.put(m.get(i), "PRESENT");
        }
        right.put(m.get(6), "ABSENT");
        Fixtures.publish(EventTypes.ATTENDANCE_RECORDED, group, Fixtures.attendance(group, centre, s1, 1, right));
        Broker.publish(EventTypes.ATTENDANCE_RECORDED, wrongId, group, wrongRecord);
        Fixtures.publish(EventTypes.SESSION_COMPLETED, group, new SessionCompleted(group, centre, s1, 1, "认知调适",
                T0.plusHours(2), 6, 0, 0, 0, List.of("认知调适", "破冰"), 4.5));

        Fixtures.publish(EventTypes.ATTENDANCE_RECORDED, group, Fixtures.attendance(group, centre, s2, 2, Map.of(
                m.get(1), "PRESENT", m.get(2), "LATE", m.get(3), "ABSENT", m.get(4), "EXCUSED", m.get(5), "ABSENT")));
        atRisk(m.get(3), s2);
        atRisk(m.get(5), s2);
        Fixtures.publish(EventTypes.ATTENDANCE_RECORDED, group, Fixtures.attendance(group, centre, s3, 3, Map.of(
                m.get(3), "PRESENT", m.get(4), "PRESENT", m.get(5), "ABSENT")));

        // m2 withdrew analytics consent; m4 withdrew and granted it again, then the withdrawal was redelivered
        Fixtures.consent(m.get(2), centre, false);
        UUID withdrawal = Fixtures.consent(m.get(4), centre, false);
        Fixtures.consent(m.get(4), centre, true);
        Broker.publish(EventTypes.PARTICIPANT_CONSENT_CHANGED, withdrawal, m.get(4),
                new org.peercircle.contracts.participant.ConsentChanged(m.get(4), centre,
                        org.peercircle.contracts.participant.ConsentChanged.ConsentType.ANALYTICS, false,
                        org.peercircle.contracts.participant.ConsentChanged.GivenBy.SELF, java.time.LocalDate.of(2026, 3, 1)));
        // m1 was erased
        Fixtures.publish(EventTypes.PARTICIPANT_ERASED, m.get(1), new ParticipantErased(m.get(1), centre, T0.plusDays(20)));
        // needs questionnaire answers
        needs(m.get(3), Map.of("Q1", 2.0, "Q2", 1.0));
        needs(m.get(5), Map.of("Q1", 2.0, "Q2", 3.0));

        // sentinels: the last event on m4's partition and on the group's partition; once both show, everything
        // published before them on those keys (the redeliveries included) has been consumed
        Fixtures.publish(EventTypes.PARTICIPANT_COHORT_CHANGED, m.get(4), new CohortChanged(m.get(4), centre,
                AgeBand.AGE_80_89, Gender.FEMALE, LivingSituation.WITH_GRANDCHILDREN, true));
        UUID sentinel = UUID.randomUUID();
        schedule(sentinel, 5, "巩固", 28, "SCHEDULED");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, centre))
                    .when().get("/api/v1/centres/" + centre + "/dashboard")
                    .then().statusCode(200).body("byAgeBand.AGE_80_89", equalTo(1)).body("needs[0].respondents", equalTo(2));
            given().auth().oauth2(Tokens.of(Roles.FACILITATOR, centre))
                    .when().get("/api/v1/groups/" + group + "/dashboard")
                    .then().statusCode(200).body("sessions.size()", equalTo(5)).body("members.size()", equalTo(6));
        });

        JsonPath g = given().auth().oauth2(Tokens.of(Roles.FACILITATOR, centre))
                .when().get("/api/v1/groups/" + group + "/dashboard").then().statusCode(200).extract().jsonPath();
        assertThat(g.getString("status")).isEqualTo("RUNNING");
        assertThat(g.getString("title")).isEqualTo("老漂族互助小组");
        assertCountedMembership(g, "membership");
        assertThat(g.getMap("withdrawalReasons")).containsExactly(Map.entry("TRANSPORT", 1));
        assertThat(g.getList("members.participantId")).containsExactlyInAnyOrder(m.get(3).toString(),
                m.get(4).toString(), m.get(5).toString(), m.get(6).toString(), w1.toString(), w2.toString());
        // session 1: m3, m4, m5 present, m6 absent (the corrected record, not the redelivered wrong one)
        assertThat(g.getInt("sessions[0].sequence")).isEqualTo(1);
        assertThat(g.getInt("sessions[0].recorded")).isEqualTo(4);
        assertThat(g.getInt("sessions[0].present")).isEqualTo(3);
        assertThat(g.getDouble("sessions[0].attendanceRate")).isEqualTo(0.75);
        assertThat(g.getList("sessions[0].themeTags")).containsExactly("认知调适", "破冰");
        assertThat(g.getDouble("sessions[0].objectivesMet")).isEqualTo(4.5);
        // session 2: m3 absent, m4 excused, m5 absent
        assertThat(g.getInt("sessions[1].recorded")).isEqualTo(3);
        assertThat(g.getDouble("sessions[1].attendanceRate")).isEqualTo(0.0);
        assertThat(g.getString("sessions[2].startsAt")).startsWith("2026-03-17");
        assertThat(g.getDouble("sessions[2].attendanceRate")).isCloseTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-6)); // JsonPath reads floats
        assertThat(g.getString("sessions[3].status")).isEqualTo("CANCELLED");
        assertThat(g.getDouble("attendanceRate")).isEqualTo(0.5); // 5 attended of 10 recorded
        String m4 = "members.find { it.participantId == '" + m.get(4) + "' }";
        assertThat(g.getMap(m4 + ".attendance")).containsExactly(Map.entry("1", "PRESENT"), Map.entry("2", "EXCUSED"),
                Map.entry("3", "PRESENT"));
        assertThat(g.getInt(m4 + ".attended")).isEqualTo(2);
        assertThat(g.getString("members.find { it.participantId == '" + m.get(6) + "' }.state")).isEqualTo("WITHDRAWN");
        // m3 came back to session 3 after the signal; m5 did not
        assertThat(g.getList("atRisk.participantId")).containsExactly(m.get(5).toString());
        assertThat(g.getInt("atRisk[0].lastSessionSequence")).isEqualTo(2);
        assertThat(g.getBoolean("members.find { it.participantId == '" + m.get(5) + "' }.atRisk")).isTrue();

        JsonPath c = given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, centre))
                .when().get("/api/v1/centres/" + centre + "/dashboard").then().statusCode(200).extract().jsonPath();
        assertThat(c.getInt("peopleServed")).isEqualTo(4); // m3, m4, m5, m6
        assertThat(c.getInt("migrants")).isEqualTo(2);
        assertThat(c.getInt("livingAlone")).isEqualTo(2);
        assertThat(c.getMap("byAgeBand")).containsExactlyInAnyOrderEntriesOf(Map.of("AGE_60_69", 2, "AGE_70_79", 1,
                "AGE_80_89", 1));
        assertThat(c.getInt("groupsRunning")).isEqualTo(1);
        assertThat(c.getInt("membership.enrolled")).isEqualTo(3);
        assertThat(c.getInt("membership.withdrawn")).isEqualTo(1);
        assertThat(c.getInt("membership.waitListed")).isEqualTo(1);
        assertThat(c.getDouble("attendanceRate")).isEqualTo(0.5);
        assertThat(c.getList("groups.groupId")).containsExactly(group.toString());
        assertThat(c.getInt("groups[0].sessionsHeld")).isEqualTo(1);
        // the group's line sums it up as its own dashboard does
        assertCountedMembership(c, "groups[0].membership");
        assertThat(c.getDouble("groups[0].attendanceRate")).isEqualTo(0.5);
        assertThat(c.getList("groups[0].atRisk.participantId")).containsExactly(m.get(5).toString());
        assertThat(c.getMap("needs[0].items.Q1")).containsExactly(Map.entry("2", 2));
        assertThat(c.getMap("needs[0].items.Q2")).containsExactly(Map.entry("1", 1), Map.entry("3", 1));
    }

    @Test
    void groupDashboardIsCentreScoped() {
        Fixtures.group(group, centre, "独居长者互助小组");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(Tokens.of(Roles.ANALYST))
                .when().get("/api/v1/groups/" + group + "/dashboard").then().statusCode(200));
        given().auth().oauth2(Tokens.of(Roles.FACILITATOR, UUID.randomUUID()))
                .when().get("/api/v1/groups/" + group + "/dashboard")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/groups/" + group + "/dashboard").then().statusCode(401);
    }

    /**
     * The group's membership as counted: m3, m4, m5 enrolled, m6 withdrawn, w1 waiting, w2 left the wait-list (m1
     * erased, m2 no consent).
     */
    private static void assertCountedMembership(JsonPath json, String membership) {
        assertThat(json.getInt(membership + ".enrolled")).isEqualTo(3);
        assertThat(json.getInt(membership + ".completed")).isZero();
        assertThat(json.getInt(membership + ".withdrawn")).isEqualTo(1);
        assertThat(json.getInt(membership + ".waitListed")).isEqualTo(1);
        assertThat(json.getInt(membership + ".leftWaitList")).isEqualTo(1);
        assertThat(json.getDouble(membership + ".retentionRate")).isEqualTo(0.75);
    }

    private void schedule(UUID session, int sequence, String theme, int day, String status) {
        Fixtures.publish(EventTypes.SESSION_SCHEDULED, group, new SessionScheduled(group, centre, session, sequence, theme,
                sequence <= 3 ? "CHANGE" : "CONSOLIDATION", T0.plusDays(day), T0.plusDays(day).plusHours(2), status));
    }

    private void atRisk(UUID participant, UUID lastSession) {
        Fixtures.publish(EventTypes.MEMBER_AT_RISK, group,
                new MemberAtRisk(group, centre, participant, 2, lastSession, T0.plusDays(8)));
    }

    private void needs(UUID participant, Map<String, Double> items) {
        AssessmentScored s = new AssessmentScored(UUID.randomUUID(), 0, participant, centre, null, "NEEDS-SPIRIT", 1,
                "NEEDS", T0.minusDays(15), null, null, null, false, true, null, null, items, null, null);
        Fixtures.completed(s);
    }
}
