package org.peercircle.contracts.session;

import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code group.status-changed.v1}: PLANNING → RECRUITING → RUNNING → CLOSED. */
public record GroupStatusChanged(
        UUID groupId,
        UUID centreId,
        String from,
        String to,
        OffsetDateTime changedAt) {
}
