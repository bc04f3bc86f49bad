package org.peercircle.session.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.peercircle.session.Api.as;
import static org.peercircle.session.Api.assertProblem;
import static org.peercircle.session.Api.awaitEvents;
import static org.peercircle.session.Api.createGroup;
import static org.peercircle.session.Api.enrol;
import static org.peercircle.session.Api.groupBody;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.peercircle.contracts.EventJson;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.participant.ParticipantErased;
import org.peercircle.contracts.participant.ParticipantStatusChanged;
import org.peercircle.contracts.participant.WithdrawalReason;
import org.peercircle.contracts.session.MemberEnrolled;
import org.peercircle.contracts.session.MemberWithdrawn;
import org.peercircle.platform.participants.ParticipantDirectory;
import org.peercircle.session.Api;
import org.peercircle.testing.Broker;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Who may join, the wait-list, withdrawals, and what participant-service's withdrawals and erasures do here. */
@QuarkusTest
class MembershipTest {

    @Inject
    ParticipantDirectory directory;

    @Test
    void onlyEligiblePeopleOfTheGroupsCentreMayJoin() {
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        UUID group = createGroup(token, groupBody(centre, 1, 5));

        UUID screening = UUID.randomUUID();
        Broker.publish(EventTypes.PARTICIPANT_STATUS_CHANGED, UUID.randomUUID(), screening,
                new ParticipantStatusChanged(screening, centre, "REFERRED", "SCREENING", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.find(screening).isPresent());
        var notYet = enrol(token, group, screening);
        assertProblem(notYet, 409);
        notYet.body("participantStatus", equalTo("SCREENING"));

        assertProblem(enrol(token, group, UUID.randomUUID()), 400);
        UUID elsewhere = Api.eligibleParticipants(directory, UUID.randomUUID(), 1).get(0);
        assertProblem(enrol(token, group, elsewhere), 400).body("violations.field", contains("participantId"));

        UUID eligible = Api.eligibleParticipants(directory, centre, 1).get(0);
        enrol(token, group, eligible).statusCode(201).body("status", equalTo("ENROLLED"));
        assertProblem(enrol(token, group, eligible), 409).body("membershipStatus", equalTo("ENROLLED"));
        as(token).when().get("/api/v1/groups/" + group + "/members").then().statusCode(200)
                .body("enrolled.participantId", contains(eligible.toString()));
    }

    @Test
    void aWithdrawalNeedsAReasonCodeAndPromotesTheNextOnTheWaitList() {
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        UUID group = createGroup(token, groupBody(centre, 1, 1));
        List<UUID> p = Api.eligibleParticipants(directory, centre, 3);
        enrol(token, group, p.get(0)).statusCode(201).body("status", equalTo("ENROLLED"));
        enrol(token, group, p.get(1)).statusCode(201).body("status", equalTo("WAIT_LISTED")).body("position", equalTo(1));
        enrol(token, group, p.get(2)).statusCode(201).body("status", equalTo("WAIT_LISTED")).body("position", equalTo(2));

        String member = "/api/v1/groups/" + group + "/members/" + p.get(0);
        assertProblem(as(token).when().delete(member).then(), 400).body("violations.field", contains("reason"));
        assertProblem(as(token).when().delete(member + "?reason=BORED").then(), 400);
        assertProblem(as(token).when().delete(member + "?reason=ERASED").then(), 400);
        assertProblem(as(token).when().delete("/api/v1/groups/" + group + "/members/" + UUID.randomUUID() + "?reason=HEALTH").then(), 404);

        as(token).when().delete(member + "?reason=MOVED_AWAY").then().statusCode(204);

        JsonPath roster = as(token).when().get("/api/v1/groups/" + group + "/members").then().extract().jsonPath();
        assertThat(roster.getList("enrolled.participantId", String.class)).containsExactly(p.get(1).toString());
        assertThat(roster.getBoolean("enrolled[0].fromWaitList")).isTrue();
        assertThat(roster.getList("waitList.participantId", String.class)).containsExactly(p.get(2).toString());
        assertThat(roster.getInt("waitList[0].position")).isEqualTo(1);
        assertThat(roster.getString("withdrawn[0].withdrawalReason")).isEqualTo("MOVED_AWAY");

        MemberWithdrawn withdrawn = payload(awaitEvents(group, "member.withdrawn.v1", 1).get(0), MemberWithdrawn.class);
        assertThat(withdrawn.participantId()).isEqualTo(p.get(0));
        assertThat(withdrawn.reason()).isEqualTo(WithdrawalReason.MOVED_AWAY);
        assertThat(withdrawn.fromWaitList()).isFalse();
        List<MemberEnrolled> enrolled = awaitEvents(group, "member.enrolled.v1", 2).stream()
                .map(r -> payload(r, MemberEnrolled.class)).toList();
        assertThat(enrolled).extracting(MemberEnrolled::participantId, MemberEnrolled::fromWaitList)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(p.get(0), false),
                        org.assertj.core.groups.Tuple.tuple(p.get(1), true));
        assertThat(awaitEvents(group, "member.wait-listed.v1", 2)).extracting(r -> payload(r, org.peercircle.contracts.session.MemberWaitListed.class).position())
                .containsExactly(1, 2);
    }

