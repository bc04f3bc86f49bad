package org.peercircle.contracts.session;

import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code member.enrolled.v1}: a participant took a seat in a group (directly, or promoted from the wait-list). */
public record MemberEnrolled(
        UUID groupId,
        UUID centreId,
        UUID participantId,
        boolean fromWaitList,
        OffsetDateTime enrolledAt) {
}
