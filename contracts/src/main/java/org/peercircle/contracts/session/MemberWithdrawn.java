package org.peercircle.contracts.session;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.peercircle.contracts.participant.WithdrawalReason;

/**
 * {@code member.withdrawn.v1}: a member (or a wait-listed person, {@code fromWaitList}) left the group, with a
 * reason code; ERASED when participant-service erased the person.
 */
public record MemberWithdrawn(
        UUID groupId,
        UUID centreId,
        UUID participantId,
        WithdrawalReason reason,
        boolean fromWaitList,
        OffsetDateTime withdrawnAt) {
}