    @Test
    void anErasedPersonIsDroppedFromGroupsAndWaitListsAndTheirSeatGoesToTheNext() {
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        UUID group = createGroup(token, groupBody(centre, 1, 1));
        List<UUID> p = Api.eligibleParticipants(directory, centre, 3);
        p.forEach(person -> enrol(token, group, person).statusCode(201));
        String session = Api.addSession(token, group, "2028-05-01T09:30:00+08:00", "2028-05-01T11:00:00+08:00",
                Api.unique("室"), null);
        as(token).body("{\"entries\":[{\"participantId\":\"" + p.get(0) + "\",\"status\":\"LATE\"}]}")
                .when().put("/api/v1/sessions/" + session + "/attendance").then().statusCode(200);
        as(token).body("{\"members\":[{\"participantId\":\"" + p.get(0) + "\",\"participation\":\"PASSIVE\","
                + "\"mood\":\"LOW\",\"note\":\"想念老家\"}]}")
                .when().put("/api/v1/sessions/" + session + "/process-record").then().statusCode(200);

        erase(centre, p.get(0));
        erase(centre, p.get(2));

        JsonPath roster = await().atMost(Duration.ofSeconds(30)).until(
                () -> as(token).when().get("/api/v1/groups/" + group + "/members").then().extract().jsonPath(),
                r -> r.getList("waitList").isEmpty());
        assertThat(roster.getList("enrolled.participantId", String.class)).containsExactly(p.get(1).toString());
        // nothing of the erased people is kept, not even a past membership
        assertThat(roster.getList("withdrawn")).isEmpty();
        assertThat(directory.find(p.get(0))).hasValueSatisfying(e -> assertThat(e.erased()).isTrue());
        // what was observed of the person is gone; their attendance stays counted but points at no one
        as(token).when().get("/api/v1/sessions/" + session + "/process-record").then().statusCode(200)
                .body("members.size()", equalTo(0));
        JsonPath attendance = as(token).when().get("/api/v1/sessions/" + session + "/attendance").then().extract().jsonPath();
        assertThat(attendance.getList("entries.status", String.class)).containsExactly("LATE");
        assertThat(attendance.getList("entries.participantId", String.class)).doesNotContain(p.get(0).toString());

        List<MemberWithdrawn> withdrawn = awaitEvents(group, "member.withdrawn.v1", 2).stream()
                .map(r -> payload(r, MemberWithdrawn.class)).toList();
        assertThat(withdrawn).extracting(MemberWithdrawn::participantId, MemberWithdrawn::reason, MemberWithdrawn::fromWaitList)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(p.get(0), WithdrawalReason.ERASED, false),
                        org.assertj.core.groups.Tuple.tuple(p.get(2), WithdrawalReason.ERASED, true));
        assertThat(awaitEvents(group, "member.enrolled.v1", 2).stream().map(r -> payload(r, MemberEnrolled.class)))
                .anySatisfy(e -> {
                    assertThat(e.participantId()).isEqualTo(p.get(1));
                    assertThat(e.fromWaitList()).isTrue();
                });
        assertProblem(enrol(token, group, p.get(0)), 400);
    }

    @Test
    void someoneParticipantServiceWithdrewLeavesTheirGroupsWithThatReason() {
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        UUID first = createGroup(token, groupBody(centre, 1, 4));
        UUID second = createGroup(token, groupBody(centre, 1, 4));
        UUID person = Api.eligibleParticipants(directory, centre, 1).get(0);
        enrol(token, first, person).statusCode(201);
        enrol(token, second, person).statusCode(201);

        Broker.publish(EventTypes.PARTICIPANT_STATUS_CHANGED, UUID.randomUUID(), person,
                new ParticipantStatusChanged(person, centre, "ENROLLED", "WITHDRAWN", WithdrawalReason.HEALTH));

        for (UUID group : List.of(first, second)) {
            MemberWithdrawn w = payload(awaitEvents(group, "member.withdrawn.v1", 1).get(0), MemberWithdrawn.class);
            assertThat(w.participantId()).isEqualTo(person);
            assertThat(w.reason()).isEqualTo(WithdrawalReason.HEALTH);
            as(token).when().get("/api/v1/groups/" + group + "/members").then()
                    .body("enrolled.size()", equalTo(0)).body("withdrawn[0].withdrawalReason", equalTo("HEALTH"));
        }
    }

    @Test
    void aClosedGroupTakesNoNewMembers() {
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        UUID group = createGroup(token, groupBody(centre, 1, 4));
        as(token).body("{\"status\":\"CLOSED\",\"version\":0}").when().post("/api/v1/groups/" + group + "/status")
                .then().statusCode(200);
        UUID person = Api.eligibleParticipants(directory, centre, 1).get(0);
        assertProblem(enrol(token, group, person), 409).body("groupStatus", equalTo("CLOSED"));
    }

    private static void erase(UUID centre, UUID participant) {
        Broker.publish(EventTypes.PARTICIPANT_ERASED, UUID.randomUUID(), participant,
                new ParticipantErased(participant, centre, OffsetDateTime.now()));
    }

    static <T> T payload(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return EventJson.MAPPER.readValue(record.value(), type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
