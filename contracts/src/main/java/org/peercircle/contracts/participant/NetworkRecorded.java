package org.peercircle.contracts.participant;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * {@code participant.network-recorded.v1}: a dated snapshot of a participant's support network, as counts
 * only. The names of the ties never leave participant-service.
 *
 * <p>{@code tiesByType} is keyed by FAMILY, PEER, NEIGHBOUR, COMMUNITY_WORKER, ORGANISATION;
 * {@code tiesBySupport} by EXPRESSIVE, INSTRUMENTAL, INFORMATIONAL (a tie may give several kinds).
 */
public record NetworkRecorded(
        UUID participantId,
        UUID centreId,
        UUID snapshotId,
        LocalDate recordedOn,
        int totalTies,
        int formalTies,
        int informalTies,
        Map<String, Integer> tiesByType,
        Map<String, Integer> tiesBySupport) {
}
