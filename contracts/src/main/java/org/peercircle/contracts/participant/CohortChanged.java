package org.peercircle.contracts.participant;

import java.util.UUID;

import org.peercircle.contracts.Cohort.AgeBand;
import org.peercircle.contracts.Cohort.Gender;
import org.peercircle.contracts.Cohort.LivingSituation;

/**
 * {@code participant.cohort-changed.v1}: a correction or update changed one of the cohort attributes that
 * {@code participant.registered.v1} carried (for example the living situation after a spouse died).
 */
public record CohortChanged(
        UUID participantId,
        UUID centreId,
        AgeBand ageBand,
        Gender gender,
        LivingSituation livingSituation,
        boolean migrant) {
}
