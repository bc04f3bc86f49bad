package org.peercircle.session.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peercircle.session.Api.as;
import static org.peercircle.session.Api.createGroup;
import static org.peercircle.session.Api.enrol;
import static org.peercircle.session.Api.groupBody;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.RepeatedTest;
import org.peercircle.platform.participants.ParticipantDirectory;
import org.peercircle.session.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The capacity rule under concurrency, through REST: 30 people ask at the same moment for the last 7 seats of
 * a group. Exactly 7 get a seat, 23 wait in the order the service took them, and a withdrawal promotes the
 * first in that queue.
 */
@QuarkusTest
class EnrolmentRaceTest {

    static final int CAPACITY = 10;
    static final int ALREADY_ENROLLED = 3;
    static final int RACERS = 30;

    @Inject
    ParticipantDirectory directory;

    record Answer(UUID participantId, int status, String membership, Integer position) {
    }

    @RepeatedTest(5)
    void thirtyRacersForSevenSeatsGiveSevenSeatsAndAnOrderedWaitList() throws Exception {
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        UUID group = createGroup(token, groupBody(centre, 3, CAPACITY));
        List<UUID> people = Api.eligibleParticipants(directory, centre, ALREADY_ENROLLED + RACERS);
        for (UUID early : people.subList(0, ALREADY_ENROLLED)) {
            enrol(token, group, early).statusCode(201);
        }
        List<UUID> racers = people.subList(ALREADY_ENROLLED, people.size());

        List<Answer> answers = race(token, group, racers);

        assertThat(answers).extracting(Answer::status).containsOnly(201);
        List<Answer> seated = answers.stream().filter(a -> "ENROLLED".equals(a.membership())).toList();
        List<Answer> waiting = answers.stream().filter(a -> "WAIT_LISTED".equals(a.membership())).toList();
        assertThat(seated).hasSize(CAPACITY - ALREADY_ENROLLED);
        assertThat(waiting).hasSize(RACERS - (CAPACITY - ALREADY_ENROLLED));
        // each wait-listed answer got its own place, 1..23 without gaps
        assertThat(waiting).extracting(Answer::position)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, waiting.size()).boxed().toList());

        JsonPath roster = as(token).when().get("/api/v1/groups/" + group + "/members").then().statusCode(200)
                .extract().jsonPath();
        assertThat(roster.getList("enrolled")).hasSize(CAPACITY);
        List<String> queue = roster.getList("waitList.participantId", String.class);
        List<String> queueByAnswer = waiting.stream().sorted(Comparator.comparing(Answer::position))
                .map(a -> a.participantId().toString()).toList();
        assertThat(queue).containsExactlyElementsOf(queueByAnswer);
        assertThat(roster.getList("waitList.position", Integer.class))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, queue.size()).boxed().toList());

        // a seat freed by a withdrawal goes to the head of the queue, and everyone moves up one place
        UUID leaving = seated.get(0).participantId();
        as(token).when().delete("/api/v1/groups/" + group + "/members/" + leaving + "?reason=HEALTH")
                .then().statusCode(204);
        JsonPath after = as(token).when().get("/api/v1/groups/" + group + "/members").then().statusCode(200)
                .extract().jsonPath();
        assertThat(after.getList("enrolled.participantId", String.class)).hasSize(CAPACITY)
                .contains(queue.get(0)).doesNotContain(leaving.toString());
        assertThat(after.getList("waitList.participantId", String.class)).containsExactlyElementsOf(queue.subList(1, queue.size()));
        assertThat(after.getList("withdrawn.participantId", String.class)).containsExactly(leaving.toString());
    }

    /** All racers released at once from a latch; the answers in racer order. */
    private static List<Answer> race(String token, UUID group, List<UUID> racers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (UUID p : racers) {
                futures.add(pool.submit(() -> {
                    start.await();
                    var response = enrol(token, group, p).extract();
                    return new Answer(p, response.statusCode(), response.path("status"), response.path("position"));
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : futures) {
                answers.add(f.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
