package org.peercircle.session.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peercircle.session.Api.as;
import static org.peercircle.session.Api.awaitEvents;
import static org.peercircle.session.Api.createGroup;
import static org.peercircle.session.Api.enrol;
import static org.peercircle.session.Api.templateGroupBody;
import static org.peercircle.session.Api.unique;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.peercircle.contracts.Topics;
import org.peercircle.platform.participants.ParticipantDirectory;
import org.peercircle.session.Api;
import org.peercircle.testing.Broker;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Notes and reasons typed by staff never leave the service: after a group's whole life is written with
 * recognisable free text, no record on session-events (read from the real broker) contains any of it.
 */
@QuarkusTest
class NoFreeTextInEventsTest {

    @Inject
    ParticipantDirectory directory;

    @Test
    void noFreeTextReachesSessionEvents() {
        String marker = "私密-" + UUID.randomUUID();
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        UUID group = createGroup(token, templateGroupBody(centre, "ADJUSTMENT_6", "2028-02-07", unique("室"), unique("wang"), ""));
        List<UUID> p = Api.eligibleParticipants(directory, centre, 2);
        p.forEach(person -> enrol(token, group, person).statusCode(201));
        List<String> sessions = Api.sessionIds(token, group);

        as(token).body("{\"reason\":\"reschedule " + marker + "\",\"startsAt\":\"2028-02-08T14:00:00+08:00\","
                + "\"endsAt\":\"2028-02-08T15:30:00+08:00\",\"version\":0}")
                .when().post("/api/v1/sessions/" + sessions.get(0) + "/reschedule").then().statusCode(200);
        as(token).body("{\"reason\":\"cancel " + marker + "\",\"version\":0}")
                .when().post("/api/v1/sessions/" + sessions.get(5) + "/cancel").then().statusCode(200);
        as(token).body("""
                {"objectiveRatings":[{"objective":1,"rating":5}],
                 "members":[{"participantId":"%s","participation":"ACTIVE","mood":"CHEERFUL","note":"member %s"}],
                 "themeTags":["family","peer-support"],"notes":"notes %s"}""".formatted(p.get(0), marker, marker))
                .when().put("/api/v1/sessions/" + sessions.get(0) + "/process-record").then().statusCode(200);
        as(token).body("{\"what\":\"what " + marker + "\",\"why\":\"why " + marker + "\"}")
                .when().post("/api/v1/groups/" + group + "/adjustments").then().statusCode(201);
        as(token).body("""
                {"entries":[{"participantId":"%s","status":"PRESENT"},{"participantId":"%s","status":"ABSENT"}]}"""
                .formatted(p.get(0), p.get(1))).when().put("/api/v1/sessions/" + sessions.get(0) + "/attendance")
                .then().statusCode(200);
        int version = as(token).when().get("/api/v1/sessions/" + sessions.get(0)).then().extract().path("version");
        as(token).body("{\"version\":" + version + "}").when().post("/api/v1/sessions/" + sessions.get(0) + "/complete")
                .then().statusCode(200);
        as(token).when().delete("/api/v1/groups/" + group + "/members/" + p.get(1) + "?reason=OTHER").then().statusCode(204);
        as(token).when().get("/api/v1/sessions/" + sessions.get(0) + "/process-record").then().statusCode(200);

        awaitEvents(group, "member.withdrawn.v1", 1);
        List<ConsumerRecord<String, String>> all = Broker.readAll(Topics.SESSION_EVENTS);
        assertThat(all.stream().filter(r -> group.toString().equals(r.key())).count())
                .as("the group's events: created, 6 scheduled, 2 enrolled, rescheduled, cancelled, attendance, completed, withdrawn")
                .isEqualTo(14);
        assertThat(all).allSatisfy(r -> assertThat(r.value()).doesNotContain("私密", "notes ", "what ", "why "));
        assertThat(awaitEvents(group, "session.completed.v1", 1).get(0).value())
                .contains("\"themeTags\":[\"family\",\"peer-support\"]");
    }
}
