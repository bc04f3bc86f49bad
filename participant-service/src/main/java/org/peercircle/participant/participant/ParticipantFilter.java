package org.peercircle.participant.participant;

import java.util.UUID;

import org.peercircle.contracts.Cohort.LivingSituation;
import org.peercircle.participant.participant.Participant.Status;

/** The filters of the participant list; every one is optional. {@code q} searches names and phone numbers. */
public record ParticipantFilter(UUID centreId, Status status, LivingSituation livingSituation, Boolean migrant,
        String neighbourhood, String q) {
}
