package org.peercircle.contracts.session;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code group.created.v1}: a support, mutual-aid or interest group was set up in a centre. */
public record GroupCreated(
        UUID groupId,
        UUID centreId,
        String name,
        String kind,
        String templateCode,
        int capacityMin,
        int capacityMax,
        int plannedSessions,
        LocalDate firstSessionDate,
        String timeZone,
        OffsetDateTime createdAt) {
}
