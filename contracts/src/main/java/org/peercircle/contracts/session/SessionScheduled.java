package org.peercircle.contracts.session;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code session.scheduled.v1}: a session of a group was scheduled, rescheduled or cancelled; the latest event
 * for a {@code sessionId} is its current state. {@code status} is SCHEDULED or CANCELLED; {@code phase} is
 * CHANGE or CONSOLIDATION.
 */
public record SessionScheduled(
        UUID groupId,
        UUID centreId,
        UUID sessionId,
        int sequence,
        String theme,
        String phase,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String status) {
}
