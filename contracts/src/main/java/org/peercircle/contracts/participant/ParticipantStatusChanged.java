package org.peercircle.contracts.participant;

import java.util.UUID;

/**
 * {@code participant.status-changed.v1}: the participant moved along the lifecycle (REFERRED, SCREENING,
 * ELIGIBLE, INELIGIBLE, ENROLLED, COMPLETED, WITHDRAWN). {@code reason} is set for withdrawals only.
 */
public record ParticipantStatusChanged(
        UUID participantId,
        UUID centreId,
        String from,
        String to,
        WithdrawalReason reason) {
}
