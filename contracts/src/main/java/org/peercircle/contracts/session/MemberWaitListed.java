package org.peercircle.contracts.session;

import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code member.wait-listed.v1}: the group was full; the participant waits at {@code position} (1 = next). */
public record MemberWaitListed(
        UUID groupId,
        UUID centreId,
        UUID participantId,
        int position,
        OffsetDateTime waitListedAt) {
}
