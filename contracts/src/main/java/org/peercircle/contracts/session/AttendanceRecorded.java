package org.peercircle.contracts.session;

import java.util.List;
import java.util.UUID;

/**
 * {@code attendance.recorded.v1}: who came to a session. Recording again replaces the earlier record for the
 * session. {@code status} per member is PRESENT, LATE, ABSENT or EXCUSED.
 */
public record AttendanceRecorded(
        UUID groupId,
        UUID centreId,
        UUID sessionId,
        int sequence,
        List<Entry> attendance) {

    public record Entry(UUID participantId, String status) {
    }
}
