package org.peercircle.contracts.participant;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.peercircle.contracts.Cohort.AgeBand;
import org.peercircle.contracts.Cohort.Gender;
import org.peercircle.contracts.Cohort.LivingSituation;

/** {@code participant.registered.v1}: a person was referred to a centre. Pseudonymous id and cohort only. */
public record ParticipantRegistered(
        UUID participantId,
        UUID centreId,
        AgeBand ageBand,
        Gender gender,
        LivingSituation livingSituation,
        boolean migrant,
        String referralSource,
        OffsetDateTime registeredAt) {
}
