package org.peercircle.contracts.session;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code session.completed.v1}: a session took place; counts and theme tags from its process record (the
 * observation notes stay in session-service). {@code objectivesMet} is the mean 1–5 rating of how far the
 * session's objectives were met, null when not rated.
 */
public record SessionCompleted(
        UUID groupId,
        UUID centreId,
        UUID sessionId,
        int sequence,
        String theme,
        OffsetDateTime completedAt,
        int present,
        int late,
        int absent,
        int excused,
        List<String> themeTags,
        Double objectivesMet) {
}
