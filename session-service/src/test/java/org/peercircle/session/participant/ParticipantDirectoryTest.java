package org.peercircle.session.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.peercircle.contracts.Cohort.AgeBand;
import org.peercircle.contracts.Cohort.Gender;
import org.peercircle.contracts.Cohort.LivingSituation;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.participant.ParticipantRegistered;
import org.peercircle.contracts.participant.ParticipantStatusChanged;
import org.peercircle.platform.participants.ParticipantDirectory;
import org.peercircle.testing.Broker;

import io.quarkus.test.junit.QuarkusTest;

/** session-service learns who may join a group from participant-events alone. */
@QuarkusTest
class ParticipantDirectoryTest {

    @Inject
    ParticipantDirectory directory;

    @Test
    void followsTheParticipantLifecycleFromEvents() {
        UUID centre = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        Broker.publish(EventTypes.PARTICIPANT_REGISTERED, UUID.randomUUID(), participant, new ParticipantRegistered(
                participant, centre, AgeBand.AGE_70_79, Gender.MALE, LivingSituation.ALONE, false, "SELF",
                OffsetDateTime.now()));
        Broker.publish(EventTypes.PARTICIPANT_STATUS_CHANGED, UUID.randomUUID(), participant,
                new ParticipantStatusChanged(participant, centre, "REFERRED", "SCREENING", null));
        Broker.publish(EventTypes.PARTICIPANT_STATUS_CHANGED, UUID.randomUUID(), participant,
                new ParticipantStatusChanged(participant, centre, "SCREENING", "ELIGIBLE", null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(directory.find(participant))
                .hasValueSatisfying(e -> {
                    assertThat(e.centreId()).isEqualTo(centre);
                    assertThat(e.status()).isEqualTo("ELIGIBLE");
                    assertThat(e.erased()).isFalse();
                }));
    }
}
