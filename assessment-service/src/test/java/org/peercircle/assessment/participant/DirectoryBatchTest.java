package org.peercircle.assessment.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.peercircle.contracts.CloudEventHeaders;
import org.peercircle.contracts.Cohort.AgeBand;
import org.peercircle.contracts.Cohort.Gender;
import org.peercircle.contracts.Cohort.LivingSituation;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.participant.ParticipantRegistered;
import org.peercircle.testing.Broker;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * participant-events are applied a polled batch per transaction (platform InboxBatches): a record that cannot be
 * applied does not hold up the others of its batch, it goes to the dead-letter topic alone, and a redelivered event
 * changes nothing.
 */
@QuarkusTest
class DirectoryBatchTest {

    @Inject
    EntityManager em;

    @Test
    void aRecordThatFailsAloneGoesToTheDeadLetterTopicAndTheRestOfItsBatchIsApplied() {
        UUID centre = UUID.randomUUID();
        UUID key = UUID.randomUUID(); // one key: one partition, polled together and in this order
        UUID before = UUID.randomUUID();
        UUID broken = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        UUID brokenEvent = UUID.randomUUID();
        UUID afterEvent = UUID.randomUUID();
        Broker.publish(EventTypes.PARTICIPANT_REGISTERED, UUID.randomUUID(), key, registered(before, centre));
        // no centre: the directory's NOT NULL refuses it, so the whole batch fails once
        Broker.publish(EventTypes.PARTICIPANT_REGISTERED, brokenEvent, key, registered(broken, null));
        Broker.publish(EventTypes.PARTICIPANT_REGISTERED, afterEvent, key, registered(after, centre));
        Broker.publish(EventTypes.PARTICIPANT_REGISTERED, afterEvent, key, registered(after, UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                count("SELECT count(*) FROM participant_directory WHERE participant_id IN (?1, ?2)", before, after))
                .isEqualTo(2));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(deadLetters(brokenEvent)).hasSize(1));
        ConsumerRecord<String, String> letter = deadLetters(brokenEvent).get(0);
        assertThat(Broker.header(letter, "dead-letter-topic")).isEqualTo("participant-events");
        assertThat(Broker.header(letter, "dead-letter-reason")).isNotBlank();
        assertThat(count("SELECT count(*) FROM participant_directory WHERE participant_id = ?1", broken)).isZero();
        assertThat(count("SELECT count(*) FROM participant_directory WHERE participant_id = ?1 AND centre_id = ?2",
                after, centre)).as("the redelivered copy with another centre changed nothing").isEqualTo(1);
        assertThat(deadLetters(afterEvent)).isEmpty();
    }

    private static ParticipantRegistered registered(UUID participant, UUID centre) {
        return new ParticipantRegistered(participant, centre, AgeBand.AGE_70_79, Gender.FEMALE,
                LivingSituation.ALONE, false, "COMMUNITY_WORKER", OffsetDateTime.now());
    }

    private static List<ConsumerRecord<String, String>> deadLetters(UUID eventId) {
        return Broker.readAll("assessment-service.dead-letter").stream()
                .filter(r -> eventId.toString().equals(Broker.header(r, CloudEventHeaders.ID))).toList();
    }

    private long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
