package org.peercircle.contracts.session;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code member.at-risk.v1}: a member missed {@code consecutiveAbsences} sessions in a row (two or more), so a
 * worker can follow up before the person drops out.
 */
public record MemberAtRisk(
        UUID groupId,
        UUID centreId,
        UUID participantId,
        int consecutiveAbsences,
        UUID lastSessionId,
        OffsetDateTime detectedAt) {
}
