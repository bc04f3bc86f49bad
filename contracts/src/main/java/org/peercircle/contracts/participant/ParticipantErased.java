package org.peercircle.contracts.participant;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code participant.erased.v1}: the person's personal data was erased in participant-service. Every other
 * service drops or anonymises what it holds for this pseudonymous id (memberships, answers, read models).
 */
public record ParticipantErased(
        UUID participantId,
        UUID centreId,
        OffsetDateTime erasedAt) {
}
